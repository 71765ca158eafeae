package cn.xianglian.app.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.xianglian.ledger.Identity;
import cn.xianglian.ledger.Proposal;
import cn.xianglian.ledger.embedded.EmbeddedCa;
import cn.xianglian.ledger.embedded.EmbeddedLedger;
import cn.xianglian.ledger.embedded.EmbeddedLedgerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Catch-up speed of the projection (a benchmark, not a test: it runs only with {@code
 * -Dxl.bench=true}). Writes {@code xl.bench.batches} batches (createBatch + 4 recordEvent each) to
 * a fresh embedded ledger from 64 concurrent callers, then projects the whole ledger into a fresh
 * H2 file database (the application's settings) and prints transactions per second, and per
 * CPU-second of the process (a figure that depends less on what else the machine is doing).
 *
 * <pre>{@code ./mvnw -pl client-app test -Dtest=ProjectionBenchmark -Dxl.bench=true}</pre>
 */
@DisplayName("Projection catch-up benchmark")
class ProjectionBenchmark {

  private static final String REGION = "520122100000";
  private static final String H2_SETTINGS = ";DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=65536";

  @Test
  @DisplayName("projects a pre-written ledger and reports tx/s")
  void catchUp() throws Exception {
    assumeTrue(Boolean.getBoolean("xl.bench"), "benchmark: run with -Dxl.bench=true");
    int batches = Integer.getInteger("xl.bench.batches", 4000);
    Path dir = Files.createTempDirectory(Path.of("target"), "bench-");
    EmbeddedCa ca = EmbeddedCa.open(dir.resolve("ca"));
    try (EmbeddedLedger ledger =
        EmbeddedLedger.open(EmbeddedLedgerConfig.defaults(dir.resolve("ledger")), ca)) {
      Identity producer =
          ca.enroll(
              "bench",
              "CoopOrgMSP",
              Map.of("xl.role", "producer", "xl.region", REGION, "xl.party", "P-BENCH"));
      ledger.submit(
          producer,
          Proposal.of(
              "trace",
              "registerProducer",
              "{\"producerId\":\"P-BENCH\",\"type\":\"FAMILY_FARM\",\"name\":\"基准农场\","
                  + "\"region\":\""
                  + REGION
                  + "\"}"));
      long writeStart = System.nanoTime();
      try (var pool = Executors.newFixedThreadPool(64)) {
        var futures = new ArrayList<Future<?>>();
        for (int b = 0; b < batches; b++) {
          String batchId = "B-" + b;
          futures.add(
              pool.submit(
                  () -> {
                    ledger.submit(producer, Proposal.of("trace", "createBatch", batch(batchId)));
                    for (int e = 0; e < 4; e++) {
                      ledger.submit(
                          producer, Proposal.of("trace", "recordEvent", event(batchId, e)));
                    }
                  }));
        }
        for (Future<?> future : futures) {
          future.get();
        }
      }
      double writeSeconds = (System.nanoTime() - writeStart) / 1e9;

      var h2 = new com.zaxxer.hikari.HikariDataSource();
      // The application's URL (application.yml) with its settings.
      h2.setJdbcUrl(
          "jdbc:h2:file:"
              + dir.resolve("projection/xl").toAbsolutePath()
              + System.getProperty("xl.bench.h2-settings", H2_SETTINGS));
      h2.setUsername("sa");
      Flyway.configure().dataSource(h2).load().migrate();
      var jdbc = new JdbcTemplate(h2);
      var transactions = new TransactionTemplate(new DataSourceTransactionManager(h2));
      var projector = new BlockProjector(jdbc, transactions, BlockProjector.MidBlockHook.NONE);
      long last = ledger.height() - 1;
      var os =
          (com.sun.management.OperatingSystemMXBean)
              java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      long cpuStart = os.getProcessCpuTime();
      long start = System.nanoTime();
      try (var runner = new ProjectionRunner(ledger, projector, null)) {
        runner.start();
        LedgerCounts.await(
            "catch-up",
            () -> {
              assertThat(runner.failure()).isNull();
              return runner.checkpoint() == last;
            });
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
      long txs = jdbc.queryForObject("select count(*) from xl_transaction", Long.class);
      long writes = jdbc.queryForObject("select count(*) from xl_key_write", Long.class);
      System.out.printf(
          "BENCH ledger: %d tx in %d blocks written in %.1f s; projection catch-up: %d tx, %d key"
              + " writes in %.2f s = %.0f tx/s; %.2f CPU-s (all threads) = %.0f tx per CPU-s;"
              + " load average %.1f%n",
          txs,
          last + 1,
          writeSeconds,
          txs,
          writes,
          seconds,
          txs / seconds,
          cpuSeconds,
          txs / cpuSeconds,
          os.getSystemLoadAverage());
      assertThat(txs).isEqualTo(1 + batches * 5L);
      h2.close();
    }
  }

  private static String batch(String batchId) {
    return """
        {"batchId":"%s","producerId":"P-BENCH","product":{"code":"XL-RICE","name":"贡米","category":"粮食"},\
        "quantity":{"amount":1000,"uom":"KGM"},"origin":{"region":"%s","site":"田"},\
        "productionType":"PLANTING","producedAt":"2026-04-20T08:00:00+08:00"}"""
        .formatted(batchId, REGION);
  }

  private static String event(String batchId, int n) {
    return """
        {"eventId":"%s-E%d","batchId":"%s","bizStep":"packing","eventTime":"2026-05-0%dT09:00:00+08:00",\
        "readPoint":{"region":"%s","site":"田"},"detail":{"note":"巡查 %d"}}"""
        .formatted(batchId, n, batchId, n + 1, REGION, n);
  }
}
