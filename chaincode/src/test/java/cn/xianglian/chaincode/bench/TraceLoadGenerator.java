package cn.xianglian.chaincode.bench;

import cn.xianglian.ledger.Identity;
import cn.xianglian.ledger.LedgerException;
import cn.xianglian.ledger.Proposal;
import cn.xianglian.ledger.embedded.EmbeddedCa;
import cn.xianglian.ledger.embedded.EmbeddedLedger;
import cn.xianglian.ledger.embedded.EmbeddedLedgerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Load generator (not a test) for the real {@code trace} contract on the embedded ledger with fsync
 * per block: closed-loop submitters, each creating a batch and then recording four events on it
 * (createBatch : recordEvent = 1 : 4), all the way through signing, simulation, MVCC validation,
 * block append + fsync and state apply. Then the read side: the events and the full trace of a
 * batch with 200 events.
 *
 * <pre>
 * java -Xmx512m -cp ... cn.xianglian.chaincode.bench.TraceLoadGenerator \
 *     [threads=16] [warmupSeconds=10] [seconds=30] [dataDir=target/bench-trace]
 * java -Xmx512m -cp ... cn.xianglian.chaincode.bench.TraceLoadGenerator \
 *     fill &lt;transactions&gt; &lt;threads&gt; &lt;dataDir&gt;
 * </pre>
 *
 * <p>{@code fill} adds transactions to the ledger a client-app data directory holds ({@code
 * dataDir/ledger}, CA in {@code dataDir/ca}) without deleting anything, to measure the app at
 * volume.
 */
public final class TraceLoadGenerator {

  private static final String VILLAGE = "520122100201";
  private static final String PRODUCER = "P-520122-BENCH";
  private static final int EVENTS_PER_BATCH = 4;
  private static final int HISTORY_EVENTS = 200;
  private static final int HISTORY_READS = 500;

  private TraceLoadGenerator() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 4 && args[0].equals("fill")) {
      fill(Long.parseLong(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
      return;
    }
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 16;
    int warmupSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    Path dir = Path.of(args.length > 3 ? args[3] : "target/bench-trace");
    deleteRecursively(dir);
    EmbeddedCa ca = EmbeddedCa.open(dir.resolve("ca"));
    Identity producer =
        ca.enroll(
            "bench-producer",
            "CoopOrgMSP",
            Map.of("xl.role", "producer", "xl.region", VILLAGE, "xl.party", PRODUCER));
    EmbeddedLedgerConfig config = EmbeddedLedgerConfig.defaults(dir.resolve("ledger"));
    System.out.printf(
        Locale.ROOT,
        "threads=%d block=%d tx / %s fsync=%s jdk=%s cores=%d maxHeap=%d MiB%n",
        threads,
        config.maxBlockTransactions(),
        config.maxBlockWait(),
        config.fsync(),
        Runtime.version(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    try (EmbeddedLedger ledger = EmbeddedLedger.open(config, ca)) {
      submit(ledger, producer, "registerProducer", producerJson());
      run(ledger, producer, threads, warmupSeconds, "warmup");
      long heightBefore = ledger.height();
      run(ledger, producer, threads, seconds, "measured");
      System.out.printf(Locale.ROOT, "blocks=%d%n", ledger.height() - heightBefore);
      history(ledger, producer);
    }
  }

  private static void fill(long transactions, int threads, Path dataDir) throws Exception {
    EmbeddedCa ca = EmbeddedCa.open(dataDir.resolve("ca"));
    Identity producer =
        ca.enroll(
            "bench-producer",
            "CoopOrgMSP",
            Map.of("xl.role", "producer", "xl.region", VILLAGE, "xl.party", PRODUCER));
    try (EmbeddedLedger ledger =
        EmbeddedLedger.open(EmbeddedLedgerConfig.defaults(dataDir.resolve("ledger")), ca)) {
      try {
        submit(ledger, producer, "registerProducer", producerJson());
      } catch (LedgerException e) {
        System.out.println("producer already registered: " + e.errorCode().orElse("?"));
      }
      String label = "fill" + Long.toString(System.currentTimeMillis(), 36);
      var committed = new AtomicLong();
      var stop = new AtomicBoolean();
      long start = System.nanoTime();
      Thread[] workers = new Thread[threads];
      var batchCounter = new AtomicLong();
      for (int t = 0; t < threads; t++) {
        workers[t] =
            Thread.ofPlatform()
                .start(
                    () -> {
                      while (!stop.get()) {
                        String batchId = label + "-" + batchCounter.incrementAndGet();
                        for (int step = 0; step <= EVENTS_PER_BATCH; step++) {
                          submit(
                              ledger,
                              producer,
                              step == 0 ? "createBatch" : "recordEvent",
                              step == 0
                                  ? batchJson(batchId)
                                  : eventJson(batchId + "-e" + step, batchId));
                          if (committed.incrementAndGet() >= transactions) {
                            stop.set(true);
                            break;
                          }
                        }
                      }
                    });
      }
      while (!stop.get()) {
        Thread.sleep(10_000);
        System.out.printf(
            Locale.ROOT,
            "%d committed, %.0f tx/s, height %d%n",
            committed.get(),
            committed.get() / ((System.nanoTime() - start) / 1e9),
            ledger.height());
      }
      for (Thread worker : workers) {
        worker.join();
      }
      System.out.printf(
          Locale.ROOT,
          "filled %d transactions in %.0f s; ledger height %d%n",
          committed.get(),
          (System.nanoTime() - start) / 1e9,
          ledger.height());
    }
  }

  private static void run(
      EmbeddedLedger ledger, Identity producer, int threads, int seconds, String label)
      throws InterruptedException {
    var stop = new AtomicBoolean();
    var failures = new AtomicLong();
    var batchCounter = new AtomicLong();
    long[][] latencies = new long[threads][];
    int[] counts = new int[threads];
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int index = t;
      latencies[t] = new long[1 << 20];
      workers[t] =
          Thread.ofPlatform()
              .name("load-" + t)
              .start(
                  () -> {
                    while (!stop.get()) {
                      String batchId = label + "-" + batchCounter.incrementAndGet();
                      for (int step = 0; step <= EVENTS_PER_BATCH && !stop.get(); step++) {
                        String tx = step == 0 ? "createBatch" : "recordEvent";
                        String json =
                            step == 0
                                ? batchJson(batchId)
                                : eventJson(batchId + "-e" + step, batchId);
                        long start = System.nanoTime();
                        try {
                          submit(ledger, producer, tx, json);
                          if (counts[index] < latencies[index].length) {
                            latencies[index][counts[index]++] = System.nanoTime() - start;
                          }
                        } catch (LedgerException e) {
                          failures.incrementAndGet();
                          break;
                        }
                      }
                    }
                  });
    }
    long start = System.nanoTime();
    long cpuStart = processCpuNanos();
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    for (Thread worker : workers) {
      worker.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long cpu = processCpuNanos() - cpuStart;
    long[] all = Stream.of(latencies).flatMapToLong(Arrays::stream).filter(v -> v > 0).toArray();
    Arrays.sort(all);
    System.out.printf(
        Locale.ROOT,
        "%s: %d tx in %.1f s = %.0f tx/s, failures=%d, process CPU %.0f µs/tx (%.2f cores),"
            + " commit latency p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms%n",
        label,
        all.length,
        elapsed,
        all.length / elapsed,
        failures.get(),
        all.length == 0 ? 0.0 : cpu / 1e3 / all.length,
        cpu / 1e9 / elapsed,
        percentile(all, 0.50),
        percentile(all, 0.90),
        percentile(all, 0.99),
        all.length == 0 ? 0.0 : all[all.length - 1] / 1e6);
  }

  /** CPU time of the whole process (all threads, GC included). */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static void history(EmbeddedLedger ledger, Identity producer) {
    String batchId = "history-200";
    submit(ledger, producer, "createBatch", batchJson(batchId));
    for (int i = 1; i <= HISTORY_EVENTS; i++) {
      submit(ledger, producer, "recordEvent", eventJson(batchId + "-e" + i, batchId));
    }
    for (String tx : new String[] {"getBatchEvents", "traceBatch", "getKeyHistory"}) {
      long[] times = new long[HISTORY_READS];
      int bytes = 0;
      for (int i = 0; i < HISTORY_READS; i++) {
        long start = System.nanoTime();
        bytes = ledger.evaluate(producer, Proposal.of("trace", tx, batchId)).length;
        times[i] = System.nanoTime() - start;
      }
      Arrays.sort(times);
      System.out.printf(
          Locale.ROOT,
          "%s of a batch with %d events (%d bytes): p50=%.2f ms p99=%.2f ms over %d reads%n",
          tx,
          HISTORY_EVENTS + 1,
          bytes,
          percentile(times, 0.50),
          percentile(times, 0.99),
          HISTORY_READS);
    }
  }

  private static void submit(EmbeddedLedger ledger, Identity caller, String tx, String json) {
    ledger.submit(caller, Proposal.of("trace", tx, json));
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }

  private static String producerJson() {
    return """
        {"producerId":"%s","type":"COOPERATIVE","name":"息烽县基准测试合作社","region":"%s"}"""
        .formatted(PRODUCER, VILLAGE);
  }

  private static String batchJson(String batchId) {
    return """
        {"batchId":"%s","producerId":"%s",\
        "product":{"gtin":"06901234567892","name":"息烽贡米","category":"GRAIN"},\
        "quantity":{"amount":1000,"uom":"KGM"},"origin":{"region":"%s","site":"田块 A-01"},\
        "productionType":"PLANTING","producedAt":"2026-05-01T08:00:00+08:00"}"""
        .formatted(batchId, PRODUCER, VILLAGE);
  }

  private static String eventJson(String eventId, String batchId) {
    return """
        {"eventId":"%s","batchId":"%s","bizStep":"xl:fertilizing","eventTime":"2026-05-02T09:00:00+08:00",\
        "readPoint":{"region":"%s","site":"田块 A-01"},"detail":{"input":{"category":"FERTILIZER",\
        "productName":"有机肥","dose":{"amount":50,"uom":"KGM"},"appliedOn":"2026-05-02"}}}"""
        .formatted(eventId, batchId, VILLAGE);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
