package cn.xianglian.ledger.anchor;

import cn.xianglian.ledger.BlockEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects consecutive blocks into the next {@link Checkpoint}: one {@link TxLeaf} per valid
 * transaction. Blocks must arrive in order without gaps. Not thread-safe: the anchoring service
 * guards it.
 */
public final class CheckpointBuilder {

  private long nextBlock;
  private long fromBlock;
  private byte[] lastBlockHash;
  private Instant firstArrival;
  private final List<TxLeaf> leaves = new ArrayList<>();

  /** A builder whose first checkpoint starts at {@code fromBlock}. */
  public CheckpointBuilder(long fromBlock) {
    this.nextBlock = fromBlock;
    this.fromBlock = fromBlock;
  }

  /** Adds the next block; a block already seen is ignored, a gap is an error. */
  public void add(BlockEvent block, Instant arrival) {
    if (block.number() < nextBlock) {
      return;
    }
    if (block.number() > nextBlock) {
      throw new IllegalStateException(
          "block " + block.number() + " arrived while block " + nextBlock + " was expected");
    }
    for (BlockEvent.BlockTransaction tx : block.transactions()) {
      if (tx.info().valid()) {
        leaves.add(new TxLeaf(block.number(), block.hash(), tx.info().txId()));
      }
    }
    if (firstArrival == null) {
      firstArrival = arrival;
    }
    lastBlockHash = block.hash();
    nextBlock++;
  }

  /** Blocks collected since the last cut. */
  public long pendingBlocks() {
    return nextBlock - fromBlock;
  }

  /** When the oldest collected block arrived, if any is pending. */
  public Optional<Instant> oldestArrival() {
    return Optional.ofNullable(firstArrival);
  }

  /** The next block expected. */
  public long nextBlock() {
    return nextBlock;
  }

  /** The checkpoint over the pending blocks, or empty when none is pending; starts the next one. */
  public Optional<Checkpoint> cut() {
    if (pendingBlocks() == 0) {
      return Optional.empty();
    }
    Checkpoint checkpoint = new Checkpoint(fromBlock, nextBlock - 1, lastBlockHash, leaves);
    leaves.clear();
    fromBlock = nextBlock;
    firstArrival = null;
    lastBlockHash = null;
    return Optional.of(checkpoint);
  }
}
