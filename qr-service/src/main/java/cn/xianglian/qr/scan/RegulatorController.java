package cn.xianglian.qr.scan;

import cn.xianglian.qr.Caller;
import cn.xianglian.qr.QrError;
import cn.xianglian.qr.QrException;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What regulators read (roles {@code regulator} and {@code auditor}): counterfeit warnings,
 * complaints, a code's scans.
 */
@RestController
class RegulatorController {

  private static final String[] ROLES = {"regulator", "auditor"};

  private final ScanStore store;
  private final ScanRecorder recorder;

  RegulatorController(ScanStore store, ScanRecorder recorder) {
    this.store = store;
    this.recorder = recorder;
  }

  @GetMapping("/api/regulator/warnings")
  List<ScanStore.StoredWarning> warnings(
      @RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller,
      @RequestParam(defaultValue = "100") int limit) {
    caller.requireRole(ROLES);
    return store.warnings(checked(limit));
  }

  @GetMapping("/api/regulator/complaints")
  List<ScanStore.Complaint> complaints(
      @RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller,
      @RequestParam(defaultValue = "100") int limit) {
    caller.requireRole(ROLES);
    return store.complaints(checked(limit));
  }

  /** A code's scans (code = its canonical path, e.g. /01/.../21/U1) and its first-scan time. */
  @GetMapping("/api/regulator/scans")
  Map<String, Object> scans(
      @RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller,
      @RequestParam String code,
      @RequestParam(defaultValue = "100") int limit) {
    caller.requireRole(ROLES);
    var stats = recorder.stats(code);
    return Map.of(
        "code", code,
        "firstScanAt", stats.map(s -> s.firstScanAt().toString()).orElse(""),
        "scanCount", stats.map(CodeStats::scanCount).orElse(0L),
        "scans", store.scansOf(code, checked(limit)),
        "droppedScans", recorder.dropped());
  }

  private static int checked(int limit) {
    if (limit < 1 || limit > 1000) {
      throw new QrException(QrError.INVALID_ARGUMENT, "limit must be 1..1000");
    }
    return limit;
  }
}
