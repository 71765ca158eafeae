package cn.xianglian.ledger.anchor;

import cn.xianglian.ledger.BlockEvent;
import cn.xianglian.ledger.LedgerClient;
import cn.xianglian.ledger.Subscription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anchors the ledger: follows {@link LedgerClient#onBlocks} from the store's next block, cuts a
 * {@link Checkpoint} every {@link AnchorPolicy#blocksPerCheckpoint()} blocks or {@link
 * AnchorPolicy#maxDelay()}, anchors checkpoints one at a time in block order, and answers {@link
 * #proof(String)} for any anchored transaction.
 *
 * <p>Anchoring is idempotent. Before every send the service reads the chain: if an anchor already
 * starts at the checkpoint's first block (an earlier attempt whose answer was lost), it is taken
 * when its root and range match and is a {@link AnchorException.Code#RANGE_CONFLICT} when they do
 * not; nothing is sent twice for a range the chain holds. The contract itself accepts only the
 * range that starts at its {@code nextBlock}, so even a duplicate that slips through reverts.
 *
 * <pre>{@code
 * AnchorService service = new AnchorService(ledger, chain, store, AnchorPolicy.defaults(), Clock.systemUTC());
 * service.start();
 * Optional<TxProof> proof = service.proof(txId);   // once its checkpoint is anchored
 * }</pre>
 */
public final class AnchorService implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(AnchorService.class.getName());
  private static final int CACHED_TREES = 8;

  private final LedgerClient ledger;
  private final AnchorChain chain;
  private final AnchorStore store;
  private final AnchorPolicy policy;
  private final Clock clock;

  private final Object lock = new Object();
  private CheckpointBuilder builder;
  private Subscription subscription;
  private ScheduledExecutorService ticker;
  private ExecutorService anchorer;
  private volatile AnchorException lastFailure;

  /** Blocks below this were anchored before the service started: cut where the chain cut. */
  private long chainNextAtStart;

  private OnChainAnchor alignTo;

  private final Map<Long, IndexedTree> trees =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, IndexedTree> eldest) {
          return size() > CACHED_TREES;
        }
      };

  public AnchorService(
      LedgerClient ledger, AnchorChain chain, AnchorStore store, AnchorPolicy policy, Clock clock) {
    this.ledger = ledger;
    this.chain = chain;
    this.store = store;
    this.policy = policy;
    this.clock = clock;
  }

  /** Subscribes to blocks from the store's next block and starts the time-based cut. */
  public void start() {
    synchronized (lock) {
      if (subscription != null) {
        throw new IllegalStateException("already started");
      }
      builder = new CheckpointBuilder(store.nextBlock());
      chainNextAtStart = chain.nextBlock();
      anchorer = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("xl-anchor").factory());
      ticker =
          Executors.newSingleThreadScheduledExecutor(
              Thread.ofPlatform().name("xl-anchor-tick").daemon().factory());
      long tickMillis = Math.max(10, Math.min(1_000, policy.maxDelay().toMillis() / 4));
      ticker.scheduleWithFixedDelay(this::cutIfDue, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
      subscription = ledger.onBlocks(builder.nextBlock(), this::onBlock);
    }
  }

  private void onBlock(BlockEvent block) {
    synchronized (lock) {
      builder.add(block, clock.instant());
      long from = builder.nextBlock() - builder.pendingBlocks();
      if (from < chainNextAtStart) {
        // Catching up after a restart: these blocks are anchored already (perhaps not recorded,
        // e.g. a crash after the send). Cut exactly where the chain's anchor ends, whatever the
        // policy says, so the checkpoint is found on the chain instead of conflicting with it.
        try {
          if (alignTo == null || !alignTo.holds(from)) {
            alignTo = chain.anchorHolding(from).orElse(null);
          }
        } catch (AnchorException e) {
          lastFailure = e;
          LOG.log(Level.SEVERE, "cannot read the chain to catch up at block " + from, e);
          return;
        }
        if (alignTo != null && block.number() >= alignTo.toBlock()) {
          builder.cut().ifPresent(this::enqueue);
        }
        return;
      }
      if (builder.pendingBlocks() >= policy.blocksPerCheckpoint()) {
        builder.cut().ifPresent(this::enqueue);
      }
    }
  }

  private void cutIfDue() {
    synchronized (lock) {
      Optional<Instant> oldest = builder.oldestArrival();
      boolean catchingUp = builder.nextBlock() - builder.pendingBlocks() < chainNextAtStart;
      if (oldest.isPresent()
          && !catchingUp
          && !Duration.between(oldest.get(), clock.instant())
              .minus(policy.maxDelay())
              .isNegative()) {
        builder.cut().ifPresent(this::enqueue);
      }
    }
  }

  /** Cuts whatever is pending now and anchors it in turn (e.g. at shutdown or on demand). */
  public void flush() {
    synchronized (lock) {
      builder.cut().ifPresent(this::enqueue);
    }
  }

  private void enqueue(Checkpoint checkpoint) {
    anchorer.execute(
        () -> {
          if (lastFailure != null) {
            return; // a later range cannot be anchored before an earlier one
          }
          try {
            anchor(checkpoint);
          } catch (AnchorException e) {
            lastFailure = e;
            LOG.log(Level.SEVERE, "anchoring " + checkpoint + " stopped: " + e.getMessage(), e);
          }
        });
  }

  /** The failure that stopped anchoring, if one did (anchoring stops at the first lost range). */
  public Optional<AnchorException> failure() {
    return Optional.ofNullable(lastFailure);
  }

  /**
   * Anchors one checkpoint and records it; returns the record. Reads the chain before every send,
   * so calling it again for an anchored checkpoint sends nothing.
   */
  public AnchorRecord anchor(Checkpoint checkpoint) {
    byte[] root = checkpoint.tree().root();
    AnchorException last = null;
    for (int attempt = 0; attempt < policy.maxAttempts(); attempt++) {
      try {
        Optional<AnchorRecord> done = alreadyAnchored(checkpoint, root);
        if (done.isPresent()) {
          return done.get();
        }
        long next = chain.nextBlock();
        if (next != checkpoint.fromBlock()) {
          throw new AnchorException(
              AnchorException.Code.RANGE_NOT_NEXT,
              "the contract expects block "
                  + next
                  + ", the checkpoint starts at block "
                  + checkpoint.fromBlock());
        }
        String txHash = chain.send(root, checkpoint.fromBlock(), checkpoint.toBlock(), attempt);
        Optional<AnchorChain.AnchorReceipt> receipt = awaitReceipt(txHash);
        if (receipt.isPresent() && !receipt.get().success()) {
          LOG.warning(
              "anchor transaction " + txHash + " for " + checkpoint + " reverted; re-reading");
        } else if (receipt.isEmpty()) {
          LOG.warning("no receipt for " + txHash + " within " + policy.receiptTimeout());
        }
        // Success or not, the chain decides: the next pass records it or sends again.
      } catch (AnchorException e) {
        if (!e.retryable()) {
          throw e;
        }
        last = e;
        LOG.warning("attempt " + attempt + " for " + checkpoint + ": " + e.getMessage());
        pause(policy.retryBackoff());
      }
    }
    Optional<AnchorRecord> done = alreadyAnchored(checkpoint, root);
    if (done.isPresent()) {
      return done.get();
    }
    throw new AnchorException(
        AnchorException.Code.GAVE_UP,
        policy.maxAttempts() + " attempts did not anchor " + checkpoint,
        last);
  }

  private Optional<AnchorRecord> alreadyAnchored(Checkpoint checkpoint, byte[] root) {
    Optional<OnChainAnchor> found = chain.anchorHolding(checkpoint.fromBlock());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    OnChainAnchor anchor = found.get();
    if (anchor.fromBlock() != checkpoint.fromBlock()
        || anchor.toBlock() != checkpoint.toBlock()
        || !Arrays.equals(anchor.root(), root)) {
      throw new AnchorException(
          AnchorException.Code.RANGE_CONFLICT,
          "anchor #"
              + anchor.index()
              + " covers blocks "
              + anchor.fromBlock()
              + ".."
              + anchor.toBlock()
              + " with another root or range than "
              + checkpoint);
    }
    if (anchor.txHash() == null) {
      throw new AnchorException(
          AnchorException.Code.CHAIN_UNAVAILABLE,
          "anchor #"
              + anchor.index()
              + " is in the contract but its Anchored log is not visible yet");
    }
    if (chain.receipt(anchor.txHash(), policy.confirmations()).isEmpty()) {
      return awaitConfirmed(anchor, checkpoint, root);
    }
    return Optional.of(record(checkpoint, root, anchor));
  }

  private Optional<AnchorRecord> awaitConfirmed(
      OnChainAnchor anchor, Checkpoint checkpoint, byte[] root) {
    return awaitReceipt(anchor.txHash()).map(r -> record(checkpoint, root, anchor));
  }

  private AnchorRecord record(Checkpoint checkpoint, byte[] root, OnChainAnchor anchor) {
    AnchorRecord record =
        new AnchorRecord(
            checkpoint,
            root,
            chain.chainId(),
            chain.contractAddress(),
            anchor.index(),
            anchor.txHash(),
            anchor.evmBlock(),
            anchor.time());
    if (store.nextBlock() == checkpoint.fromBlock()) {
      store.append(record);
    }
    return record;
  }

  private Optional<AnchorChain.AnchorReceipt> awaitReceipt(String txHash) {
    Instant deadline = clock.instant().plus(policy.receiptTimeout());
    while (true) {
      Optional<AnchorChain.AnchorReceipt> receipt = chain.receipt(txHash, policy.confirmations());
      if (receipt.isPresent() || !clock.instant().isBefore(deadline)) {
        return receipt;
      }
      pause(policy.pollInterval());
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AnchorException(AnchorException.Code.GAVE_UP, "interrupted", e);
    }
  }

  /** The inclusion proof of an anchored transaction, or empty when it is not anchored (yet). */
  public Optional<TxProof> proof(String txId) {
    Optional<AnchorRecord> found = store.byTxId(txId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    AnchorRecord record = found.get();
    IndexedTree indexed;
    synchronized (trees) {
      indexed = trees.computeIfAbsent(record.anchorIndex(), i -> IndexedTree.of(record));
    }
    Integer leafIndex = indexed.leafIndex().get(txId);
    if (leafIndex == null) {
      return Optional.empty();
    }
    Checkpoint checkpoint = record.checkpoint();
    return Optional.of(
        new TxProof(
            checkpoint.leaves().get(leafIndex),
            indexed.tree().proof(leafIndex),
            record.root(),
            checkpoint.fromBlock(),
            checkpoint.toBlock(),
            record.chainId(),
            record.contractAddress(),
            record.anchorIndex(),
            record.evmTxHash(),
            record.evmBlock()));
  }

  private record IndexedTree(MerkleTree tree, Map<String, Integer> leafIndex) {
    static IndexedTree of(AnchorRecord record) {
      var leaves = record.checkpoint().leaves();
      Map<String, Integer> index = new HashMap<>(leaves.size() * 2);
      for (int i = 0; i < leaves.size(); i++) {
        index.put(leaves.get(i).txId(), i);
      }
      return new IndexedTree(record.checkpoint().tree(), index);
    }
  }

  /** Stops following blocks; the checkpoint being anchored is finished first. */
  @Override
  public void close() {
    synchronized (lock) {
      if (subscription != null) {
        subscription.close();
        ticker.shutdownNow();
      }
    }
    if (anchorer != null) {
      anchorer.shutdown();
      try {
        if (!anchorer.awaitTermination(
            policy.receiptTimeout().toMillis() * 2, TimeUnit.MILLISECONDS)) {
          anchorer.shutdownNow();
        }
      } catch (InterruptedException e) {
        anchorer.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }
}
