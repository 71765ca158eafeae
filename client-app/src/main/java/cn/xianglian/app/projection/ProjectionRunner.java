package cn.xianglian.app.projection;

import cn.xianglian.ledger.BlockEvent;
import cn.xianglian.ledger.LedgerClient;
import cn.xianglian.ledger.Subscription;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the projection following the ledger: subscribes to blocks from the checkpoint + 1 and hands
 * each to the {@link BlockProjector}. When a block fails, the subscription is dropped, the failure
 * kept for the health endpoint, and (if a retry delay is set) delivery restarts from the committed
 * checkpoint; nothing of the failed block was committed, so nothing is lost or doubled.
 */
public final class ProjectionRunner implements AutoCloseable {

  /** What the projection is doing. */
  public enum State {
    STOPPED,
    RUNNING,
    FAILED
  }

  private static final Logger LOG = LoggerFactory.getLogger(ProjectionRunner.class);

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
  }

  /** Subscribes from the committed checkpoint + 1. */
  public synchronized void start() {
    stopSubscription();
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
  public synchronized void rebuild() {
    stopSubscription();
    projector.clear();
    LOG.info("projection cleared; replaying from block 0");
    start();
  }

  private void accept(long mine, BlockEvent block) {
    synchronized (this) {
      if (mine != generation || state != State.RUNNING) {
        return;
      }
    }
    try {
      projector.project(block);
    } catch (RuntimeException e) {
      fail(mine, block.number(), e);
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

  /** Stops delivery (the checkpoint stays; a new runner resumes from it). */
  @Override
  public synchronized void close() {
    generation++;
    stopSubscription();
    state = State.STOPPED;
    retries.shutdownNow();
  }
}
