package cn.xianglian.ledger.anchor;

import java.time.Duration;
import java.util.Objects;

/**
 * When to cut a checkpoint and how hard to try to anchor it.
 *
 * @param blocksPerCheckpoint cut after this many blocks …
 * @param maxDelay … or when the oldest pending block has waited this long
 * @param confirmations EVM blocks (including the one holding the transaction) before an anchor
 *     counts
 * @param receiptTimeout how long to wait for a sent transaction before re-reading the chain and
 *     resending
 * @param pollInterval how often to look for a receipt
 * @param maxAttempts sends per checkpoint before giving up
 * @param retryBackoff pause after a failed send or read
 */
public record AnchorPolicy(
    int blocksPerCheckpoint,
    Duration maxDelay,
    int confirmations,
    Duration receiptTimeout,
    Duration pollInterval,
    int maxAttempts,
    Duration retryBackoff) {

  public AnchorPolicy {
    if (blocksPerCheckpoint < 1 || confirmations < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException("blocks, confirmations and attempts must be positive");
    }
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(receiptTimeout, "receiptTimeout");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(retryBackoff, "retryBackoff");
  }

  /** 1,000 blocks or 10 minutes; 3 confirmations; 2 minutes per attempt; 10 attempts. */
  public static AnchorPolicy defaults() {
    return new AnchorPolicy(
        1_000,
        Duration.ofMinutes(10),
        3,
        Duration.ofMinutes(2),
        Duration.ofSeconds(2),
        10,
        Duration.ofSeconds(5));
  }
}
