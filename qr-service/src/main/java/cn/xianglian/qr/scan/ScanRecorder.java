package cn.xianglian.qr.scan;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records scans without slowing resolution: a request only offers the scan to a bounded queue (when
 * full, the scan is counted in {@link #dropped()} and lost, never blocking the consumer); one
 * writer thread takes scans in batches (letting them gather for 20 ms; one transaction per batch),
 * judges each with the {@link CounterfeitHeuristics} against the code's stats, and writes scans,
 * stats and warnings. Per-code stats are cached (bounded) so first-scan time is answered without
 * the database for hot codes.
 */
public final class ScanRecorder implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ScanRecorder.class);
  private static final int BATCH = 1000;

  /** How long the writer lets scans gather before writing a batch smaller than {@link #BATCH}. */
  private static final long LINGER_MILLIS = 20;

  private final ScanStore store;
  private final CounterfeitHeuristics heuristics;
  private final BlockingQueue<Scan> queue;
  private final Cache<String, CodeStats> stats = Caffeine.newBuilder().maximumSize(100_000).build();
  private final AtomicLong offered = new AtomicLong();
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final Thread writer;
  private volatile boolean running = true;

  public ScanRecorder(ScanStore store, CounterfeitHeuristics heuristics, int capacity) {
    this.store = store;
    this.heuristics = heuristics;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.writer = Thread.ofPlatform().name("scan-writer").daemon().start(this::run);
  }

  public void record(Scan scan) {
    if (queue.offer(scan)) {
      offered.incrementAndGet();
    } else {
      dropped.incrementAndGet();
    }
  }

  /** First scan, count and last location of a code, as far as written. */
  public Optional<CodeStats> stats(String code) {
    CodeStats cached = stats.getIfPresent(code);
    return cached != null ? Optional.of(cached) : store.stats(code);
  }

  public long dropped() {
    return dropped.get();
  }

  /** Waits until every scan offered so far is written (tests, shutdown). */
  public boolean awaitWritten(Duration timeout) throws InterruptedException {
    long target = offered.get();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (written.get() < target) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }

  private void run() {
    List<Scan> batch = new ArrayList<>(BATCH);
    while (running || !queue.isEmpty()) {
      try {
        Scan first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        if (queue.size() < BATCH - 1 && running) {
          Thread.sleep(LINGER_MILLIS);
        }
        queue.drainTo(batch, BATCH - 1);
        store.inTransaction(() -> write(batch));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warn("could not write {} scans", batch.size(), e);
      } finally {
        written.addAndGet(batch.size());
        batch.clear();
      }
    }
  }

  private void write(List<Scan> batch) {
    Map<String, CodeStats> changed = new LinkedHashMap<>();
    for (Scan scan : batch) {
      CodeStats before = changed.get(scan.code());
      if (before == null) {
        before = stats(scan.code()).orElse(null);
      }
      for (var warning : heuristics.judge(before, scan)) {
        store.insertWarning(scan.at(), warning, scan.batchId());
      }
      CodeStats after = before == null ? CodeStats.first(scan) : before.plus(scan);
      changed.put(scan.code(), after);
    }
    store.insertScans(batch);
    store.upsertStats(new ArrayList<>(changed.values()));
    stats.putAll(changed);
  }

  @Override
  public void close() {
    running = false;
    try {
      writer.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
