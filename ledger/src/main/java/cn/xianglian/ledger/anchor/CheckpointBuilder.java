package cn.xianglian.ledger.anchor;

import cn.xianglian.ledger.BlockEvent;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Collects consecutive blocks into the next {@link Checkpoint}: one {@link TxLeaf} per valid
 * transaction and, right after it, one disclosure leaf per publication that transaction wrote (a
 * public-state write whose composite key has one of the disclosure object types, e.g. {@code
 * xl.fin.publication}). Blocks must arrive in order without gaps. Not thread-safe: the anchoring
 * service guards it.
 */
public final class CheckpointBuilder {

  /** The anchoring service's own transactions, which alone do not make a time cut due. */
  public static final String RECORD_ANCHOR_FUNCTION = "anchor:recordAnchor";

  private static final char NUL = '\u0000';

  private final Set<String> disclosureTypes;
  private boolean substantive;
  private long nextBlock;
  private long fromBlock;
  private byte[] lastBlockHash;
  private Instant firstArrival;
  private final List<TxLeaf> leaves = new ArrayList<>();

  /** A builder whose first checkpoint starts at {@code fromBlock}. */
  public CheckpointBuilder(long fromBlock) {
    this(fromBlock, Set.of());
  }

  /**
   * A builder whose first checkpoint starts at {@code fromBlock}; writes to composite keys of the
   * {@code disclosureTypes} become disclosure leaves.
   */
  public CheckpointBuilder(long fromBlock, Set<String> disclosureTypes) {
    this.nextBlock = fromBlock;
    this.fromBlock = fromBlock;
    this.disclosureTypes = Set.copyOf(disclosureTypes);
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
        for (BlockEvent.KeyWrite write : tx.writes()) {
          disclosure(write)
              .ifPresent(
                  d -> leaves.add(new TxLeaf(block.number(), block.hash(), tx.info().txId(), d)));
        }
        if (!RECORD_ANCHOR_FUNCTION.equals(tx.info().function())) {
          substantive = true;
        }
      }
    }
    if (firstArrival == null) {
      firstArrival = arrival;
    }
    lastBlockHash = block.hash();
    nextBlock++;
  }

  private Optional<TxLeaf.Disclosure> disclosure(BlockEvent.KeyWrite write) {
    String key = write.key();
    if (disclosureTypes.isEmpty()
        || write.delete()
        || write.value() == null
        || key.length() < 2
        || key.charAt(0) != NUL
        || key.charAt(key.length() - 1) != NUL) {
      return Optional.empty();
    }
    String[] parts = key.substring(1, key.length() - 1).split(String.valueOf(NUL), -1);
    if (parts.length != 2 || !disclosureTypes.contains(parts[0]) || parts[1].isEmpty()) {
      return Optional.empty();
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(write.value());
      return Optional.of(new TxLeaf.Disclosure(parts[1], hash));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * True when a pending block holds a valid transaction other than the anchoring service's own
   * {@value #RECORD_ANCHOR_FUNCTION}: only then is a time cut worth an EVM transaction.
   */
  public boolean hasSubstantiveTransactions() {
    return substantive;
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
    substantive = false;
    return Optional.of(checkpoint);
  }
}
