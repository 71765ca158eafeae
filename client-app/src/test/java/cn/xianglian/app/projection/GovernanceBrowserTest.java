package cn.xianglian.app.projection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xianglian.app.governance.GridFigures;
import cn.xianglian.ledger.LedgerClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A county auditor in a real headless Chromium opens 网格治理, follows a township's figures to its
 * events, an event to its steps, and a step to its ledger transaction (tx id and block).
 * Screenshots go to {@code target/screenshots/} (copies in docs/screenshots/). Needs Debian's
 * {@code chromium}; without it the test fails, saying so.
 */
@DisplayName("In a browser: governance")
class GovernanceBrowserTest extends DemoLedgerContext {

  @LocalServerPort int port;
  @Autowired LedgerClient ledger;
  @Autowired JdbcTemplate jdbc;
  @Autowired BlockProjector projector;
  @Autowired GridFigures grid;

  @Test
  @DisplayName("an auditor drills from the grid SLA to an event's ledger transaction")
  void auditorDrillsToAStepTransaction() throws Exception {
    assertThat(Chromium.installed())
        .as("Debian chromium must be installed (apt-get install chromium; .ci/run does)")
        .isTrue();
    GovernanceTest.projectWithGovernance(ledger, projector, jdbc);
    String base = "http://127.0.0.1:" + port;
    Path shots = Path.of("target", "screenshots");
    // A finished event of 永靖镇 with an escalation, so every column has something to show.
    String eventId =
        jdbc.queryForObject(
            "select min(event_id) from gov_grid_event where township = '520122100000'"
                + " and status in ('CLOSED', 'RATED') and late_steps > 0",
            String.class);
    assertThat(eventId).isNotNull();
    try (var browser = new Chromium(Files.createTempDirectory("xl-chromium"))) {
      browser.navigate(base + "/login");
      browser.submitAndWait(
          "document.querySelector('input[name=username]').value='county-auditor';"
              + "document.querySelector('input[name=password]').value='Xifeng-2026';"
              + "document.getElementById('login').submit()");
      browser.navigate(base + "/web/governance/grid");
      assertThat(browser.text()).contains("网格治理").contains("按时结案率").contains("520122100000");
      browser.screenshot(shots.resolve("governance-grid-sla.png"));

      browser.submitAndWait(
          "location.href = document.querySelector("
              + "'#sla-townships a[href$=\"/townships/520122100000\"]').href");
      assertThat(browser.url()).endsWith("/web/governance/grid/townships/520122100000");
      assertThat(browser.text()).contains(eventId);

      browser.submitAndWait(
          "location.href = [...document.querySelectorAll('a.event')]"
              + ".find(a => a.textContent.trim() === '"
              + eventId
              + "').href");
      assertThat(browser.url()).endsWith("/web/governance/grid/events/" + eventId);
      var steps = grid.steps(eventId);
      var last = steps.getLast();
      assertThat(browser.text()).contains("处置环节").contains("结案").contains(last.txId());
      browser.screenshot(shots.resolve("governance-grid-event.png"));

      browser.submitAndWait(
          "location.href = [...document.querySelectorAll('a.tx')]"
              + ".find(a => a.textContent.trim() === '"
              + last.txId()
              + "').href");
      assertThat(browser.url()).endsWith("/api/v1/transactions/" + last.txId());
      assertThat(browser.text())
          .contains(last.txId())
          .contains("\"blockNumber\":" + last.blockNumber());
      assertThat(Files.size(shots.resolve("governance-grid-event.png"))).isGreaterThan(10_000);
    }
  }
}
