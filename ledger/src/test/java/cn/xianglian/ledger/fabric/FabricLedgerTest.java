package cn.xianglian.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.xianglian.ledger.Identity;
import cn.xianglian.ledger.LedgerException;
import cn.xianglian.ledger.Proposal;
import cn.xianglian.ledger.embedded.EmbeddedCa;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Fabric adapter without a network: failures to reach the gateway peer come back as {@code
 * LEDGER_UNAVAILABLE} at the stage they happened, never as a chaincode code or an unexpected
 * exception. (Against a live network the contract suites run; see network/README.md.)
 */
class FabricLedgerTest {

  @TempDir Path dir;

  @Test
  void anUnreachablePeerIsLedgerUnavailableForEvaluateAndSubmit() throws IOException {
    EmbeddedCa ca = EmbeddedCa.open(dir.resolve("ca"));
    Identity reader =
        ca.enroll(
            "reader", "CountyOrgMSP", Map.of("xl.role", "auditor", "xl.region", "520122000000"));
    Path tlsCa = dir.resolve("tls-ca.pem");
    Files.writeString(tlsCa, ca.rootCertificatePem("CountyOrgMSP"));
    var config =
        new FabricLedgerConfig(
            "127.0.0.1:" + closedPort(),
            tlsCa,
            null,
            "xifeng",
            "xianglian",
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            1);

    try (FabricLedger ledger = FabricLedger.connect(config, reader)) {
      LedgerException query =
          catchThrowableOfType(
              LedgerException.class,
              () -> ledger.evaluate(reader, Proposal.of("trace", "getBatch", "XF-1")));
      assertThat(query.stage()).isEqualTo(LedgerException.Stage.EVALUATE);
      assertThat(query.errorCode()).contains(FabricLedger.UNAVAILABLE);

      LedgerException command =
          catchThrowableOfType(
              LedgerException.class,
              () -> ledger.submit(reader, Proposal.of("trace", "createBatch", "{}")));
      assertThat(command.stage()).isEqualTo(LedgerException.Stage.ENDORSE);
      assertThat(command.errorCode()).contains(FabricLedger.UNAVAILABLE);
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
