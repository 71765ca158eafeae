package cn.xianglian.qr.issuance;

import cn.xianglian.qr.Caller;
import cn.xianglian.qr.QrError;
import cn.xianglian.qr.QrException;
import cn.xianglian.qr.digitallink.CodeLevel;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/issuance/runs} issues a label run (one ledger transaction); {@code GET
 * /api/issuance/runs/{runId}} reads it back. Login required (system.RequestGuardFilter); only the
 * batch's owning producer or a labeler whose region scope covers it ({@link IssuerAccess}), and the
 * run is signed on the ledger by the caller's own identity.
 */
@RestController
class IssuanceController {

  /** The request body; {@code lot} and {@code start} are optional. */
  record IssueBody(
      String runId,
      String batchId,
      String lot,
      String level,
      Long start,
      Long count,
      ContainsBody contains) {}

  record ContainsBody(String runId, Integer perParent) {}

  private final IssuanceService service;
  private final ApplicationEventPublisher events;

  IssuanceController(IssuanceService service, ApplicationEventPublisher events) {
    this.service = service;
    this.events = events;
  }

  @PostMapping("/api/issuance/runs")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> issue(
      @RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller, @RequestBody IssueBody body) {
    if (body == null || body.count() == null || body.level() == null) {
      throw new QrException(QrError.INVALID_ARGUMENT, "runId, batchId, level and count required");
    }
    CodeLevel level;
    try {
      level = CodeLevel.valueOf(body.level());
    } catch (IllegalArgumentException e) {
      throw new QrException(QrError.INVALID_ARGUMENT, "level is ITEM, CASE or PALLET");
    }
    Containment contains = null;
    if (body.contains() != null) {
      if (body.contains().runId() == null || body.contains().perParent() == null) {
        throw new QrException(QrError.INVALID_ARGUMENT, "contains needs runId and perParent");
      }
      try {
        contains = new Containment(body.contains().runId(), body.contains().perParent());
      } catch (IllegalArgumentException e) {
        throw new QrException(QrError.INVALID_ARGUMENT, e.getMessage());
      }
    }
    CodeRun run =
        service.issue(
            new IssueRequest(
                body.runId(),
                body.batchId(),
                body.lot(),
                level,
                body.start(),
                body.count(),
                contains),
            caller);
    events.publishEvent(new RunIssued(run));
    return describe(run);
  }

  @GetMapping("/api/issuance/runs/{runId}")
  Map<String, Object> get(
      @RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller, @PathVariable String runId) {
    return describe(service.authorisedRun(runId, caller));
  }

  static Map<String, Object> describe(CodeRun run) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("runId", run.runId());
    json.put("batchId", run.batchId());
    json.put("product", CodeRunJson.product(run.product()));
    json.put("lot", run.lot());
    json.put("level", run.range().level().name());
    json.put("serialStart", run.range().start());
    json.put("serialEnd", run.range().end());
    json.put("count", run.count());
    json.put("first", run.link(0).path());
    json.put("last", run.link(run.count() - 1).path());
    json.put("keyId", run.keyId());
    json.put("digest", run.digest());
    run.containment()
        .ifPresent(
            c -> json.put("contains", Map.of("runId", c.childRunId(), "perParent", c.perParent())));
    return json;
  }
}
