package cn.xianglian.chaincode.contracttest;

import cn.xianglian.ledger.Identity;
import cn.xianglian.ledger.embedded.EmbeddedCa;
import cn.xianglian.ledger.embedded.EmbeddedLedger;
import cn.xianglian.ledger.embedded.EmbeddedLedgerConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The finance contract suite on the embedded ledger (an in-process peer running the real contract).
 */
class EmbeddedFinanceContractTest extends FinanceContractSuite {

  @TempDir static Path dir;

  private static EmbeddedNetwork network;

  @BeforeAll
  static void start() {
    EmbeddedCa ca = EmbeddedCa.open(dir.resolve("ca"));
    EmbeddedLedger ledger =
        EmbeddedLedger.open(
            EmbeddedLedgerConfig.defaults(dir.resolve("ledger")).withFsync(false), ca);
    network = new EmbeddedNetwork(ledger, ca);
  }

  @AfterAll
  static void stop() {
    if (network != null) {
      network.ledger().close();
    }
  }

  @Override
  protected TestNetwork network() {
    return network;
  }

  /** Embedded ledger plus its CA; identities are enrolled once per label. */
  private record EmbeddedNetwork(
      EmbeddedLedger ledger, EmbeddedCa ca, Map<String, Identity> enrolled) implements TestNetwork {

    EmbeddedNetwork(EmbeddedLedger ledger, EmbeddedCa ca) {
      this(ledger, ca, new ConcurrentHashMap<>());
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
  }
}
