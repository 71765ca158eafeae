package cn.xianglian.qr.bench;

import cn.xianglian.ledger.Identity;
import cn.xianglian.ledger.LedgerClient;
import cn.xianglian.ledger.Proposal;
import cn.xianglian.ledger.embedded.EmbeddedCa;
import cn.xianglian.ledger.embedded.EmbeddedLedger;
import cn.xianglian.ledger.embedded.EmbeddedLedgerConfig;
import cn.xianglian.qr.Caller;
import cn.xianglian.qr.digitallink.CodeLevel;
import cn.xianglian.qr.digitallink.DigitalLink;
import cn.xianglian.qr.digitallink.Gtin;
import cn.xianglian.qr.issuance.CodeRun;
import cn.xianglian.qr.issuance.IssuanceService;
import cn.xianglian.qr.issuance.IssueRequest;
import cn.xianglian.qr.issuance.LedgerCodeRunRegistry;
import cn.xianglian.qr.label.LabelFonts;
import cn.xianglian.qr.label.LabelLayout;
import cn.xianglian.qr.label.LabelText;
import cn.xianglian.qr.label.ParallelSymbols;
import cn.xianglian.qr.label.PdfLabelSheet;
import cn.xianglian.qr.label.QrSymbols;
import cn.xianglian.qr.label.SymbolImages;
import cn.xianglian.qr.resolve.TraceReader;
import cn.xianglian.qr.signing.CodeSigner;
import cn.xianglian.qr.signing.KeyRing;
import cn.xianglian.qr.signing.SignatureAlgorithm;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The qr-service speed and memory figures of issue 5, one measurement per command, printed to
 * stdout (docs/benchmarks.md, section qr-service, gives the commands and the figures):
 *
 * <ul>
 *   <li>{@code png}: sign + QR encode + 1-bit PNG, labels per second on one thread (run it under
 *       {@code taskset -c 0} for "one core");
 *   <li>{@code pdf}: a 10,000-label A4 sheet (8 × 5, CJK font) streamed to a counting sink, symbols
 *       encoded on one thread per core as the service does: time and the peak heap (sum of the heap
 *       pools' peaks), to be run with {@code -Xmx512m};
 *   <li>{@code issue}: a run of 1,000,000 item codes issued as ONE {@code code:issueRun}
 *       transaction on a fresh embedded ledger (batch created through the trace contract first):
 *       wall time of the whole issuance (range, digest, endorsement with the chaincode recomputing
 *       the digest, commit).
 * </ul>
 *
 * A main class, not JMH: each figure is one end-to-end operation of seconds, measured once after a
 * warm-up, as a user would meet it.
 */
public final class QrBench {

  private static final String BASE = "https://qr.xianglian.cn";
  private static final Gtin RICE = new Gtin("06901234567892");
  private static final String VILLAGE = "520122100201";

  private QrBench() {}

  public static void main(String[] args) throws Exception {
    String command = args.length == 0 ? "all" : args[0];
    switch (command) {
      case "png" -> png();
      case "pdf" -> pdf();
      case "issue" -> issue();
      case "all" -> {
        png();
        pdf();
        issue();
      }
      default -> throw new IllegalArgumentException("png | pdf | issue | all");
    }
  }

  static void png() {
    KeyRing ring = KeyRing.generate(SignatureAlgorithm.ECDSA_P256_SHA256, Instant.now());
    for (int pixels : new int[] {8, 4}) {
      renderPng(ring, 500, pixels);
      int labels = 3000;
      long cpu = cpuNanos();
      long start = System.nanoTime();
      renderPng(ring, labels, pixels);
      System.out.printf(
          "png: sign + encode + 1-bit PNG at %d px/module: %.0f labels/s wall, %.0f labels/s per"
              + " CPU-second (one thread)%n",
          pixels, labels / seconds(start), labels / ((cpuNanos() - cpu) / 1e9));
    }
    // where one label's time goes (CPU time of this thread)
    int n = 2000;
    long cpu = cpuNanos();
    String[] uris = new String[n];
    for (int i = 0; i < n; i++) {
      uris[i] = uri(ring, i);
    }
    long signed = cpuNanos();
    var symbols = new com.google.zxing.common.BitMatrix[n];
    for (int i = 0; i < n; i++) {
      symbols[i] = QrSymbols.encode(uris[i], ErrorCorrectionLevel.M);
    }
    long encoded = cpuNanos();
    for (int i = 0; i < n; i++) {
      SymbolImages.png(symbols[i], 8, OutputStream.nullOutputStream());
    }
    long written = cpuNanos();
    System.out.printf(
        "png: CPU per label: sign %.0f us, QR encode %.0f us, PNG at 8 px/module %.0f us%n",
        (signed - cpu) / 1e3 / n, (encoded - signed) / 1e3 / n, (written - encoded) / 1e3 / n);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long cpuNanos() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  static void pdf() throws IOException {
    KeyRing ring = KeyRing.generate(SignatureAlgorithm.ECDSA_P256_SHA256, Instant.now());
    var font = LabelFonts.find(Optional.empty());
    writeSheet(ring, font, 500);
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    long cpu = processCpuNanos();
    long start = System.nanoTime();
    long bytes = writeSheet(ring, font, 10_000);
    double elapsed = seconds(start);
    double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(
        "pdf: 10,000 labels (A4 8x5, ec M): %.1f s wall (%.1f s process CPU), %,d bytes; peak heap"
            + " %d MiB"
            + " of max %d MiB%n",
        elapsed, cpuSeconds, bytes, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
  }

  static void issue() throws IOException {
    Path dir = Files.createTempDirectory("qr-bench-ledger");
    try {
      EmbeddedCa ca = EmbeddedCa.open(dir.resolve("ca"));
      try (LedgerClient ledger =
          EmbeddedLedger.open(EmbeddedLedgerConfig.defaults(dir.resolve("ledger")), ca)) {
        Identity farmer =
            ca.enroll(
                "farmer",
                "CoopOrgMSP",
                Map.of("xl.role", "producer", "xl.region", VILLAGE, "xl.party", "P-BENCH"));
        ledger.submit(
            farmer,
            Proposal.of(
                "trace",
                "registerProducer",
                """
                {"producerId":"P-BENCH","type":"FAMILY_FARM","name":"基准测试农场","region":"%s"}"""
                    .formatted(VILLAGE)));
        for (String batch : new String[] {"XF-BENCH-W", "XF-BENCH-1"}) {
          ledger.submit(
              farmer,
              Proposal.of(
                  "trace",
                  "createBatch",
                  """
                  {"batchId":"%s","producerId":"P-BENCH",\
                  "product":{"gtin":"%s","name":"息烽贡米","category":"GRAIN"},\
                  "quantity":{"amount":1000,"uom":"KGM"},"origin":{"region":"%s","site":"A-01"},\
                  "productionType":"PLANTING","producedAt":"2026-05-01T08:00:00+08:00"}"""
                      .formatted(batch, RICE.value(), VILLAGE)));
        }
        var registry = new LedgerCodeRunRegistry(ledger, farmer, caller -> farmer);
        var service =
            new IssuanceService(registry, new TraceReader(ledger, farmer)::facts, () -> "1");
        Caller caller =
            new Caller("farmer", "farmer", "CoopOrgMSP", "producer", VILLAGE, "P-BENCH");
        service.issue(
            new IssueRequest("W1", "XF-BENCH-W", null, CodeLevel.ITEM, 1L, 1_000_000L, null),
            caller);
        long height = ledger.height();
        long start = System.nanoTime();
        CodeRun run =
            service.issue(
                new IssueRequest("M1", "XF-BENCH-1", null, CodeLevel.ITEM, 1L, 1_000_000L, null),
                caller);
        double elapsed = seconds(start);
        System.out.printf(
            "issue: %,d codes as %d ledger transaction(s) on the embedded ledger: %.2f s%n",
            run.count(), ledger.height() - height, elapsed);
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(QrBench::delete);
      }
    }
  }

  private static void renderPng(KeyRing ring, int count, int pixelsPerModule) {
    for (int i = 0; i < count; i++) {
      SymbolImages.png(
          QrSymbols.encode(uri(ring, i), ErrorCorrectionLevel.M),
          pixelsPerModule,
          OutputStream.nullOutputStream());
    }
  }

  private static long writeSheet(KeyRing ring, Path font, int labels) throws IOException {
    var sink = new CountingSink();
    try (var encoders = new ParallelSymbols(Runtime.getRuntime().availableProcessors());
        var sheet = PdfLabelSheet.open(sink, new LabelLayout(8, 5, 10), font)) {
      encoders.encode(
          0,
          labels,
          i -> uri(ring, i),
          ErrorCorrectionLevel.M,
          (i, symbol) ->
              sheet.add(
                  symbol, new LabelText("息烽贡米 单品码", "批次 XF-2026-0009 · U" + (i + 1), "【合格证】HG-1")));
    }
    return sink.count;
  }

  private static String uri(KeyRing ring, long index) {
    var link = new DigitalLink(RICE, "XF-2026-0009", "U" + (index + 1));
    return CodeSigner.sign(ring, link).uri(BASE);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class CountingSink extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      count += length;
    }
  }
}
