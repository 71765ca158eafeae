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
 * A producer registers a batch in a real headless Chromium: log in, open "my batches", fill the
 * form, submit, and see the batch on the ledger and in the list. Screenshots go to {@code
 * target/screenshots/}. Needs Debian's {@code chromium} ({@code apt-get install chromium}); without
 * it the test fails, saying so (it is never skipped).
 */
@DisplayName("In a browser")
class BrowserTest extends DemoLedgerContext {

  @LocalServerPort int port;
  @Autowired LedgerClient ledger;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;

  @Test
  @DisplayName("a producer logs in and registers a batch through the form")
  void producerRegistersABatch() throws Exception {
    assertThat(Chromium.installed())
        .as("Debian chromium must be installed (apt-get install chromium; .ci/run does)")
        .isTrue();
    String base = "http://127.0.0.1:" + port;
    String batchId = "WEB-BROWSER-" + System.nanoTime();
    Path shots = Path.of("target", "screenshots");
    var projector = new BlockProjector(jdbc, transactions, BlockProjector.MidBlockHook.NONE);
    try (var projection = new ProjectionRunner(ledger, projector, null);
        var browser = new Chromium(Files.createTempDirectory("xl-chromium"))) {
      projection.start();

      browser.navigate(base + "/login");
      assertThat(browser.text()).contains("用户名");
      browser.submitAndWait(
          "document.querySelector('input[name=username]').value='coop-yongjing';"
              + "document.querySelector('input[name=password]').value='Xifeng-2026';"
              + "document.getElementById('login').submit()");
      assertThat(browser.url()).endsWith("/web/my/batches");
      assertThat(browser.text()).contains("我的批次").contains("XF-GM-2026-001");

      browser.navigate(base + "/web/my/batches/new");
      browser.submitAndWait(
          "document.getElementById('batchId').value='坏 id';"
              + "document.getElementById('batch-form').submit()");
      assertThat(browser.text()).contains("批次号只能包含字母").contains("请填写产品名称");
      browser.screenshot(shots.resolve("producer-batch-form-errors.png"));

      browser.submitAndWait(
          "document.getElementById('batchId').value='"
              + batchId
              + "';"
              + "document.getElementById('productName').value='息烽贡米（新季）';"
              + "document.getElementById('category').value='粮食';"
              + "document.getElementById('productCode').value='XL-RICE';"
              + "document.getElementById('amount').value='800';"
              + "document.getElementById('site').value='5号田';"
              + "document.getElementById('producedAt').value='2026-10-01T08:00';"
              + "document.getElementById('batch-form').submit()");
      assertThat(browser.url()).endsWith("/web/my/batches");
      assertThat(browser.text()).contains("批次 " + batchId + " 已上链");

      await("projection", () -> projection.checkpoint() == ledger.height() - 1);
      browser.navigate(base + "/web/my/batches");
      assertThat(browser.text()).contains(batchId).contains("息烽贡米（新季）");
      browser.screenshot(shots.resolve("producer-my-batches.png"));
      assertThat(Files.size(shots.resolve("producer-my-batches.png"))).isGreaterThan(10_000);
    }
    assertThat(
            jdbc.queryForObject(
                "select producer_id from tr_batch where batch_id = ?", String.class, batchId))
        .isEqualTo("P-520122-0001");
  }

  @Test
  @DisplayName("a county auditor drills from a recall figure to its ledger transaction and proof")
  void auditorDrillsDown() throws Exception {
    assertThat(Chromium.installed())
        .as("Debian chromium must be installed (apt-get install chromium; .ci/run does)")
        .isTrue();
    String base = "http://127.0.0.1:" + port;
    Path shots = Path.of("target", "screenshots");
    var projector = new BlockProjector(jdbc, transactions, BlockProjector.MidBlockHook.NONE);
    try (var projection = new ProjectionRunner(ledger, projector, null);
        var browser = new Chromium(Files.createTempDirectory("xl-chromium"))) {
      projection.start();
      await("projection", () -> projection.checkpoint() == ledger.height() - 1);

      browser.navigate(base + "/login");
      browser.submitAndWait(
          "document.querySelector('input[name=username]').value='county-auditor';"
              + "document.querySelector('input[name=password]').value='Xifeng-2026';"
              + "document.getElementById('login').submit()");
      assertThat(browser.url()).endsWith("/web/audit");
      assertThat(browser.text()).contains("溯源监管总览");
      browser.screenshot(shots.resolve("auditor-overview.png"));

      // The one township with a recall: follow its non-zero recall figure.
      browser.submitAndWait(
          "location.href = [...document.querySelectorAll('a[href*=\"/web/audit/recalls\"]')]"
              + ".find(a => a.textContent.trim() !== '0').href");
      String txId =
          jdbc.queryForObject(
              "select tx_id from tr_recall where recall_id = 'ZH-520122-2026-001'", String.class);
      assertThat(browser.text()).contains("ZH-520122-2026-001").contains(txId);
      browser.screenshot(shots.resolve("auditor-recalls.png"));

      browser.submitAndWait("location.href = document.querySelector('a.proof').href");
      assertThat(browser.url()).endsWith("/public/verify/recall/ZH-520122-2026-001");
      assertThat(browser.text()).contains("已在账本上核验").contains(txId);
    }
  }
}
