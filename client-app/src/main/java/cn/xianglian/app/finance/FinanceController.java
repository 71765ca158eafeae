package cn.xianglian.app.finance;

import static cn.xianglian.app.finance.FinanceRequests.ACCOUNT;
import static cn.xianglian.app.finance.FinanceRequests.CODE;
import static cn.xianglian.app.finance.FinanceRequests.DATE;
import static cn.xianglian.app.finance.FinanceRequests.DISCLOSURE_PERIOD;
import static cn.xianglian.app.finance.FinanceRequests.ID;
import static cn.xianglian.app.finance.FinanceRequests.MONTH;
import static cn.xianglian.app.finance.FinanceRequests.REGION;

import cn.xianglian.app.identity.CallerIdentities;
import cn.xianglian.app.producer.PersonalDataSalts;
import cn.xianglian.app.system.Committed;
import cn.xianglian.app.system.TraceLedger;
import cn.xianglian.ledger.Identity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Village finance (三资): configuration by the county, the books of a village, the township's
 * approval and month close, auditor views and disclosure. Commands sign as the logged-in user;
 * reads of the books sign as the logged-in user too (401 when anonymous), while charts, rules,
 * catalogues and publications are public. Answers are the contract's records as it wrote them.
 */
@RestController
@Validated
@RequestMapping("/api/v1/finance")
@Tag(name = "finance", description = "村级三资 — chart, vouchers, approval, books, disclosure")
class FinanceController {

  /** The contract name on the chaincode. */
  static final String CONTRACT = "finance";

  private final TraceLedger ledger;
  private final CallerIdentities callers;
  private final PersonalDataSalts salts;

  FinanceController(TraceLedger ledger, CallerIdentities callers, PersonalDataSalts salts) {
    this.ledger = ledger;
    this.callers = callers;
    this.salts = salts;
  }

  // Configuration (county)

  @PostMapping("/charts")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "定义会计科目表 — define a chart version (county; template CAIHUI_2023_14)",
      security = @SecurityRequirement(name = "basic"))
  Committed<JsonNode> defineChart(@Valid @RequestBody FinanceRequests.DefineChart request) {
    return submit("defineChart", request);
  }

  @GetMapping("/charts/{county}")
  @Operation(summary = "会计科目表 — the county's chart, latest or a given version (public)")
  JsonNode chart(
      @PathVariable @Pattern(regexp = REGION) String county,
      @RequestParam(required = false) @Min(1) Integer version) {
    return evaluate(callers.reader(), "getChart", args("county", county, "version", version));
  }

  @PostMapping("/approval-rules")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "定义审批规则 — 大额资金 threshold and 村财乡管 approval (county)",
      security = @SecurityRequirement(name = "basic"))
  Committed<JsonNode> defineApprovalRules(
      @Valid @RequestBody FinanceRequests.DefineApprovalRules request) {
    return submit("defineApprovalRules", request);
  }

  @GetMapping("/approval-rules/{county}")
  @Operation(summary = "审批规则 — the rules in force on a date (public)")
  JsonNode approvalRules(
      @PathVariable @Pattern(regexp = REGION) String county,
      @RequestParam @Pattern(regexp = DATE) String date) {
    return evaluate(callers.reader(), "getApprovalRules", args("county", county, "date", date));
  }

  @PostMapping("/catalogues")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "定义公开目录 — a disclosure catalogue version (county)",
      security = @SecurityRequirement(name = "basic"))
  Committed<JsonNode> defineCatalogue(@Valid @RequestBody FinanceRequests.DefineCatalogue request) {
    return submit("defineCatalogue", request);
  }

  @GetMapping("/catalogues/{county}/{catalogueId}")
  @Operation(summary = "公开目录 — the latest version of a catalogue (public)")
  JsonNode catalogue(
      @PathVariable @Pattern(regexp = REGION) String county,
      @PathVariable @Pattern(regexp = CODE) String catalogueId) {
    return evaluate(
        callers.reader(), "getCatalogue", args("county", county, "catalogueId", catalogueId));
  }

  // Books (village; township for 代理记账)

  @PostMapping("/sub-accounts")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "定义明细科目 — a village sub-account (village or township)",
      security = @SecurityRequirement(name = "basic"))
  Committed<JsonNode> defineSubAccount(
      @Valid @RequestBody FinanceRequests.DefineSubAccount request) {
    return submit("defineSubAccount", request);
  }

  @GetMapping("/villages/{village}/sub-accounts")
  @Operation(
      summary = "明细科目 — a village's sub-accounts (readers of the books)",
      security = @SecurityRequirement(name = "basic"))
  JsonNode subAccounts(@PathVariable @Pattern(regexp = REGION) String village) {
    return evaluate(callers.writer(), "listSubAccounts", args("village", village));
  }

  @PostMapping("/decisions")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "四议两公开 — record a village decision by the hash of its minutes (village)",
      security = @SecurityRequirement(name = "basic"))
  Committed<JsonNode> recordDecision(@Valid @RequestBody FinanceRequests.RecordDecision request) {
    return submit("recordDecision", request);
  }

  @GetMapping("/decisions/{decisionId}")
  @Operation(
      summary = "决议 — a decision (callers whose scope covers the village)",
      security = @SecurityRequirement(name = "basic"))
  JsonNode decision(@PathVariable @Pattern(regexp = ID) String decisionId) {
    return evaluate(callers.writer(), "getDecision", decisionId);
  }

  @PostMapping("/vouchers")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "记账凭证 — record a voucher draft (village)",
      security = @SecurityRequirement(name = "basic"))
  Committed<JsonNode> recordVoucher(@Valid @RequestBody FinanceRequests.RecordVoucher request) {
    return submit("recordVoucher", request);
  }

  @GetMapping("/vouchers/{voucherId}")
  @Operation(
      summary = "凭证 — a voucher with its steps (readers of the books)",
      security = @SecurityRequirement(name = "basic"))
  JsonNode voucher(@PathVariable @Pattern(regexp = ID) String voucherId) {
    return evaluate(callers.writer(), "getVoucher", voucherId);
  }

  @GetMapping("/villages/{village}/vouchers")
  @Operation(
      summary = "凭证列表 — a month's vouchers, every status (readers of the books)",
      security = @SecurityRequirement(name = "basic"))
  JsonNode vouchers(
      @PathVariable @Pattern(regexp = REGION) String village,
      @RequestParam @Pattern(regexp = MONTH) String period) {
    return evaluate(callers.writer(), "listVouchers", args("village", village, "period", period));
  }

  @PostMapping("/vouchers/{voucherId}/submit")
  @Operation(
      summary = "提交 — DRAFT → SUBMITTED (village)",
      security = @SecurityRequirement(name = "basic"))
  Committed<JsonNode> submitVoucher(@PathVariable @Pattern(regexp = ID) String voucherId) {
    return submit("submitVoucher", args("voucherId", voucherId));
  }

  @PostMapping("/vouchers/{voucherId}/approve")
  @Operation(
      summary = "审核 — SUBMITTED → APPROVED (township in scope, 村财乡管)",
      security = @SecurityRequirement(name = "basic"))
  Committed<JsonNode> approveVoucher(@PathVariable @Pattern(regexp = ID) String voucherId) {
    return submit("approveVoucher", args("voucherId", voucherId));
  }

  @PostMapping("/vouchers/{voucherId}/reject")
  @Operation(
      summary = "退回 — SUBMITTED → REJECTED, final (township)",
      security = @SecurityRequirement(name = "basic"))
  Committed<JsonNode> rejectVoucher(
      @PathVariable @Pattern(regexp = ID) String voucherId,
      @Valid @RequestBody FinanceRequests.RejectVoucher request) {
    return submit("rejectVoucher", args("voucherId", voucherId, "reason", request.reason()));
  }

  @PostMapping("/vouchers/{voucherId}/post")
  @Operation(
      summary =
          "记账 — APPROVED → POSTED (township), or SUBMITTED → POSTED when no approval is needed",
      security = @SecurityRequirement(name = "basic"))
  Committed<JsonNode> postVoucher(@PathVariable @Pattern(regexp = ID) String voucherId) {
    return submit("postVoucher", args("voucherId", voucherId));
  }

  @PostMapping("/voucher-batches/submit")
  @Operation(
      summary = "批量送审 — DRAFT → SUBMITTED for 1..200 vouchers, all or nothing (village)",
      security = @SecurityRequirement(name = "basic"))
  Committed<JsonNode> submitVouchers(@Valid @RequestBody FinanceRequests.VoucherBatch request) {
    return submit("submitVouchers", request);
  }

  @PostMapping("/voucher-batches/approve")
  @Operation(
      summary = "批量审核 — SUBMITTED → APPROVED for 1..200 vouchers, all or nothing (township)",
      security = @SecurityRequirement(name = "basic"))
  Committed<JsonNode> approveVouchers(@Valid @RequestBody FinanceRequests.VoucherBatch request) {
    return submit("approveVouchers", request);
  }

  @PostMapping("/voucher-batches/post")
  @Operation(
      summary = "批量记账 — posts 1..200 vouchers as postVoucher would, all or nothing",
      security = @SecurityRequirement(name = "basic"))
  Committed<JsonNode> postVouchers(@Valid @RequestBody FinanceRequests.VoucherBatch request) {
    return submit("postVouchers", request);
  }

  @PostMapping("/vouchers/{voucherId}/reversal")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "红字冲销 — a new draft reversing a posted voucher (village)",
      security = @SecurityRequirement(name = "basic"))
  Committed<JsonNode> reverseVoucher(
      @PathVariable @Pattern(regexp = ID) String voucherId,
      @Valid @RequestBody FinanceRequests.ReverseVoucher request) {
    return submit(
        "reverseVoucher",
        args(
            "voucherId",
            request.voucherId(),
            "reverses",
            voucherId,
            "date",
            request.date(),
            "summary",
            request.summary()));
  }

  @PostMapping("/period-closes")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "月结 — close a village's month (township)",
      security = @SecurityRequirement(name = "basic"))
  Committed<JsonNode> closePeriod(@Valid @RequestBody FinanceRequests.ClosePeriod request) {
    return submit("closePeriod", request);
  }

  // Auditor views (posted vouchers only)

  @GetMapping("/villages/{village}/trial-balance")
  @Operation(
      summary = "试算平衡表 — a month's trial balance (readers of the books)",
      security = @SecurityRequirement(name = "basic"))
  JsonNode trialBalance(
      @PathVariable @Pattern(regexp = REGION) String village,
      @RequestParam @Pattern(regexp = MONTH) String period) {
    return evaluate(callers.writer(), "trialBalance", args("village", village, "period", period));
  }

  @GetMapping("/villages/{village}/accounts/{account}")
  @Operation(
      summary = "明细账 — an account's entries in a month (readers of the books)",
      security = @SecurityRequirement(name = "basic"))
  JsonNode accountDetail(
      @PathVariable @Pattern(regexp = REGION) String village,
      @PathVariable @Pattern(regexp = ACCOUNT) String account,
      @RequestParam @Pattern(regexp = MONTH) String period) {
    return evaluate(
        callers.writer(),
        "accountDetail",
        args("village", village, "account", account, "period", period));
  }

  @GetMapping("/villages/{village}/anomalies")
  @Operation(
      summary = "异常提示 — rule-based flags over a month's posted vouchers (readers of the books)",
      security = @SecurityRequirement(name = "basic"))
  JsonNode anomalies(
      @PathVariable @Pattern(regexp = REGION) String village,
      @RequestParam @Pattern(regexp = MONTH) String period) {
    return evaluate(callers.writer(), "anomalies", args("village", village, "period", period));
  }

  // Disclosure (阳光村务)

  @PostMapping("/publications")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "公开 — publish a disclosure item (village)",
      security = @SecurityRequirement(name = "basic"))
  Committed<JsonNode> publish(@Valid @RequestBody FinanceRequests.PublishDisclosure request) {
    return submit("publishDisclosure", request);
  }

  @GetMapping("/publications/{publicationId}")
  @Operation(summary = "公开记录 — a publication (public)")
  JsonNode publication(@PathVariable @Pattern(regexp = ID) String publicationId) {
    return evaluate(callers.reader(), "getPublication", publicationId);
  }

  @GetMapping("/villages/{village}/publications")
  @Operation(summary = "公开记录列表 — a village's publications of a period (public)")
  JsonNode publications(
      @PathVariable @Pattern(regexp = REGION) String village,
      @RequestParam @Pattern(regexp = DISCLOSURE_PERIOD) String period) {
    return evaluate(
        callers.reader(), "listPublications", args("village", village, "period", period));
  }

  @GetMapping("/villages/{village}/disclosure-status")
  @Operation(summary = "公开进度 — published, due and overdue items of a period (public)")
  JsonNode disclosureStatus(
      @PathVariable @Pattern(regexp = REGION) String village,
      @RequestParam @Pattern(regexp = CODE) String catalogueId,
      @RequestParam @Pattern(regexp = DISCLOSURE_PERIOD) String period) {
    return evaluate(
        callers.reader(),
        "disclosureStatus",
        args("village", village, "catalogueId", catalogueId, "period", period));
  }

  @PostMapping("/publications/{publicationId}/objections")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "质询 — a villager's objection; name, phone and ID number stay in private data",
      security = @SecurityRequirement(name = "basic"))
  Committed<JsonNode> fileObjection(
      @PathVariable @Pattern(regexp = ID) String publicationId,
      @Valid @RequestBody FinanceRequests.FileObjection request) {
    return ledger.submitTo(
        CONTRACT,
        callers.writer(),
        "fileObjection",
        request.withoutObjector(publicationId),
        Map.of(
            "objector",
            request.objector(),
            "objector.salt",
            salts.saltFor("objection/" + request.objectionId())));
  }

  @GetMapping("/publications/{publicationId}/objections")
  @Operation(
      summary = "质询列表 — objections to a publication (village, township, county, villagers)",
      security = @SecurityRequirement(name = "basic"))
  JsonNode objections(@PathVariable @Pattern(regexp = ID) String publicationId) {
    return evaluate(callers.writer(), "listObjections", publicationId);
  }

  @GetMapping("/objections/{objectionId}")
  @Operation(
      summary = "质询 — an objection and its answer",
      security = @SecurityRequirement(name = "basic"))
  JsonNode objection(@PathVariable @Pattern(regexp = ID) String objectionId) {
    return evaluate(callers.writer(), "getObjection", objectionId);
  }

  @PostMapping("/objections/{objectionId}/answer")
  @Operation(
      summary = "答复质询 — OPEN → ANSWERED (village)",
      security = @SecurityRequirement(name = "basic"))
  Committed<JsonNode> answerObjection(
      @PathVariable @Pattern(regexp = ID) String objectionId,
      @Valid @RequestBody FinanceRequests.AnswerObjection request) {
    return submit(
        "answerObjection",
        args(
            "objectionId",
            objectionId,
            "answer",
            request.answer(),
            "documentSha256",
            request.documentSha256()));
  }

  private Committed<JsonNode> submit(String transaction, Object argument) {
    return ledger.submitTo(CONTRACT, callers.writer(), transaction, argument, Map.of());
  }

  private JsonNode evaluate(Identity caller, String transaction, Object argument) {
    return ledger.evaluateIn(CONTRACT, caller, transaction, argument);
  }

  /** A query or command object from name/value pairs; null values are left out. */
  private static Map<String, Object> args(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        map.put((String) pairs[i], pairs[i + 1]);
      }
    }
    return map;
  }
}
