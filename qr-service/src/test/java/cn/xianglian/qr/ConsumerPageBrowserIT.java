package cn.xianglian.qr;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xianglian.qr.digitallink.DigitalLink;
import cn.xianglian.qr.digitallink.Gtin;
import cn.xianglian.qr.signing.CodeSigner;
import cn.xianglian.qr.system.IssuerKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The consumer page as a phone shows it: the app (embedded ledger, demo data) on a random port,
 * headless Chromium (Debian package {@code chromium}) at 390 px width, the DOM it built read back
 * and a screenshot kept in {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsumerPageBrowserIT {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path SHOTS = Path.of("target", "screenshots");

  @TempDir static Path dir;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("xl.qr.data-dir", () -> dir.toString());
    registry.add("xl.qr.demo", () -> "true");
    registry.add("spring.datasource.url", () -> "jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1");
  }

  @LocalServerPort int port;
  @Autowired IssuerKeys keys;

  String url(String lot, String serial) {
    var link = new DigitalLink(new Gtin("06901234567892"), lot, serial);
    return CodeSigner.sign(keys.ring(), link).uri("http://127.0.0.1:" + port);
  }

  @Test
  void a_genuine_code_shows_product_origin_inspection_certificate_and_timeline() throws Exception {
    String url = url("XF-DEMO-0001", "U1");
    String dom = chromium("--dump-dom", url);
    assertThat(dom)
        .contains("正品码", "息烽贡米", "永靖镇青山家庭农场", "毒死蜱", "HG-DEMO-0001", "机械收割", "所在包装：C1")
        .contains("id=\"complaint-link\"")
        .contains("2026年9月20日 08:00", "2026年9月25日 09:00")
        .doesNotContain("+08:00")
        .doesNotContain("id=\"recall-banner\"");
    assertThat(screenshot(url, "consumer-page.png")).isGreaterThan(10_000);
  }

  @Test
  void a_recalled_batch_shows_the_red_banner() throws Exception {
    String url = url("XF-DEMO-0002", "U1");
    assertThat(chromium("--dump-dom", url)).contains("id=\"recall-banner\"", "该批次已召回", "抽检镉含量超标");
    assertThat(screenshot(url, "consumer-page-recalled.png")).isGreaterThan(10_000);
  }

  @Test
  void a_forged_code_shows_the_not_genuine_page() throws Exception {
    String genuine = url("XF-DEMO-0001", "U2");
    String forged = genuine.replace("/21/U2?", "/21/U3?");
    assertThat(chromium("--dump-dom", forged)).contains("非正品或无效码", "SIGNATURE_INVALID");
    assertThat(screenshot(forged, "not-genuine-page.png")).isGreaterThan(5_000);
  }

  long screenshot(String url, String name) throws Exception {
    Files.createDirectories(SHOTS);
    Path file = SHOTS.resolve(name).toAbsolutePath();
    Files.deleteIfExists(file);
    chromium("--screenshot=" + file, url);
    return Files.size(file);
  }

  /** Runs headless Chromium at a phone's width; returns what it printed. */
  static String chromium(String action, String url) throws IOException, InterruptedException {
    assertThat(CHROMIUM).as("Debian package chromium must be installed").isExecutable();
    List<String> command =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--no-first-run",
                "--lang=zh-CN",
                "--window-size=390,1400",
                action,
                url));
    Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    process.getErrorStream().transferTo(java.io.OutputStream.nullOutputStream());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    return new String(out, StandardCharsets.UTF_8);
  }
}
