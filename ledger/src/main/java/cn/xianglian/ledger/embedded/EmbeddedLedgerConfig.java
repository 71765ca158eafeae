package cn.xianglian.ledger.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link EmbeddedLedger} runs: where its files live, the channel and chaincode names it
 * reports, and how the committer cuts blocks (at most {@code maxBlockTransactions} per block, or
 * whatever arrived within {@code maxBlockWait} of the first waiting transaction). With {@code
 * fsync} off, blocks are written but not forced to disk: only for tests that do not care about
 * crashes.
 */
public record EmbeddedLedgerConfig(
    Path dataDirectory,
    String channel,
    String chaincodeName,
    int maxBlockTransactions,
    Duration maxBlockWait,
    boolean fsync) {

  public EmbeddedLedgerConfig {
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(chaincodeName, "chaincodeName");
    Objects.requireNonNull(maxBlockWait, "maxBlockWait");
    if (maxBlockTransactions < 1) {
      throw new IllegalArgumentException("maxBlockTransactions must be at least 1");
    }
    if (maxBlockWait.isNegative()) {
      throw new IllegalArgumentException("maxBlockWait must not be negative");
    }
  }

  /**
   * Channel {@code xifeng}, chaincode {@code xianglian}, 500 transactions or 2 ms per block, fsync.
   */
  public static EmbeddedLedgerConfig defaults(Path dataDirectory) {
    return new EmbeddedLedgerConfig(
        dataDirectory, "xifeng", "xianglian", 500, Duration.ofMillis(2), true);
  }

  public EmbeddedLedgerConfig withBlockCutting(int maxTransactions, Duration maxWait) {
    return new EmbeddedLedgerConfig(
        dataDirectory, channel, chaincodeName, maxTransactions, maxWait, fsync);
  }

  public EmbeddedLedgerConfig withFsync(boolean on) {
    return new EmbeddedLedgerConfig(
        dataDirectory, channel, chaincodeName, maxBlockTransactions, maxBlockWait, on);
  }
}
