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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
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
 * <p>Every confirmed anchor is then written back on the Fabric ledger through the {@link
 * AnchorRecorder}, after it is in the local {@link AnchorStore}. The write-back is restart-safe and
 * never doubled: {@link #recordOnLedger()} walks back from the newest local record to the newest
 * one the ledger holds and records the ones after it, in order; it runs at start, after each anchor
 * and, while the ledger is behind, on the ticker.
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
  private final AnchorRecorder recorder;
  private final Set<String> disclosureTypes;

  private final Object lock = new Object();
  private final Object recordLock = new Object();

  /** Local records known to be on the Fabric ledger (a prefix of the store's records). */
  private volatile int recordedCount;

  private volatile AnchorException lastRecordFailure;
  private volatile Instant nextRecordAttempt = Instant.MIN;
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
    this(ledger, chain, store, policy, clock, AnchorRecorder.NONE, Set.of());
  }

  /**
   * A service that writes every confirmed anchor back through {@code recorder} and makes writes to
   * composite keys of the {@code disclosureTypes} (e.g. {@code xl.fin.publication}) disclosure
   * leaves.
   */
  public AnchorService(
      LedgerClient ledger,
      AnchorChain chain,
      AnchorStore store,
      AnchorPolicy policy,
      Clock clock,
      AnchorRecorder recorder,
      Set<String> disclosureTypes) {
    this.ledger = ledger;
    this.chain = chain;
    this.store = store;
    this.policy = policy;
    this.clock = clock;
    this.recorder = recorder;
    this.disclosureTypes = Set.copyOf(disclosureTypes);
  }

  /** Subscribes to blocks from the store's next block and starts the time-based cut. */
  public void start() {
    synchronized (lock) {
      if (subscription != null) {
        throw new IllegalStateException("already started");
      }
      builder = new CheckpointBuilder(store.nextBlock(), disclosureTypes);
      chainNextAtStart = chain.nextBlock();
      anchorer = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("xl-anchor").factory());
      ticker =
          Executors.newSingleThreadScheduledExecutor(
              Thread.ofPlatform().name("xl-anchor-tick").daemon().factory());
      long tickMillis = Math.max(10, Math.min(1_000, policy.maxDelay().toMillis() / 4));
      ticker.scheduleWithFixedDelay(this::cutIfDue, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
      anchorer.execute(this::recordQuietly);
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
    if (lastRecordFailure != null
        && lastRecordFailure.retryable()
        && !clock.instant().isBefore(nextRecordAttempt)) {
      nextRecordAttempt = clock.instant().plus(policy.retryBackoff());
      try {
        anchorer.execute(this::recordQuietly);
      } catch (RejectedExecutionException closing) {
        return;
      }
    }
    synchronized (lock) {
      Optional<Instant> oldest = builder.oldestArrival();
      boolean catchingUp = builder.nextBlock() - builder.pendingBlocks() < chainNextAtStart;
      // Blocks that hold only this service's own recordAnchor transactions wait for real ones:
      // otherwise every anchor would make the next one due, forever.
      if (oldest.isPresent()
          && !catchingUp
          && builder.hasSubstantiveTransactions()
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
            anchor.emitter(),
            anchor.time());
    if (store.nextBlock() == checkpoint.fromBlock()) {
      store.append(record);
      recordQuietly();
    }
    return record;
  }

  /**
   * Writes the local records the Fabric ledger does not hold yet, oldest first; returns how many it
   * wrote. Walks back from the newest local record until one the ledger holds (ranges there are
   * contiguous, so everything before it is recorded too), then records forward.
   */
  public int recordOnLedger() {
    synchronized (recordLock) {
      List<AnchorRecord> records = store.records();
      int first = records.size();
      while (first > recordedCount && !recorder.isRecorded(complete(records.get(first - 1)))) {
        first--;
      }
      for (int i = first; i < records.size(); i++) {
        recorder.record(complete(records.get(i)));
        recordedCount = i + 1;
      }
      recordedCount = records.size();
      lastRecordFailure = null;
      return records.size() - first;
    }
  }

  private void recordQuietly() {
    try {
      int written = recordOnLedger();
      if (written > 0) {
        LOG.info("recorded " + written + " anchor(s) on the ledger");
      }
    } catch (AnchorException e) {
      lastRecordFailure = e;
      nextRecordAttempt = clock.instant().plus(policy.retryBackoff());
      LOG.log(
          e.retryable() ? Level.WARNING : Level.SEVERE,
          "recording anchors on the ledger failed" + (e.retryable() ? " (will retry)" : ""),
          e);
    }
  }

  /** Older stores lack the emitter, which the ledger record needs: the chain has it. */
  private AnchorRecord complete(AnchorRecord record) {
    if (record.emitter() != null) {
      return record;
    }
    return chain
        .anchorHolding(record.checkpoint().fromBlock())
        .map(anchor -> record.withEmitter(anchor.emitter()))
        .orElseThrow(
            () ->
                new AnchorException(
                    AnchorException.Code.CHAIN_UNAVAILABLE,
                    "anchor #" + record.anchorIndex() + " is not visible on the chain"));
  }

  /** What the service has done so far, for health and metrics. */
  public Status status() {
    List<AnchorRecord> records = store.records();
    long pending;
    synchronized (lock) {
      pending = builder == null ? 0 : builder.pendingBlocks();
    }
    return new Status(
        store.nextBlock(),
        records.size(),
        recordedCount,
        pending,
        records.isEmpty() ? null : records.getLast().anchoredAt(),
        Optional.ofNullable(lastFailure),
        Optional.ofNullable(lastRecordFailure));
  }

  /**
   * The service's progress.
   *
   * @param nextBlock the first Fabric block not anchored yet
   * @param anchors anchors in the local store
   * @param recordedOnLedger of those, how many are known to be on the Fabric ledger
   * @param pendingBlocks blocks collected for the next checkpoint
   * @param lastAnchoredAt the EVM time of the newest anchor, or null
   * @param anchorFailure the failure that stopped anchoring, if any
   * @param recordFailure the last failure to write records on the ledger, if not yet overcome
   */
  public record Status(
      long nextBlock,
      int anchors,
      int recordedOnLedger,
      long pendingBlocks,
      Instant lastAnchoredAt,
      Optional<AnchorException> anchorFailure,
      Optional<AnchorException> recordFailure) {}

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
    return store.byTxId(txId).flatMap(record -> proof(record, indexed(record).byTxId().get(txId)));
  }

  /**
   * The inclusion proof of a published disclosure's leaf, or empty when it is not anchored (yet).
   */
  public Optional<TxProof> proofOfPublication(String publicationId) {
    return store
        .byPublicationId(publicationId)
        .flatMap(record -> proof(record, indexed(record).byPublication().get(publicationId)));
  }

  private IndexedTree indexed(AnchorRecord record) {
    synchronized (trees) {
      return trees.computeIfAbsent(record.anchorIndex(), i -> IndexedTree.of(record));
    }
  }

  private Optional<TxProof> proof(AnchorRecord record, Integer leafIndex) {
    if (leafIndex == null) {
      return Optional.empty();
    }
    IndexedTree indexed = indexed(record);
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

  private record IndexedTree(
      MerkleTree tree, Map<String, Integer> byTxId, Map<String, Integer> byPublication) {
    static IndexedTree of(AnchorRecord record) {
      var leaves = record.checkpoint().leaves();
      Map<String, Integer> txs = new HashMap<>(leaves.size() * 2);
      Map<String, Integer> publications = new HashMap<>();
      for (int i = 0; i < leaves.size(); i++) {
        TxLeaf leaf = leaves.get(i);
        if (leaf.isDisclosure()) {
          publications.put(leaf.disclosure().publicationId(), i);
        } else {
          txs.put(leaf.txId(), i);
        }
      }
      return new IndexedTree(record.checkpoint().tree(), txs, publications);
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
