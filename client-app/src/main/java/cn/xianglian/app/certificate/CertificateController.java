package cn.xianglian.app.certificate;

import cn.xianglian.app.batch.Ids;
import cn.xianglian.app.identity.CallerIdentities;
import cn.xianglian.app.system.Committed;
import cn.xianglian.app.system.TraceLedger;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** 承诺达标合格证: issue, void, and public lookup by number (what a scanned label resolves to). */
@RestController
@Validated
@RequestMapping("/api/v1/certificates")
@Tag(name = "certificates", description = "承诺达标合格证 — commitment-to-compliance certificates")
class CertificateController {

  private final TraceLedger ledger;
  private final CallerIdentities callers;

  CertificateController(TraceLedger ledger, CallerIdentities callers) {
    this.ledger = ledger;
    this.callers = callers;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "开具合格证 — issue a certificate",
      security = @SecurityRequirement(name = "basic"))
  Committed<CertificateView> issue(@Valid @RequestBody CertificateRequests.Issue request) {
    return committed(ledger.submit(callers.writer(), "issueCertificate", request));
  }

  @PostMapping("/{certificateNo}/void")
  @Operation(
      summary = "作废合格证 — void a certificate",
      security = @SecurityRequirement(name = "basic"))
  Committed<CertificateView> voidCertificate(
      @PathVariable @Pattern(regexp = Ids.ID) String certificateNo,
      @Valid @RequestBody CertificateRequests.Void request) {
    var argument = ledger.tree(request).put("certificateNo", certificateNo);
    return committed(ledger.submit(callers.writer(), "voidCertificate", argument));
  }

  @GetMapping("/{certificateNo}")
  @Operation(summary = "查询合格证 — public lookup by certificate number")
  CertificateView get(@PathVariable @Pattern(regexp = Ids.ID) String certificateNo) {
    return view(ledger.evaluate(callers.reader(), "getCertificate", certificateNo));
  }

  private Committed<CertificateView> committed(Committed<JsonNode> done) {
    return new Committed<>(view(done.record()), done.transaction());
  }

  private CertificateView view(JsonNode record) {
    return ledger.read(ledger.withLedger(record.deepCopy(), "txId"), CertificateView.class);
  }
}
