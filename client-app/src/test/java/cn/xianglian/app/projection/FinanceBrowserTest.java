package cn.xianglian.app.projection;

import static cn.xianglian.app.projection.LedgerCounts.await;
import static org.assertj.core.api.Assertions.assertThat;

import cn.xianglian.ledger.LedgerClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The finance pages in a real headless Chromium: a county auditor drills from an anomaly to its
 * voucher and ledger transactions and the proof; a village publishes a disclosure that a visitor
 * then sees and verifies. Screenshots go to {@code target/screenshots/} (copies in
 * docs/screenshots/). Needs Debian's {@code chromium}; without it the test fails, saying so.
 */
@DisplayName("Finance in a browser")
class FinanceBrowserTest extends DemoLedgerContext {

  private static final String VILLAGE = "520122100201";

  @LocalServerPort int port;
  @Autowired LedgerClient ledger;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;

  @Test
  @DisplayName("a county auditor drills from an anomaly to its voucher's ledger transactions")
  void auditorDrillsFromAnAnomaly() throws Exception {
    assertThat(Chromium.installed()).as("Debian chromium must be installed").isTrue();
    String base = "http://127.0.0.1:" + port;
    Path shots = Path.of("target", "screenshots");
    var projector = new BlockProjector(jdbc, transactions, BlockProjector.MidBlockHook.NONE);
    try (var projection = new ProjectionRunner(ledger, projector, null);
        var browser = new Chromium(Files.createTempDirectory("xl-chromium"))) {
      projection.start();
      await("projection", () -> projection.checkpoint() == ledger.height() - 1);
      login(browser, base, "county-auditor");
      browser.submitAndWait("location.href = document.getElementById('finance-link').href");
      assertThat(browser.text()).contains("三资监管总览").contains(VILLAGE);
      browser.screenshot(shots.resolve("finance-auditor-overview.png"));

      browser.submitAndWait(
          "location.href = document.querySelector('tr[data-village=\""
              + VILLAGE
              + "\"] a.anomalies').href");
      assertThat(browser.url()).contains("/web/finance/anomalies");
      String voucherId =
          jdbc.queryForObject(
              "select min(record_id) from fin_anomaly_evidence where village = ?"
                  + " and record_type = 'voucher'",
              String.class,
              VILLAGE);
      assertThat(voucherId).as("the demo month has an anomaly with a voucher").isNotNull();
      assertThat(browser.text()).contains(voucherId);
      browser.screenshot(shots.resolve("finance-auditor-anomalies.png"));

      browser.submitAndWait(
          "location.href = [...document.querySelectorAll('a.evidence')]"
              + ".find(a => a.textContent.trim() === '"
              + voucherId
              + "').href");
      assertThat(browser.url()).endsWith("/web/finance/vouchers/" + voucherId);
      String postTx =
          jdbc.queryForObject(
              "select tx_id from fin_voucher_step where voucher_id = ? and status = 'POSTED'",
              String.class,
              voucherId);
      long block =
          jdbc.queryForObject(
              "select block_number from xl_transaction where tx_id = ?", Long.class, postTx);
      assertThat(browser.text()).contains(postTx).contains(String.valueOf(block));
      browser.screenshot(shots.resolve("finance-auditor-voucher.png"));

      browser.submitAndWait("location.href = document.querySelector('a.proof').href");
      assertThat(browser.url()).endsWith("/public/verify/voucher/" + voucherId);
      assertThat(browser.text()).contains("已在账本上核验");
      browser.screenshot(shots.resolve("finance-voucher-verified.png"));
    }
  }

  @Test
  @DisplayName("a village publishes a disclosure that a visitor then sees and verifies")
  void villagePublishesAndVisitorVerifies() throws Exception {
    assertThat(Chromium.installed()).as("Debian chromium must be installed").isTrue();
    String base = "http://127.0.0.1:" + port;
    Path shots = Path.of("target", "screenshots");
    String publicationId = "BR-PUB-" + System.nanoTime();
    var projector = new BlockProjector(jdbc, transactions, BlockProjector.MidBlockHook.NONE);
    try (var projection = new ProjectionRunner(ledger, projector, null);
        var browser = new Chromium(Files.createTempDirectory("xl-chromium"))) {
      projection.start();
      login(browser, base, "village-bookkeeper");
      assertThat(browser.url()).endsWith("/web/village");
      assertThat(browser.text()).contains("村务公开管理");

      browser.submitAndWait("document.getElementById('disclosure-form').submit()");
      assertThat(browser.text()).contains("请填写公开编号").contains("请填写标题");
      browser.screenshot(shots.resolve("village-disclosure-form-errors.png"));

      browser.submitAndWait(
          "document.getElementById('publicationId').value='"
              + publicationId
              + "';"
              + "document.getElementById('itemCode').value='CAIW-03';"
              + "document.getElementById('period').value='2026-11';"
              + "document.getElementById('title').value='2026年11月各项支出公开';"
              + "document.getElementById('content').value='道路维修 60,000.00 元；办公用品 830.00 元。';"
              + "document.getElementById('disclosure-form').submit()");
      assertThat(browser.text()).contains("公开 " + publicationId + " 已上链");
      browser.screenshot(shots.resolve("village-published.png"));

      browser.submitAndWait("document.querySelector('form[action$=\"/logout\"]').submit()");
      await("projection", () -> projection.checkpoint() == ledger.height() - 1);
      browser.navigate(base + "/public/villages/" + VILLAGE);
      assertThat(browser.text())
          .contains(publicationId)
          .contains("道路维修 60,000.00 元")
          .contains("与账本哈希一致");
      browser.screenshot(shots.resolve("public-village-disclosures.png"));

      browser.submitAndWait(
          "location.href = document.querySelector('tr[data-id=\""
              + publicationId
              + "\"] a.proof').href");
      assertThat(browser.url()).endsWith("/public/verify/publication/" + publicationId);
      assertThat(browser.text()).contains("已在账本上核验");
      browser.screenshot(shots.resolve("public-disclosure-verified.png"));
    }
  }

  private static void login(Chromium browser, String base, String username) {
    browser.navigate(base + "/login");
    browser.submitAndWait(
        "document.querySelector('input[name=username]').value='"
            + username
            + "';"
            + "document.querySelector('input[name=password]').value='Xifeng-2026';"
            + "document.getElementById('login').submit()");
  }
}
