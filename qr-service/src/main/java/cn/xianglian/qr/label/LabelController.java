package cn.xianglian.qr.label;

import cn.xianglian.qr.Caller;
import cn.xianglian.qr.QrError;
import cn.xianglian.qr.QrException;
import cn.xianglian.qr.issuance.CodeRun;
import cn.xianglian.qr.issuance.IssuanceService;
import cn.xianglian.qr.system.QrProperties;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Labels of a run: one code as PNG or SVG, the run (or a slice) as a streamed A4 PDF sheet or as a
 * streamed text list of URIs for print vendors. Printing is making genuine codes: only the batch's
 * owning producer or a labeler whose region scope covers it (the issuing rule, {@link
 * IssuanceService#authorisedRun}).
 */
@RestController
class LabelController {

  private static final int MAX_URI_LIST = 10_000_000;

  private final LabelService labels;
  private final IssuanceService issuance;
  private final String defaultErrorCorrection;

  LabelController(LabelService labels, IssuanceService issuance, QrProperties properties) {
    this.labels = labels;
    this.issuance = issuance;
    this.defaultErrorCorrection = properties.label().errorCorrection();
  }

  @GetMapping("/api/labels/runs/{runId}/{serial}.png")
  ResponseEntity<StreamingResponseBody> png(
      @RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller,
      @PathVariable String runId,
      @PathVariable String serial,
      @RequestParam(defaultValue = "8") int pixelsPerModule,
      @RequestParam(required = false) String ec) {
    CodeRun run = issuance.authorisedRun(runId, caller);
    long index = labels.indexOfSerial(run, serial);
    ErrorCorrectionLevel level = errorCorrection(ec);
    if (pixelsPerModule < 1 || pixelsPerModule > 40) {
      throw new QrException(QrError.INVALID_ARGUMENT, "pixelsPerModule must be 1..40");
    }
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_PNG)
        .body(out -> labels.png(run, index, level, pixelsPerModule, out));
  }

  @GetMapping("/api/labels/runs/{runId}/{serial}.svg")
  ResponseEntity<StreamingResponseBody> svg(
      @RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller,
      @PathVariable String runId,
      @PathVariable String serial,
      @RequestParam(defaultValue = "20") double sizeMm,
      @RequestParam(required = false) String ec) {
    CodeRun run = issuance.authorisedRun(runId, caller);
    long index = labels.indexOfSerial(run, serial);
    ErrorCorrectionLevel level = errorCorrection(ec);
    if (!(sizeMm >= 5 && sizeMm <= 500)) {
      throw new QrException(QrError.INVALID_ARGUMENT, "sizeMm must be 5..500");
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("image/svg+xml"))
        .body(
            out -> {
              Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
              labels.svg(run, index, level, sizeMm, writer);
            });
  }

  @GetMapping("/api/labels/runs/{runId}/sheet.pdf")
  ResponseEntity<StreamingResponseBody> sheet(
      @RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller,
      @PathVariable String runId,
      @RequestParam(defaultValue = "8") int rows,
      @RequestParam(defaultValue = "5") int cols,
      @RequestParam(defaultValue = "10") double marginMm,
      @RequestParam(defaultValue = "0") long from,
      @RequestParam(required = false) Long count,
      @RequestParam(required = false) String ec) {
    issuance.authorisedRun(runId, caller);
    var layout = new LabelLayout(rows, cols, marginMm);
    ErrorCorrectionLevel level = errorCorrection(ec);
    var prepared = labels.prepare(labels.slice(runId, from, count, labels.maxSheetLabels()));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"labels-" + runId + ".pdf\"")
        .body(out -> labels.pdf(prepared, layout, level, out));
  }

  @GetMapping("/api/labels/runs/{runId}/codes.txt")
  ResponseEntity<StreamingResponseBody> codes(
      @RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller,
      @PathVariable String runId,
      @RequestParam(defaultValue = "0") long from,
      @RequestParam(required = false) Long count) {
    issuance.authorisedRun(runId, caller);
    var slice = labels.slice(runId, from, count, MAX_URI_LIST);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
        .body(
            out -> {
              Writer writer = new OutputStreamWriter(out, StandardCharsets.US_ASCII);
              labels.uris(slice, writer);
              writer.flush();
            });
  }

  private ErrorCorrectionLevel errorCorrection(String parameter) {
    String value = parameter == null ? defaultErrorCorrection : parameter;
    return switch (value) {
      case "M" -> ErrorCorrectionLevel.M;
      case "Q" -> ErrorCorrectionLevel.Q;
      default -> throw new QrException(QrError.INVALID_ARGUMENT, "ec must be M or Q");
    };
  }
}
