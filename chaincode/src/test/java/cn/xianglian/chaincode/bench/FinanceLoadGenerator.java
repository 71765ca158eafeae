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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Load generator (not a test) for the real {@code finance} contract on the embedded ledger with
 * fsync per block (issue 6, "Speed"). Two parts:
 *
 * <ol>
 *   <li><b>A village year</b>: {@code vouchers} vouchers of 4 lines each (20,000 lines for 5,000),
 *       dated over the 12 months of 2025, posted by closed-loop submitter threads along the full
 *       村财乡管 path ({@code recordVoucher}, submit by the village; approve and post by the township;
 *       approval rules with {@code approvalForAll}). Mode {@code bulk} (the default, the real
 *       workflow): every voucher recorded in its own transaction (threads in parallel), then the
 *       village submits and the township approves and posts in batches of {@code batch} vouchers
 *       ({@code submitVouchers}, {@code approveVouchers}, {@code postVouchers}: 批量送审, 批量审核, 批量记账),
 *       phase after phase. Mode {@code single}: each thread walks each of its vouchers through
 *       <b>four transactions</b> (record, submit, approve, post one by one), as before. The wall
 *       time from the first record to the last post is reported. Then the 12 month closes, and the
 *       year's trial balance and general ledger of that village.
 *   <li><b>A county</b>: {@code villages} villages (161 in 息烽) with {@code perVillage} posted
 *       vouchers each over 2025 and all 12 months closed; then the trial balance of December 2025
 *       and the general ledger of 2025 of every village, computed by the chaincode query ({@code
 *       evaluate}), first one village after another, then with {@code threads} in parallel. The
 *       county's vouchers are posted in the same mode.
 * </ol>
 *
 * <pre>
 * java -Xmx1g -cp ... cn.xianglian.chaincode.bench.FinanceLoadGenerator \
 *     [threads=16] [vouchers=5000] [villages=161] [perVillage=120] [dataDir=target/bench-finance] \
 *     [mode=bulk|single] [batch=50]
 * </pre>
 */
public final class FinanceLoadGenerator {

  private static final String COUNTY = "520122000000";
  private static final String YEAR_VILLAGE = "520122100299";
  private static final int MONTHS = 12;

  private FinanceLoadGenerator() {}

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 16;
    int vouchers = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
    int villages = args.length > 2 ? Integer.parseInt(args[2]) : 161;
    int perVillage = args.length > 3 ? Integer.parseInt(args[3]) : 120;
    Path dir = Path.of(args.length > 4 ? args[4] : "target/bench-finance");
    boolean bulk = !(args.length > 5 && args[5].equals("single"));
    int batch = args.length > 6 ? Integer.parseInt(args[6]) : 50;
    if (args.length > 5 && !args[5].equals("single") && !args[5].equals("bulk")) {
      throw new IllegalArgumentException("mode is bulk or single, not " + args[5]);
    }
    deleteRecursively(dir);
    EmbeddedCa ca = EmbeddedCa.open(dir.resolve("ca"));
    EmbeddedLedgerConfig config = EmbeddedLedgerConfig.defaults(dir.resolve("ledger"));
    System.out.printf(
        Locale.ROOT,
        "threads=%d vouchers=%d villages=%d perVillage=%d mode=%s batch=%d block=%d tx / %s"
            + " fsync=%s jdk=%s cores=%d maxHeap=%d MiB%n",
        threads,
        vouchers,
        villages,
        perVillage,
        bulk ? "bulk" : "single",
        batch,
        config.maxBlockTransactions(),
        config.maxBlockWait(),
        config.fsync(),
        Runtime.version(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    try (EmbeddedLedger ledger = EmbeddedLedger.open(config, ca)) {
      Identity county =
          ca.enroll(
              "bench-county",
              "CountyOrgMSP",
              Map.of("xl.role", "county", "xl.region", COUNTY, "xl.party", "BENCH-COUNTY"));
      Identity auditor =
          ca.enroll(
              "bench-auditor",
              "CountyOrgMSP",
              Map.of("xl.role", "auditor", "xl.region", COUNTY, "xl.party", "BENCH-AUDIT"));
      submit(
          ledger,
          county,
          "defineChart",
          """
          {"county":"%s","version":1,"effectiveFrom":"2024-01-01","standard":"财会〔2023〕14号",\
          "template":"CAIHUI_2023_14"}"""
              .formatted(COUNTY));
      submit(
          ledger,
          county,
          "defineApprovalRules",
          """
          {"county":"%s","version":1,"effectiveFrom":"2024-01-01","largeAmountFen":1000000000,\
          "approvalForAll":true}"""
              .formatted(COUNTY));

      Village year = Village.enroll(ca, YEAR_VILLAGE);
      if (bulk) {
        villageYearInBatches(ledger, year, vouchers, threads, batch);
      } else {
        villageYear(ledger, year, vouchers, threads);
      }
      villageYearBooks(ledger, year, auditor);
      county(ledger, ca, villages, perVillage, threads, auditor, bulk ? batch : 0);
    }
  }

  /** A village's clerk and its township's 农经站. */
  private record Village(String code, Identity clerk, Identity township) {
    static Village enroll(EmbeddedCa ca, String code) {
      String township = code.substring(0, 9) + "000";
      return new Village(
          code,
          ca.enroll(
              "clerk-" + code,
              "TownshipOrgMSP",
              Map.of("xl.role", "village", "xl.region", code, "xl.party", "V-" + code)),
          ca.enroll(
              "township-" + township,
              "TownshipOrgMSP",
              Map.of("xl.role", "township", "xl.region", township, "xl.party", "T-" + township)));
    }
  }

  private static void villageYear(EmbeddedLedger ledger, Village village, int vouchers, int threads)
      throws Exception {
    long[] latencies = new long[vouchers * 4];
    var index = new AtomicInteger();
    var next = new AtomicInteger();
    var failures = new AtomicLong();
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] =
          Thread.ofPlatform()
              .name("post-" + t)
              .start(
                  () -> {
                    for (int i = next.getAndIncrement(); i < vouchers; i = next.getAndIncrement()) {
                      try {
                        for (long nanos : post(ledger, village, "Y", i)) {
                          latencies[index.getAndIncrement()] = nanos;
                        }
                      } catch (LedgerException e) {
                        failures.incrementAndGet();
                        System.out.println("failed: " + e.getMessage());
                      }
                    }
                  });
    }
    for (Thread worker : workers) {
      worker.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long cpu = processCpuNanos() - cpuStart;
    long[] sorted = Arrays.copyOf(latencies, index.get());
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "village year: %d vouchers (%d lines) posted = %d transactions in %.1f s"
            + " (%.0f vouchers/s, %.0f tx/s), failures=%d, process CPU %.0f µs/tx,"
            + " per-tx commit latency p50=%.1f ms p99=%.1f ms max=%.1f ms%n",
        vouchers - failures.get(),
        (vouchers - failures.get()) * 4,
        sorted.length,
        elapsed,
        vouchers / elapsed,
        sorted.length / elapsed,
        failures.get(),
        sorted.length == 0 ? 0.0 : cpu / 1e3 / sorted.length,
        percentile(sorted, 0.50),
        percentile(sorted, 0.99),
        sorted.length == 0 ? 0.0 : sorted[sorted.length - 1] / 1e6);
  }

  /**
   * The village year as the real workflow: every voucher recorded in its own transaction (threads
   * in parallel), then submitted by the village, approved and posted by the township in batches of
   * {@code batch}, one phase after the other (each phase's batches in parallel).
   */
  private static void villageYearInBatches(
      EmbeddedLedger ledger, Village village, int vouchers, int threads, int batch)
      throws Exception {
    List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
    var failures = new AtomicLong();
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    List<String> phases = new ArrayList<>();
    runParallel(
        threads,
        vouchers,
        i -> {
          try {
            latencies.add(timed(() -> record(ledger, village, "Y", i)));
          } catch (LedgerException e) {
            failures.incrementAndGet();
            System.out.println("failed: " + e.getMessage());
          }
        });
    phases.add("record %.1f s".formatted((System.nanoTime() - start) / 1e9));
    int batches = (vouchers + batch - 1) / batch;
    String[][] steps = {
      {"submitVouchers", "village"}, {"approveVouchers", "township"}, {"postVouchers", "township"}
    };
    for (String[] step : steps) {
      long phaseStart = System.nanoTime();
      Identity caller = step[1].equals("village") ? village.clerk() : village.township();
      runParallel(
          threads,
          batches,
          b -> {
            String json = batchJson(village, "Y", b * batch, Math.min(vouchers, (b + 1) * batch));
            try {
              latencies.add(timed(() -> submit(ledger, caller, step[0], json)));
            } catch (LedgerException e) {
              failures.incrementAndGet();
              System.out.println("failed: " + e.getMessage());
            }
          });
      phases.add("%s %.1f s".formatted(step[0], (System.nanoTime() - phaseStart) / 1e9));
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long cpu = processCpuNanos() - cpuStart;
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(
        Locale.ROOT,
        "village year (bulk, batches of %d): %d vouchers (%d lines) posted = %d transactions"
            + " (%d records + 3 × %d batches) in %.1f s (%.0f vouchers/s, %.0f tx/s),"
            + " failures=%d, process CPU %.0f µs/tx = %.0f µs/voucher; phases: %s;"
            + " per-tx commit latency p50=%.1f ms p99=%.1f ms max=%.1f ms%n",
        batch,
        vouchers,
        vouchers * 4,
        sorted.length,
        vouchers,
        batches,
        elapsed,
        vouchers / elapsed,
        sorted.length / elapsed,
        failures.get(),
        sorted.length == 0 ? 0.0 : cpu / 1e3 / sorted.length,
        cpu / 1e3 / vouchers,
        String.join(", ", phases),
        percentile(sorted, 0.50),
        percentile(sorted, 0.99),
        sorted.length == 0 ? 0.0 : sorted[sorted.length - 1] / 1e6);
  }

  /** Runs {@code work} for 0..count-1 on {@code threads} closed-loop threads. */
  private static void runParallel(int threads, int count, java.util.function.IntConsumer work)
      throws InterruptedException {
    var next = new AtomicInteger();
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] =
          Thread.ofPlatform()
              .name("bench-" + t)
              .start(
                  () -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                      work.accept(i);
                    }
                  });
    }
    for (Thread worker : workers) {
      worker.join();
    }
  }

  /** Trial balances, month closes and the general ledger of the village year. */
  private static void villageYearBooks(EmbeddedLedger ledger, Village village, Identity auditor) {
    String query = "{\"village\":\"%s\",\"period\":\"2025-12\"}".formatted(village.code());
    time(
        "trial balance 2025-12 of the village year, no month closed (reads every posted voucher)",
        3,
        () -> evaluate(ledger, auditor, "trialBalance", query));
    long closeStart = System.nanoTime();
    for (int m = 1; m <= MONTHS; m++) {
      submit(ledger, village.township(), "closePeriod", closeJson(village.code(), m));
    }
    System.out.printf(
        Locale.ROOT,
        "12 month closes of the village year: %.1f s%n",
        (System.nanoTime() - closeStart) / 1e9);
    time(
        "trial balance 2025-12 of the village year, months closed (snapshot + December)",
        5,
        () -> evaluate(ledger, auditor, "trialBalance", query));
    time(
        "general ledger 2025 of the village year (every voucher id and tx id of the year)",
        3,
        () ->
            evaluate(
                ledger,
                auditor,
                "generalLedger",
                "{\"village\":\"%s\",\"year\":\"2025\"}".formatted(village.code())));
  }

  private static void county(
      EmbeddedLedger ledger,
      EmbeddedCa ca,
      int villages,
      int perVillage,
      int threads,
      Identity auditor,
      int batch)
      throws Exception {
    List<Village> all = new ArrayList<>();
    for (int v = 0; v < villages; v++) {
      // 11 townships (100..110) of up to 15 villages (201..215)
      all.add(Village.enroll(ca, "520122%03d%03d".formatted(100 + v / 15, 201 + v % 15)));
    }
    long start = System.nanoTime();
    var failures = new AtomicLong();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> work = new ArrayList<>();
      for (Village village : all) {
        work.add(
            pool.submit(
                () -> {
                  if (batch > 0) {
                    postInBatches(ledger, village, "C", perVillage, batch, failures);
                  } else {
                    for (int i = 0; i < perVillage; i++) {
                      try {
                        post(ledger, village, "C", i);
                      } catch (LedgerException e) {
                        failures.incrementAndGet();
                      }
                    }
                  }
                  for (int m = 1; m <= MONTHS; m++) {
                    submit(ledger, village.township(), "closePeriod", closeJson(village.code(), m));
                  }
                }));
      }
      for (Future<?> done : work) {
        done.get();
      }
    }
    System.out.printf(
        Locale.ROOT,
        "county: %d villages × %d vouchers posted and 12 months closed each (%d tx) in %.1f s,"
            + " failures=%d%n",
        villages,
        perVillage,
        villages
            * (batch > 0
                ? perVillage + 3L * ((perVillage + batch - 1) / batch) + MONTHS
                : perVillage * 4L + MONTHS),
        (System.nanoTime() - start) / 1e9,
        failures.get());
    for (String transaction : List.of("trialBalance", "generalLedger")) {
      String label =
          transaction.equals("trialBalance")
              ? "trial balance 2025-12 (from the November close)"
              : "general ledger 2025 (12 months per account, vouchers behind)";
      for (int parallel : new int[] {1, threads}) {
        long begin = System.nanoTime();
        var bytes = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(parallel)) {
          List<Future<?>> work = new ArrayList<>();
          for (Village village : all) {
            String query =
                transaction.equals("trialBalance")
                    ? "{\"village\":\"%s\",\"period\":\"2025-12\"}".formatted(village.code())
                    : "{\"village\":\"%s\",\"year\":\"2025\"}".formatted(village.code());
            work.add(
                pool.submit(
                    () -> bytes.addAndGet(evaluate(ledger, auditor, transaction, query).length)));
          }
          for (Future<?> done : work) {
            done.get();
          }
        }
        System.out.printf(
            Locale.ROOT,
            "%d villages, %s, %d evaluating thread(s): %.2f s (%d KiB of answers)%n",
            villages,
            label,
            parallel,
            (System.nanoTime() - begin) / 1e9,
            bytes.get() >> 10);
      }
    }
  }

  /**
   * Records a village's {@code count} vouchers, then submits, approves and posts them in batches.
   */
  private static void postInBatches(
      EmbeddedLedger ledger,
      Village village,
      String prefix,
      int count,
      int batch,
      AtomicLong failures) {
    try {
      for (int i = 0; i < count; i++) {
        record(ledger, village, prefix, i);
      }
      for (String step : List.of("submitVouchers", "approveVouchers", "postVouchers")) {
        Identity caller = step.equals("submitVouchers") ? village.clerk() : village.township();
        for (int from = 0; from < count; from += batch) {
          submit(
              ledger,
              caller,
              step,
              batchJson(village, prefix, from, Math.min(count, from + batch)));
        }
      }
    } catch (LedgerException e) {
      failures.incrementAndGet();
    }
  }

  /**
   * {@code {"voucherIds":[…]}} for the village's vouchers {@code from} (inclusive) to {@code to}.
   */
  private static String batchJson(Village village, String prefix, int from, int to) {
    StringBuilder json = new StringBuilder("{\"voucherIds\":[");
    for (int i = from; i < to; i++) {
      json.append(i > from ? ",\"" : "\"").append(voucherId(village, prefix, i)).append('"');
    }
    return json.append("]}").toString();
  }

  private static String voucherId(Village village, String prefix, int i) {
    return "B%s-%s-%06d".formatted(prefix, village.code(), i);
  }

  /** Records, submits, approves and posts voucher {@code i}; the four commit latencies. */
  private static long[] post(EmbeddedLedger ledger, Village village, String prefix, int i) {
    String voucherId = voucherId(village, prefix, i);
    String action = "{\"voucherId\":\"" + voucherId + "\"}";
    return new long[] {
      timed(() -> record(ledger, village, prefix, i)),
      timed(() -> submit(ledger, village.clerk(), "submitVoucher", action)),
      timed(() -> submit(ledger, village.township(), "approveVoucher", action)),
      timed(() -> submit(ledger, village.township(), "postVoucher", action))
    };
  }

  /** Records voucher {@code i} of the village: 4 lines, dated in month {@code 1 + i % 12}. */
  private static void record(EmbeddedLedger ledger, Village village, String prefix, int i) {
    String voucherId = voucherId(village, prefix, i);
    int month = 1 + i % MONTHS;
    long a = 10_000 + (i * 7919L) % 900_000;
    long b = 5_000 + (i * 104_729L) % 300_000;
    String[][] accounts = {
      {"102", "101", "501", "504"},
      {"513", "514", "101", "102"},
      {"101", "112", "503", "501"},
      {"511", "513", "102", "101"}
    };
    String[] pick = accounts[i % accounts.length];
    String json =
        """
        {"voucherId":"%s","village":"%s","date":"2025-%02d-%02d","summary":"基准凭证",\
        "lines":[{"account":"%s","debitFen":%d,"creditFen":0,"counterparty":"基准往来单位"},\
        {"account":"%s","debitFen":%d,"creditFen":0},\
        {"account":"%s","debitFen":0,"creditFen":%d},\
        {"account":"%s","debitFen":0,"creditFen":%d}]}"""
            .formatted(
                voucherId,
                village.code(),
                month,
                1 + i % 28,
                pick[0],
                a,
                pick[1],
                b,
                pick[2],
                a,
                pick[3],
                b);
    submit(ledger, village.clerk(), "recordVoucher", json);
  }

  private static long timed(Runnable call) {
    long start = System.nanoTime();
    call.run();
    return System.nanoTime() - start;
  }

  private static void time(String label, int runs, java.util.function.Supplier<byte[]> call) {
    long[] times = new long[runs];
    int bytes = 0;
    for (int r = 0; r < runs; r++) {
      long start = System.nanoTime();
      bytes = call.get().length;
      times[r] = System.nanoTime() - start;
    }
    Arrays.sort(times);
    System.out.printf(
        Locale.ROOT,
        "%s: median %.0f ms over %d runs (%d KiB)%n",
        label,
        times[runs / 2] / 1e6,
        runs,
        bytes >> 10);
  }

  private static String closeJson(String village, int month) {
    return "{\"village\":\"%s\",\"period\":\"2025-%02d\"}".formatted(village, month);
  }

  private static void submit(EmbeddedLedger ledger, Identity caller, String tx, String json) {
    ledger.submit(caller, Proposal.of("finance", tx, json));
  }

  private static byte[] evaluate(EmbeddedLedger ledger, Identity caller, String tx, String json) {
    return ledger.evaluate(caller, Proposal.of("finance", tx, json));
  }

  /** CPU time of the whole process (all threads, GC included). */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
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
