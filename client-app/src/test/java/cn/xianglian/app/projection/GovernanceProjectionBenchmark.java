package cn.xianglian.app.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.xianglian.app.governance.GovernanceTables;
import cn.xianglian.ledger.LedgerClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the governance read models cost the projection's catch-up (a benchmark, not a test: it runs
 * only with {@code -Dxl.bench=true}): the demo ledger (trace, finance, party and grid demo data) is
 * replayed from block 0 three times without and three times with {@link GovernanceTables}, and the
 * best of each is printed in transactions per second.
 *
 * <pre>{@code ./mvnw -pl client-app -am test -Dtest=GovernanceProjectionBenchmark -Dxl.bench=true
 * -Dsurefire.failIfNoSpecifiedTests=false}</pre>
 */
@DisplayName("Governance projection benchmark")
class GovernanceProjectionBenchmark extends DemoLedgerContext {

  @Autowired LedgerClient ledger;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired GovernanceTables governance;

  @Test
  @DisplayName("replays the demo ledger with and without the governance tables and reports tx/s")
  void catchUp() {
    assumeTrue(Boolean.getBoolean("xl.bench"), "benchmark: run with -Dxl.bench=true");
    double bare = 0;
    double governed = 0;
    for (int round = 0; round < 3; round++) {
      bare =
          Math.max(
              bare,
              replay(new BlockProjector(jdbc, transactions, BlockProjector.MidBlockHook.NONE)));
      governed = Math.max(governed, replay(new BlockProjector(jdbc, transactions, governance)));
    }
    long txs = jdbc.queryForObject("select count(*) from xl_transaction", Long.class);
    long gridTxs =
        jdbc.queryForObject(
            "select count(distinct tx_id) from xl_key_write where object_type like 'xl.grid.%'"
                + " or object_type like 'xl.party.%'",
            Long.class);
    System.out.printf(
        "BENCH governance: %d tx (%d grid/party) in %d blocks; catch-up without %.0f tx/s, with"
            + " governance tables %.0f tx/s%n",
        txs, gridTxs, ledger.height(), bare, governed);
    assertThat(jdbc.queryForObject("select count(*) from gov_grid_event", Long.class)).isPositive();
  }

  private double replay(BlockProjector projector) {
    projector.clear();
    governance.clear();
    long last = ledger.height() - 1;
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
    return jdbc.queryForObject("select count(*) from xl_transaction", Long.class) / seconds;
  }
}
