package cn.xianglian.app.projection;

import static cn.xianglian.app.projection.LedgerCounts.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xianglian.ledger.BlockEvent;
import cn.xianglian.ledger.LedgerClient;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The projection over the demo dataset on the real embedded ledger and an H2 file database. The
 * application's own runner is off; each test drives a projector and runner of its own, as a process
 * (re)start would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Projection of committed blocks into SQL")
class ProjectionTest extends DemoLedgerContext {

  @Autowired LedgerClient ledger;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;
  @org.springframework.boot.test.web.server.LocalServerPort int port;

  /** Thrown by the injected failure: the "crash" in the middle of a block. */
  static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Crash(long block) {
      super("injected crash in block " + block);
    }
  }

  @Test
  @Order(1)
  @DisplayName(
      "a crash mid-block during catch-up commits nothing of that block; after a restart the"
          + " counts equal the ledger's")
  void crashDuringCatchUp() {
    long height = ledger.height();
    assertThat(height).as("the demo dataset wrote blocks").isGreaterThan(20);
    long crashBlock = height / 2;
    // Start from an empty projection (the shared context may have projected already).
    new BlockProjector(jdbc, transactions, BlockProjector.MidBlockHook.NONE).clear();
    var crashing =
        new BlockProjector(
            jdbc,
            transactions,
            block -> {
              if (block.number() == crashBlock) {
                throw new Crash(block.number());
              }
            });
    try (var runner = new ProjectionRunner(ledger, crashing, null)) {
      runner.start();
      await("the crash", () -> runner.state() == ProjectionRunner.State.FAILED);
      assertThat(runner.failure()).contains("injected crash in block " + crashBlock);
    }

    // Exactly the blocks before the crash are there, with all their rows and nothing of the rest.
    assertThat(LedgerCounts.ofProjection(jdbc))
        .isEqualTo(LedgerCounts.ofLedger(ledger, crashBlock - 1));
    assertThat(jdbc.queryForObject("select max(block_number) from xl_transaction", Long.class))
        .isEqualTo(crashBlock - 1);

    // Restart: a fresh runner resumes from the checkpoint + 1.
    var projector = new BlockProjector(jdbc, transactions, BlockProjector.MidBlockHook.NONE);
    try (var runner = new ProjectionRunner(ledger, projector, null)) {
      runner.start();
      await("catch-up", () -> runner.checkpoint() == ledger.height() - 1);
      assertThat(runner.lag()).isZero();
      assertThat(runner.state()).isEqualTo(ProjectionRunner.State.RUNNING);
    }
    long last = ledger.height() - 1;
    LedgerCounts expected = LedgerCounts.ofLedger(ledger, last);
    assertThat(LedgerCounts.ofProjection(jdbc)).isEqualTo(expected);
    assertThat(expected.records().get("tr_batch")).isGreaterThan(10);
    assertThat(expected.records().get("tr_recall")).isEqualTo(1);
    assertThat(expected.records().get("tr_warning")).isEqualTo(1);
  }

  @Test
  @Order(2)
  @DisplayName("the read models say what the demo dataset recorded")
  void readModels() {
    assertThat(
            jdbc.queryForObject(
                "select status from tr_batch where batch_id = 'XF-PG-2026-001-A'", String.class))
        .isEqualTo("RECALLED");
    assertThat(
            jdbc.queryForList(
                "select batch_id from tr_recall where recall_id = 'ZH-520122-2026-001'",
                String.class))
        .containsExactly("XF-PG-2026-001");
    assertThat(
            jdbc.queryForList(
                "select batch_id from tr_warning where warning_id = 'YJ-520122-2026-001'",
                String.class))
        .containsExactly("XF-PT-2026-001");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from tr_certificate where certificate_no"
                    + " = 'HGZ-520122-2026-000001'",
                Long.class))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select township from tr_batch where batch_id = 'XF-GM-2026-001'", String.class))
        .matches("520122\\d{3}000");
    // Every transaction row names its block, position, signer, time and function.
    assertThat(
            jdbc.queryForObject(
                "select count(*) from xl_transaction where msp_id is null or tx_timestamp is null"
                    + " or function_name is null",
                Long.class))
        .isZero();
  }

  @Test
  @Order(3)
  @DisplayName("a redelivered block is skipped and changes nothing")
  void redeliveryIsSkipped() {
    var projector = new BlockProjector(jdbc, transactions, BlockProjector.MidBlockHook.NONE);
    LedgerCounts before = LedgerCounts.ofProjection(jdbc);
    BlockEvent first = firstBlocks(2).get(1);
    assertThat(projector.project(first)).isEqualTo(BlockProjector.Outcome.SKIPPED);
    assertThat(LedgerCounts.ofProjection(jdbc)).isEqualTo(before);
  }

  @Test
  @Order(4)
  @DisplayName("a block that does not link to the projected chain is refused, nothing written")
  void brokenChainIsRefused() {
    var projector = new BlockProjector(jdbc, transactions, BlockProjector.MidBlockHook.NONE);
    long checkpoint = projector.checkpoint().lastBlock();
    LedgerCounts before = LedgerCounts.ofProjection(jdbc);
    var forged = new BlockEvent(checkpoint + 1, new byte[32], new byte[32], List.of());
    assertThatThrownBy(() -> projector.project(forged))
        .isInstanceOf(ProjectionException.class)
        .hasMessageContaining("hash chain broken at block " + (checkpoint + 1));
    var gap = new BlockEvent(checkpoint + 2, new byte[32], new byte[32], List.of());
    assertThatThrownBy(() -> projector.project(gap))
        .isInstanceOf(ProjectionException.class)
        .hasMessageContaining("(a gap)");
    assertThat(projector.checkpoint().lastBlock()).isEqualTo(checkpoint);
    assertThat(LedgerCounts.ofProjection(jdbc)).isEqualTo(before);
  }

  @Test
  @Order(5)
  @DisplayName("a rebuild drops every row and replays the ledger to the same counts")
  void rebuild() {
    var projector = new BlockProjector(jdbc, transactions, BlockProjector.MidBlockHook.NONE);
    try (var runner = new ProjectionRunner(ledger, projector, null)) {
      jdbc.update("delete from tr_batch where batch_id = 'XF-GM-2026-001'");
      runner.rebuild();
      await("replay", () -> runner.checkpoint() == ledger.height() - 1);
    }
    assertThat(LedgerCounts.ofProjection(jdbc))
        .isEqualTo(LedgerCounts.ofLedger(ledger, ledger.height() - 1));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from tr_batch where batch_id = 'XF-GM-2026-001'", Long.class))
        .isEqualTo(1);
  }

  @Test
  @Order(6)
  @DisplayName("the lag is in the health endpoint and in the Prometheus metrics")
  void lagIsObservable() throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    var health =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/actuator/health/projection"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    long checkpoint = new BlockProjector(jdbc, transactions, null).checkpoint().lastBlock();
    assertThat(health.body())
        .contains("\"checkpoint\":" + checkpoint)
        .contains("\"lag\":" + (ledger.height() - checkpoint - 1));
    var metrics =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("xl_projection_lag_blocks")
        .contains("xl_projection_checkpoint");
  }

  private List<BlockEvent> firstBlocks(int count) {
    var blocks = new java.util.concurrent.CopyOnWriteArrayList<BlockEvent>();
    var subscription =
        ledger.onBlocks(
            0,
            block -> {
              if (blocks.size() < count) {
                blocks.add(block);
              }
            });
    try {
      await("blocks", () -> blocks.size() == count);
    } finally {
      subscription.close();
    }
    return List.copyOf(blocks);
  }
}
