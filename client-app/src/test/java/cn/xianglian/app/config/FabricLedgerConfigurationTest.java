package cn.xianglian.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.xianglian.ledger.Identities;
import cn.xianglian.ledger.LedgerClient;
import cn.xianglian.ledger.embedded.EmbeddedCa;
import cn.xianglian.ledger.fabric.FabricLedger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * {@code xl.ledger=fabric} wires the fabric-gateway adapter from {@code xl.fabric.*} and the
 * wallet; with no peer listening, a read is answered 503 {@code LEDGER_UNAVAILABLE}, not a 500.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FabricLedgerConfigurationTest {

  private static final Path DIR = createDirectory();

  @DynamicPropertySource
  static void fabric(DynamicPropertyRegistry registry) throws IOException {
    EmbeddedCa ca = EmbeddedCa.open(DIR.resolve("ca"));
    Path wallet = Files.createDirectories(DIR.resolve("wallet"));
    Identities.write(
        wallet.resolve("public-reader.id"),
        ca.enroll(
            "public-reader",
            "CountyOrgMSP",
            Map.of("xl.role", "auditor", "xl.region", "520122000000")));
    Path tlsCa = DIR.resolve("tls-ca.pem");
    Files.writeString(tlsCa, ca.rootCertificatePem("CountyOrgMSP"));
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    registry.add("xl.ledger", () -> "fabric");
    registry.add("xl.demo.enabled", () -> "false");
    registry.add("xl.data.dir", DIR::toString);
    registry.add("xl.wallet.dir", wallet::toString);
    registry.add("xl.fabric.peer-endpoint", () -> "127.0.0.1:" + port);
    registry.add("xl.fabric.tls-ca-certificate", tlsCa::toString);
    registry.add("xl.fabric.evaluate-timeout", () -> "2s");
  }

  @Autowired LedgerClient ledger;
  @Autowired MockMvc mvc;

  @Test
  void theLedgerIsTheFabricAdapter() {
    assertThat(ledger).isInstanceOf(FabricLedger.class);
  }

  @Test
  void aReadWithTheNetworkDownIsServiceUnavailable() throws Exception {
    mvc.perform(MockMvcRequestBuilders.get("/api/v1/batches/XF-GM-2026-001"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.code").value("LEDGER_UNAVAILABLE"));
  }

  private static Path createDirectory() {
    try {
      return Files.createTempDirectory("xl-fabric-config");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
