package cn.xianglian.chaincode.contracttest;

import cn.xianglian.ledger.Identity;
import cn.xianglian.ledger.embedded.EmbeddedCa;
import cn.xianglian.ledger.embedded.EmbeddedLedger;
import cn.xianglian.ledger.embedded.EmbeddedLedgerConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded ledger (an in-process peer running the real contracts) and its CA as a {@link
 * TestNetwork}; identities are enrolled once per label, MSP and attributes. Suites open one per
 * test class and close it after.
 */
public final class EmbeddedTestNetwork implements TestNetwork, AutoCloseable {

  private final EmbeddedLedger ledger;
  private final EmbeddedCa ca;
  private final Map<String, Identity> enrolled = new ConcurrentHashMap<>();

  private EmbeddedTestNetwork(EmbeddedLedger ledger, EmbeddedCa ca) {
    this.ledger = ledger;
    this.ca = ca;
  }

  /** A fresh network under {@code dir}; fsync is off, since tests do not crash the machine. */
  public static EmbeddedTestNetwork open(Path dir) {
    EmbeddedCa ca = EmbeddedCa.open(dir.resolve("ca"));
    return new EmbeddedTestNetwork(
        EmbeddedLedger.open(
            EmbeddedLedgerConfig.defaults(dir.resolve("ledger")).withFsync(false), ca),
        ca);
  }

  @Override
  public EmbeddedLedger ledger() {
    return ledger;
  }

  @Override
  public Identity identity(String label, String mspId, Map<String, String> attrs) {
    return enrolled.computeIfAbsent(
        label + "@" + mspId + attrs, key -> ca.enroll(label, mspId, attrs));
  }

  @Override
  public void close() {
    ledger.close();
  }
}
