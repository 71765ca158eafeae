package cn.xianglian.ledger.embedded;

import cn.xianglian.ledger.Identity;
import cn.xianglian.ledger.LedgerException;
import cn.xianglian.ledger.Proposal;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Load generator for the embedded ledger (not a unit test): closed-loop submitters on one ledger
 * with fsync per block, running the probe contract's {@code record} transaction (one state write,
 * one composite-key index write, one event). Prints committed tx/s, commit latency percentiles, the
 * block count, and the time to read a key's history.
 *
 * <pre>
 * java -Xmx512m -cp ... cn.xianglian.ledger.embedded.EmbeddedLedgerBenchmark \
 *     [threads=64] [warmupSeconds=10] [seconds=30] [dataDir=target/bench]
 * </pre>
 */
public final class EmbeddedLedgerBenchmark {

  private EmbeddedLedgerBenchmark() {}

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 64;
    int warmupSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    Path dir = Path.of(args.length > 3 ? args[3] : "target/bench");
    deleteRecursively(dir);
    EmbeddedCa ca = EmbeddedCa.open(dir.resolve("ca"));
    Identity producer = TestLedgers.producer(ca);
    EmbeddedLedgerConfig config = TestLedgers.config(dir);
    System.out.printf(
        "threads=%d block=%d tx / %s fsync=%s jdk=%s cores=%d%n",
        threads,
        config.maxBlockTransactions(),
        config.maxBlockWait(),
        config.fsync(),
        Runtime.version(),
        Runtime.getRuntime().availableProcessors());
    try (EmbeddedLedger ledger = EmbeddedLedger.open(config, ca)) {
      run(ledger, producer, threads, warmupSeconds, "warmup", "w");
      long heightBefore = ledger.height();
      run(ledger, producer, threads, seconds, "measured", "m");
      long blocks = ledger.height() - heightBefore;
      System.out.printf("blocks=%d%n", blocks);
      history(ledger, producer);
      long start = System.nanoTime();
      long verified = ledger.verifyChain();
      System.out.printf(
          "verifyChain: %d blocks in %.0f ms%n", verified, (System.nanoTime() - start) / 1e6);
      System.gc();
      var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
      System.out.printf(
          "heap used after GC=%d MiB max=%d MiB; files: %s%n",
          heap.getUsed() >> 20, heap.getMax() >> 20, sizes(dir.resolve("ledger")));
    }
  }

  private static void run(
      EmbeddedLedger ledger,
      Identity producer,
      int threads,
      int seconds,
      String phase,
      String prefix)
      throws InterruptedException {
    var stop = new AtomicBoolean();
    var failures = new AtomicLong();
    long[][] latencies = new long[threads][];
    int[] counts = new int[threads];
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int thread = t;
      latencies[t] = new long[1 << 16];
      workers[t] =
          Thread.ofPlatform()
              .start(
                  () -> {
                    long i = 0;
                    while (!stop.get()) {
                      String id = prefix + "-" + thread + "-" + i++;
                      long begin = System.nanoTime();
                      try {
                        ledger.submit(
                            producer,
                            Proposal.of(
                                "probe",
                                "record",
                                id,
                                "5201221" + (thread % 10),
                                "{\"v\":" + i + "}"));
                      } catch (LedgerException e) {
                        failures.incrementAndGet();
                        continue;
                      }
                      long micros = (System.nanoTime() - begin) / 1000;
                      if (counts[thread] == latencies[thread].length) {
                        latencies[thread] = Arrays.copyOf(latencies[thread], counts[thread] * 2);
                      }
                      latencies[thread][counts[thread]++] = micros;
                    }
                  });
    }
    long start = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    for (Thread worker : workers) {
      worker.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long total = 0;
    for (int count : counts) {
      total += count;
    }
    long[] all = new long[(int) total];
    int at = 0;
    for (int t = 0; t < threads; t++) {
      System.arraycopy(latencies[t], 0, all, at, counts[t]);
      at += counts[t];
    }
    Arrays.sort(all);
    System.out.printf(
        Locale.ROOT,
        "%s: %d committed in %.1f s = %.0f tx/s; failures=%d; commit latency ms p50=%.1f p90=%.1f"
            + " p99=%.1f max=%.1f%n",
        phase,
        total,
        elapsed,
        total / elapsed,
        failures.get(),
        percentile(all, 0.50),
        percentile(all, 0.90),
        percentile(all, 0.99),
        all.length == 0 ? 0 : all[all.length - 1] / 1000.0);
  }

  private static void history(EmbeddedLedger ledger, Identity producer) {
    for (int i = 0; i < 100; i++) {
      ledger.submit(producer, Proposal.of("probe", "put", "hist-key", "value-" + i));
    }
    for (int i = 0; i < 200; i++) {
      ledger.evaluate(producer, Proposal.of("probe", "history", "hist-key"));
    }
    int rounds = 2000;
    long start = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      ledger.evaluate(producer, Proposal.of("probe", "history", "hist-key"));
    }
    double perRead = (System.nanoTime() - start) / 1e3 / rounds;
    start = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      ledger.evaluate(producer, Proposal.of("probe", "get", "hist-key"));
    }
    double perGet = (System.nanoTime() - start) / 1e3 / rounds;
    System.out.printf(
        Locale.ROOT,
        "evaluate getHistoryForKey (100 modifications): %.0f us; evaluate getState: %.0f us%n",
        perRead,
        perGet);
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1000.0;
  }

  private static String sizes(Path dir) throws IOException {
    var out = new StringBuilder();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        out.append(file.getFileName()).append('=').append(Files.size(file) >> 20).append(" MiB ");
      }
    }
    return out.toString().trim();
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
