package cn.xianglian.ledger.embedded;

import cn.xianglian.ledger.Identity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Shared set-up: a CA and a ledger in a temporary directory, and enrolled identities. */
final class TestLedgers {

  private TestLedgers() {}

  static EmbeddedLedgerConfig config(Path dir) {
    return EmbeddedLedgerConfig.defaults(dir.resolve("ledger"));
  }

  /** Blocks cut at exactly {@code size} transactions: deterministic grouping for MVCC tests. */
  static EmbeddedLedgerConfig blocksOf(Path dir, int size) {
    return config(dir).withBlockCutting(size, Duration.ofSeconds(30));
  }

  static Identity producer(EmbeddedCa ca) {
    return ca.enroll(
        "coop-1", "CoopOrgMSP", Map.of("xl.role", "producer", "xl.region", "520122100000"));
  }
}
