package cn.xianglian.app.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xianglian.app.config.XlProperties;
import cn.xianglian.ledger.Identity;
import cn.xianglian.ledger.embedded.EmbeddedCa;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The wallet directory")
class WalletTest {

  @TempDir Path dataDir;

  private Wallet wallet() {
    return new Wallet(
        new XlProperties(
            "embedded",
            new XlProperties.Data(dataDir),
            new XlProperties.Wallet(dataDir.resolve("wallet"), "public-reader"),
            new XlProperties.Demo(false),
            new XlProperties.Api(65536)));
  }

  @Test
  @DisplayName("keeps an enrolled identity in <label>.id and reads it back in a new instance")
  void roundTrip() {
    Identity enrolled =
        EmbeddedCa.open(dataDir.resolve("ca"))
            .enroll("coop-1", "CoopOrgMSP", Map.of("xl.role", "producer"));
    wallet().put(enrolled);

    Identity read = wallet().find("coop-1").orElseThrow();

    assertThat(dataDir.resolve("wallet/coop-1.id")).exists();
    assertThat(read.mspId()).isEqualTo("CoopOrgMSP");
    assertThat(read.certificatePem()).isEqualTo(enrolled.certificatePem());
    assertThat(read.privateKey().getEncoded()).isEqualTo(enrolled.privateKey().getEncoded());
    assertThat(wallet().find("nobody")).isEmpty();
  }

  @Test
  @DisplayName("refuses labels that could leave the directory")
  void labels() {
    assertThatThrownBy(() -> wallet().find("../users"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
