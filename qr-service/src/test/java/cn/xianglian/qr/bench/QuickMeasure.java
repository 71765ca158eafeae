package cn.xianglian.qr.bench;

import cn.xianglian.qr.Caller;
import cn.xianglian.qr.digitallink.CodeLevel;
import cn.xianglian.qr.digitallink.Gtin;
import cn.xianglian.qr.issuance.BatchFacts;
import cn.xianglian.qr.issuance.CodeRun;
import cn.xianglian.qr.issuance.InMemoryCodeRunRegistry;
import cn.xianglian.qr.issuance.IssuanceService;
import cn.xianglian.qr.issuance.IssueRequest;
import cn.xianglian.qr.label.LabelFonts;
import cn.xianglian.qr.label.LabelLayout;
import cn.xianglian.qr.label.LabelText;
import cn.xianglian.qr.label.PdfLabelSheet;
import cn.xianglian.qr.label.QrSymbols;
import cn.xianglian.qr.label.SymbolImages;
import cn.xianglian.qr.signing.CodeSigner;
import cn.xianglian.qr.signing.KeyRing;
import cn.xianglian.qr.signing.SignatureAlgorithm;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Optional;

/**
 * One-thread figures for issuance (1,000,000 codes: range + digest, in-memory registry), label
 * rendering (sign + encode + 1-bit PNG) and a 10,000-label PDF sheet written to a counting sink.
 * Not a benchmark harness (no JMH): a quick floor, printed to stdout.
 */
public final class QuickMeasure {

  private static final String BASE = "https://qr.xianglian.cn";

  private QuickMeasure() {}

  public static void main(String[] args) {
    Gtin gtin = new Gtin("06901234567892");
    var service =
        new IssuanceService(
            new InMemoryCodeRunRegistry(),
            id -> Optional.of(new BatchFacts(id, gtin, "M/P", "520122100201")),
            () -> "1");
    Caller farmer = new Caller("f", "f", "M", "producer", "520122100201", "P");
    for (int warm = 0; warm < 3; warm++) {
      service.issue(
          new IssueRequest("W" + warm, "WARM-" + warm, null, CodeLevel.ITEM, null, 1_000_000, null),
          farmer);
    }
    long start = System.nanoTime();
    CodeRun run =
        service.issue(
            new IssueRequest("M", "XF-2026-0009", null, CodeLevel.ITEM, null, 1_000_000, null),
            farmer);
    System.out.printf("issue 1,000,000 codes: %.3f s%n", seconds(start));

    KeyRing ring = KeyRing.generate(SignatureAlgorithm.ECDSA_P256_SHA256, Instant.now());
    png(ring, run, 300);
    int labels = 2000;
    start = System.nanoTime();
    png(ring, run, labels);
    System.out.printf(
        "sign + encode + PNG (4 px/module): %.0f labels/s on one thread%n",
        labels / seconds(start));

    start = System.nanoTime();
    var sink = new CountingSink();
    try (var sheet =
        PdfLabelSheet.open(sink, new LabelLayout(8, 5, 10), LabelFonts.find(Optional.empty()))) {
      for (int i = 0; i < 10_000; i++) {
        sheet.add(
            QrSymbols.encode(uri(ring, run, i), ErrorCorrectionLevel.M),
            new LabelText("息烽贡米 单品码", "批次 XF-2026-0009 · U" + (i + 1), "【合格证】HG-1"));
      }
    }
    Runtime runtime = Runtime.getRuntime();
    System.out.printf(
        "PDF of 10,000 labels: %.1f s, %,d bytes; max heap %d MiB%n",
        seconds(start), sink.count, runtime.maxMemory() >> 20);
  }

  private static void png(KeyRing ring, CodeRun run, int count) {
    for (int i = 0; i < count; i++) {
      SymbolImages.png(
          QrSymbols.encode(uri(ring, run, i), ErrorCorrectionLevel.M),
          4,
          OutputStream.nullOutputStream());
    }
  }

  private static String uri(KeyRing ring, CodeRun run, long index) {
    return CodeSigner.sign(ring, run.link(index)).uri(BASE);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
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
