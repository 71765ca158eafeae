package cn.xianglian.chaincode.contracttest;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grid contract suite on the embedded ledger (an in-process peer running the real contract).
 */
class EmbeddedGridContractTest extends GridContractSuite {

  @TempDir static Path dir;

  private static EmbeddedTestNetwork network;

  @BeforeAll
  static void start() {
    network = EmbeddedTestNetwork.open(dir);
  }

  @AfterAll
  static void stop() {
    if (network != null) {
      network.close();
    }
  }

  @Override
  protected TestNetwork network() {
    return network;
  }
}
