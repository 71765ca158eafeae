package cn.xianglian.app.projection;

import cn.xianglian.ledger.BlockEvent;
import cn.xianglian.ledger.LedgerClient;
import cn.xianglian.ledger.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the projection following the ledger: subscribes to blocks from the checkpoint + 1 and hands
 * them to the {@link BlockProjector}. The ledger's delivery thread only queues each block; the
 * runner's own thread takes whatever has queued up (up to {@value #MAX_GROUP_BLOCKS} blocks or
 * {@value #MAX_GROUP_TRANSACTIONS} transactions) and projects it as one group in one database
 * transaction, so catch-up pays for one commit per group while the ledger reads the next blocks,
 * and a live block, arriving alone, is projected at once.
 *
 * <p>When a group fails, its blocks are projected again one at a time, so every good block before
 * the bad one commits and the failure names its block. Then the subscription is dropped, the
 * failure kept for the health endpoint, and (if a retry delay is set) delivery restarts from the
 * committed checkpoint; nothing of the failed block was committed, so nothing is lost or doubled.
 */
public final class ProjectionRunner implements AutoCloseable {

  /** What the projection is doing. */
  public enum State {
    STOPPED,
    RUNNING,
    FAILED
  }

  static final int MAX_GROUP_BLOCKS = 256;
  static final int MAX_GROUP_TRANSACTIONS = 4096;
  private static final int QUEUED_BLOCKS = 128;

  private static final Logger LOG = LoggerFactory.getLogger(ProjectionRunner.class);

  /** A block as delivered to one subscription (its generation). */
  private record Delivered(long generation, BlockEvent block) {}

  private final BlockingQueue<Delivered> queue = new ArrayBlockingQueue<>(QUEUED_BLOCKS);

  /** Held while a group is written and while the projection is cleared (never inside this). */
  private final Object writing = new Object();

  private final Thread worker;
  private volatile boolean closed;
  private final LedgerClient ledger;
  private final BlockProjector projector;
  private final Duration retryDelay;
  private final ScheduledExecutorService retries;
  private Subscription subscription;
  private long generation;
  private volatile State state = State.STOPPED;
  private volatile String failure;

  /**
   * @param retryDelay how long to wait before resubscribing after a failure; {@code null} for never
   *     (the runner stays FAILED until started again)
   */
  public ProjectionRunner(LedgerClient ledger, BlockProjector projector, Duration retryDelay) {
    this.ledger = ledger;
    this.projector = projector;
    this.retryDelay = retryDelay;
    this.retries =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("xl-projection-retry").daemon().factory());
    this.worker = Thread.ofPlatform().name("xl-projection").daemon().start(this::work);
  }

  /** Subscribes from the committed checkpoint + 1. */
  public synchronized void start() {
    stopSubscription();
    queue.clear();
    long from = projector.checkpoint().lastBlock() + 1;
    long mine = ++generation;
    state = State.RUNNING;
    try {
      LOG.info("projection starts at block {} (ledger height {})", from, ledger.height());
      subscription = ledger.onBlocks(from, block -> accept(mine, block));
    } catch (RuntimeException e) {
      // The ledger is unreachable (a Fabric peer down): the application still starts.
      fail(mine, from, e);
    }
  }

  /** Drops every projected row and replays the ledger from block 0. */
  public void rebuild() {
    synchronized (this) {
      generation++;
      stopSubscription();
      queue.clear();
    }
    synchronized (writing) {
      projector.clear();
    }
    LOG.info("projection cleared; replaying from block 0");
    start();
  }

  /** On the ledger's delivery thread: queue the block (waiting while the queue is full). */
  private void accept(long mine, BlockEvent block) {
    var delivered = new Delivered(mine, block);
    try {
      while (!queue.offer(delivered, 100, TimeUnit.MILLISECONDS)) {
        if (!current(mine)) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized boolean current(long mine) {
    return mine == generation && state == State.RUNNING && !closed;
  }

  /** The runner's thread: project what has queued up, one group per database transaction. */
  private void work() {
    while (!closed) {
      Delivered first;
      try {
        first = queue.poll(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (first == null) {
        continue;
      }
      var group = new ArrayList<BlockEvent>();
      group.add(first.block());
      int transactions = first.block().transactions().size();
      while (group.size() < MAX_GROUP_BLOCKS && transactions < MAX_GROUP_TRANSACTIONS) {
        Delivered next = queue.peek();
        if (next == null || next.generation() != first.generation()) {
          break;
        }
        queue.poll();
        group.add(next.block());
        transactions += next.block().transactions().size();
      }
      synchronized (writing) {
        if (current(first.generation())) {
          project(first.generation(), group);
        }
      }
    }
  }

  private void project(long mine, List<BlockEvent> group) {
    try {
      projector.projectAll(group);
      return;
    } catch (RuntimeException e) {
      if (group.size() == 1) {
        fail(mine, group.getFirst().number(), e);
        return;
      }
      LOG.debug("group of {} blocks failed; projecting them one at a time", group.size(), e);
    }
    for (BlockEvent block : group) {
      try {
        projector.project(block);
      } catch (RuntimeException e) {
        fail(mine, block.number(), e);
        return;
      }
    }
  }

  private synchronized void fail(long mine, long blockNumber, RuntimeException e) {
    if (mine != generation) {
      return;
    }
    String previous = failure;
    state = State.FAILED;
    failure = "block " + blockNumber + ": " + e.getMessage();
    if (failure.equals(previous)) {
      LOG.warn("projection still stopped at block {}: {}", blockNumber, e.toString());
    } else {
      LOG.error("projection stopped at block {}; nothing of it was committed", blockNumber, e);
    }
    stopSubscription();
    if (retryDelay != null) {
      retries.schedule(
          () -> {
            synchronized (this) {
              if (mine == generation && state == State.FAILED) {
                start();
              }
            }
          },
          retryDelay.toMillis(),
          TimeUnit.MILLISECONDS);
    }
  }

  private void stopSubscription() {
    if (subscription != null) {
      subscription.close();
      subscription = null;
    }
  }

  public State state() {
    return state;
  }

  /** Why the projection last stopped, or null. */
  public String failure() {
    return failure;
  }

  /** Last projected block number ({@code -1} before any). */
  public long checkpoint() {
    return projector.checkpoint().lastBlock();
  }

  /**
   * Blocks committed on the ledger and not yet projected: height − (checkpoint + 1); {@code -1}
   * when the ledger cannot be reached.
   */
  public long lag() {
    try {
      return Math.max(0, ledger.height() - (checkpoint() + 1));
    } catch (RuntimeException e) {
      return -1;
    }
  }

  /**
   * Stops delivery and waits for the group being written, if any (the checkpoint stays; a new
   * runner resumes from it). The runner's thread is not interrupted: an interrupt would close the
   * database file under H2.
   */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      generation++;
      stopSubscription();
      state = State.STOPPED;
      queue.clear();
      retries.shutdownNow();
    }
    try {
      worker.join(Duration.ofSeconds(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
