package cn.xianglian.app.projection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xianglian.ledger.BlockEvent;
import cn.xianglian.ledger.LedgerClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the ledger holds, counted straight from its blocks (independently of the projection), and
 * the same figures read from the projection's tables, for tests to compare.
 */
record LedgerCounts(
    long blocks,
    long transactions,
    long validTransactions,
    long keyWrites,
    long chaincodeEvents,
    Map<String, Long> records) {

  /** Counts blocks {@code 0 .. lastBlock} as the ledger delivers them. */
  static LedgerCounts ofLedger(LedgerClient ledger, long lastBlock) {
    var blocks = new ArrayList<BlockEvent>();
    var done = new CompletableFuture<Void>();
    var subscription =
        ledger.onBlocks(
            0,
            block -> {
              if (block.number() <= lastBlock) {
                blocks.add(block);
              }
              if (block.number() >= lastBlock) {
                done.complete(null);
              }
            });
    try {
      done.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      subscription.close();
    }
    long txs = 0;
    long valid = 0;
    long writes = 0;
    long events = 0;
    Map<String, Set<String>> live = new HashMap<>();
    for (BlockEvent block : List.copyOf(blocks)) {
      for (BlockEvent.BlockTransaction tx : block.transactions()) {
        txs++;
        if (!tx.info().valid()) {
          continue;
        }
        valid++;
        writes += tx.writes().size();
        events += tx.event() == null ? 0 : 1;
        for (BlockEvent.KeyWrite write : tx.writes()) {
          StateKey key = StateKey.parse(write.key());
          ReadModel.forObjectType(String.valueOf(key.objectType()))
              .ifPresent(
                  table -> {
                    Set<String> ids = live.computeIfAbsent(table.table(), t -> new HashSet<>());
                    if (write.delete()) {
                      ids.remove(table.id(key));
                    } else {
                      ids.add(table.id(key));
                    }
                  });
        }
      }
    }
    Map<String, Long> records = new HashMap<>();
    for (ReadModel table : ReadModel.all()) {
      records.put(table.table(), (long) live.getOrDefault(table.table(), Set.of()).size());
    }
    return new LedgerCounts(lastBlock + 1, txs, valid, writes, events, records);
  }

  /** The same figures from the projection's tables. */
  static LedgerCounts ofProjection(JdbcTemplate jdbc) {
    Map<String, Long> records = new HashMap<>();
    for (ReadModel table : ReadModel.all()) {
      records.put(table.table(), count(jdbc, "select count(*) from " + table.table()));
    }
    return new LedgerCounts(
        count(jdbc, "select count(*) from xl_block"),
        count(jdbc, "select count(*) from xl_transaction"),
        count(jdbc, "select count(*) from xl_transaction where validation = 'VALID'"),
        count(jdbc, "select count(*) from xl_key_write"),
        count(jdbc, "select count(*) from xl_chaincode_event"),
        records);
  }

  private static long count(JdbcTemplate jdbc, String sql) {
    Long value = jdbc.queryForObject(sql, Long.class);
    return value == null ? 0 : value;
  }

  /** Waits (up to a minute) until the condition holds; fails the test otherwise. */
  static void await(String what, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
