package cn.xianglian.qr.label;

import cn.xianglian.qr.QrError;
import cn.xianglian.qr.QrException;
import cn.xianglian.qr.digitallink.Serial;
import cn.xianglian.qr.issuance.CodeRun;
import cn.xianglian.qr.issuance.CodeRunRegistry;
import cn.xianglian.qr.resolve.BatchView;
import cn.xianglian.qr.resolve.TraceReader;
import cn.xianglian.qr.signing.CodeSigner;
import cn.xianglian.qr.signing.KeyRing;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Makes the labels of a run: each code signed with the run's key, encoded, and drawn with the
 * batch's product name, batch id, serial and the 合格证 mark when the batch has a valid certificate.
 */
public final class LabelService {

  private final CodeRunRegistry registry;
  private final TraceReader trace;
  private final Supplier<KeyRing> keys;
  private final String resolverBase;
  private final Optional<Path> fontFile;
  private final int maxSheetLabels;
  private final ParallelSymbols encoders;

  /**
   * @param encoders the threads that sign and encode the symbols of PDF sheets
   */
  public LabelService(
      CodeRunRegistry registry,
      TraceReader trace,
      Supplier<KeyRing> keys,
      String resolverBase,
      Optional<Path> fontFile,
      int maxSheetLabels,
      ParallelSymbols encoders) {
    this.registry = registry;
    this.trace = trace;
    this.keys = keys;
    this.resolverBase = resolverBase;
    this.fontFile = fontFile;
    this.maxSheetLabels = maxSheetLabels;
    this.encoders = encoders;
  }

  /** A run and the slice of it asked for, checked before anything is written. */
  public record Slice(CodeRun run, long from, long count) {}

  public CodeRun run(String runId) {
    return registry
        .find(runId)
        .orElseThrow(() -> new QrException(QrError.RUN_NOT_FOUND, "run " + runId));
  }

  public Slice slice(String runId, long from, Long count, int limit) {
    CodeRun run = run(runId);
    long n = count == null ? run.count() - from : count;
    if (from < 0 || from >= run.count() || n < 1 || from + n > run.count()) {
      throw new QrException(QrError.INVALID_ARGUMENT, "from/count outside the run");
    }
    if (n > limit) {
      throw new QrException(QrError.RANGE_TOO_LARGE, "at most " + limit + " labels per request");
    }
    return new Slice(run, from, n);
  }

  public int maxSheetLabels() {
    return maxSheetLabels;
  }

  /** The printed URI of the {@code index}-th code of a run. */
  public String uri(CodeRun run, long index) {
    return CodeSigner.sign(keys.get(), run.keyId(), run.link(index)).uri(resolverBase);
  }

  public long indexOfSerial(CodeRun run, String serial) {
    return Serial.parse(serial)
        .filter(run::issued)
        .map(run::indexOf)
        .orElseThrow(
            () ->
                new QrException(QrError.SERIAL_NOT_ISSUED, serial + " not in run " + run.runId()));
  }

  public void png(
      CodeRun run, long index, ErrorCorrectionLevel ec, int pixelsPerModule, OutputStream out) {
    SymbolImages.png(QrSymbols.encode(uri(run, index), ec), pixelsPerModule, out);
  }

  public void svg(CodeRun run, long index, ErrorCorrectionLevel ec, double sizeMm, Writer out) {
    SymbolImages.svg(QrSymbols.encode(uri(run, index), ec), sizeMm, out);
  }

  /** Resolves the font and batch up front, so a failure is an error response, not a torn PDF. */
  public PreparedSheet prepare(Slice slice) {
    Path font = LabelFonts.find(fontFile);
    BatchView batch =
        trace
            .batch(slice.run().batchId())
            .orElseThrow(
                () -> new QrException(QrError.BATCH_NOT_FOUND, "batch " + slice.run().batchId()));
    return new PreparedSheet(slice, font, batch);
  }

  /** A sheet ready to stream. */
  public record PreparedSheet(Slice slice, Path font, BatchView batch) {}

  public void pdf(
      PreparedSheet sheet, LabelLayout layout, ErrorCorrectionLevel ec, OutputStream out) {
    CodeRun run = sheet.slice().run();
    String mark =
        sheet.batch().certificates().stream()
            .filter(c -> "VALID".equals(c.status()))
            .findFirst()
            .map(c -> "【合格证】" + c.certificateNo())
            .orElse("");
    String title = sheet.batch().productName() + " " + run.range().level().nameZh();
    try (var pdf = PdfLabelSheet.open(out, layout, sheet.font())) {
      encoders.encode(
          sheet.slice().from(),
          sheet.slice().count(),
          i -> uri(run, i),
          ec,
          (i, symbol) ->
              pdf.add(
                  symbol,
                  new LabelText(
                      title, "批次 " + run.batchId() + " · " + run.range().serial(i).text(), mark)));
    }
  }

  public void uris(Slice slice, Writer out) throws IOException {
    for (long i = slice.from(); i < slice.from() + slice.count(); i++) {
      out.write(uri(slice.run(), i));
      out.write('\n');
    }
  }
}
