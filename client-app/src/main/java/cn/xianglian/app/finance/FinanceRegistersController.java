package cn.xianglian.app.finance;

import static cn.xianglian.app.finance.FinanceRequests.ACCOUNT;
import static cn.xianglian.app.finance.FinanceRequests.ID;
import static cn.xianglian.app.finance.FinanceRequests.REGION;
import static cn.xianglian.app.finance.RegisterRequests.YEAR;

import cn.xianglian.app.identity.CallerIdentities;
import cn.xianglian.app.producer.PersonalDataSalts;
import cn.xianglian.app.system.Committed;
import cn.xianglian.app.system.TraceLedger;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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
 * The registers of village finance (合同, 资产, 资源, 资金, 股份经济合作社) and the general ledger (总账). Commands
 * sign as the logged-in 报账员; reads of the registers are reads of the books and sign as the
 * logged-in user (401 when anonymous). Answers are the contract's records.
 */
@RestController
@Validated
@RequestMapping("/api/v1/finance")
@Tag(
    name = "finance registers",
    description = "村级三资台账 — contracts, assets, resources, funds, 股份合作社, 总账")
class FinanceRegistersController {

  private static final String BASIC = "basic";

  private final TraceLedger ledger;
  private final CallerIdentities callers;
  private final PersonalDataSalts salts;

  FinanceRegistersController(
      TraceLedger ledger, CallerIdentities callers, PersonalDataSalts salts) {
    this.ledger = ledger;
    this.callers = callers;
    this.salts = salts;
  }

  // Contracts (合同)

  @PostMapping("/contracts")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "登记合同 — a contract with its payment schedule (village)",
      security = @SecurityRequirement(name = BASIC))
  Committed<JsonNode> registerContract(@Valid @RequestBody RegisterRequests.RegisterContract body) {
    return submit("registerContract", body);
  }

  @GetMapping("/contracts/{contractId}")
  @Operation(
      summary = "合同执行情况 — settled, overdue and expiring, with the vouchers behind",
      security = @SecurityRequirement(name = BASIC))
  JsonNode contractStatus(@PathVariable @Pattern(regexp = ID) String contractId) {
    return evaluate("contractStatus", contractId);
  }

  @GetMapping("/villages/{village}/contracts")
  @Operation(
      summary = "合同台账 — a village's contracts",
      security = @SecurityRequirement(name = BASIC))
  JsonNode contracts(@PathVariable @Pattern(regexp = REGION) String village) {
    return evaluate("listContracts", args("village", village));
  }

  @GetMapping("/villages/{village}/contract-warnings")
  @Operation(
      summary = "合同预警 — overdue installments and contracts expiring within 30 days",
      security = @SecurityRequirement(name = BASIC))
  JsonNode contractWarnings(@PathVariable @Pattern(regexp = REGION) String village) {
    return evaluate("contractWarnings", args("village", village));
  }

  // Assets (资产) and resources (资源)

  @PostMapping("/assets")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "登记资产 — a fixed asset (village)",
      security = @SecurityRequirement(name = BASIC))
  Committed<JsonNode> registerAsset(@Valid @RequestBody RegisterRequests.RegisterAsset body) {
    return submit("registerAsset", body);
  }

  @PostMapping("/assets/{assetId}/disposal")
  @Operation(
      summary = "资产处置 — ACTIVE → DISPOSED (village)",
      security = @SecurityRequirement(name = BASIC))
  Committed<JsonNode> disposeAsset(
      @PathVariable @Pattern(regexp = ID) String assetId,
      @Valid @RequestBody RegisterRequests.DisposeAsset body) {
    return submit(
        "disposeAsset",
        args("assetId", assetId, "disposedOn", body.disposedOn(), "reason", body.reason()));
  }

  @GetMapping("/assets/{assetId}")
  @Operation(
      summary = "资产状况 — depreciation to date and net book value",
      security = @SecurityRequirement(name = BASIC))
  JsonNode assetStatus(@PathVariable @Pattern(regexp = ID) String assetId) {
    return evaluate("assetStatus", assetId);
  }

  @GetMapping("/villages/{village}/assets")
  @Operation(summary = "资产台账", security = @SecurityRequirement(name = BASIC))
  JsonNode assets(@PathVariable @Pattern(regexp = REGION) String village) {
    return evaluate("listAssets", args("village", village));
  }

  @PostMapping("/resources")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "登记资源 — land, forest, water area (village)",
      security = @SecurityRequirement(name = BASIC))
  Committed<JsonNode> registerResource(@Valid @RequestBody RegisterRequests.RegisterResource body) {
    return submit("registerResource", body);
  }

  @GetMapping("/villages/{village}/resources")
  @Operation(summary = "资源台账", security = @SecurityRequirement(name = BASIC))
  JsonNode resources(@PathVariable @Pattern(regexp = REGION) String village) {
    return evaluate("listResources", args("village", village));
  }

  // Funds (资金)

  @PostMapping("/fund-accounts")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "登记资金账户 — a bank account or the cash box on a leaf book account (village)",
      security = @SecurityRequirement(name = BASIC))
  Committed<JsonNode> registerFundAccount(
      @Valid @RequestBody RegisterRequests.RegisterFundAccount body) {
    return submit("registerFundAccount", body);
  }

  @PostMapping("/fund-accounts/{fundAccountId}/reconciliations")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "对账 — a statement balance or cash count against the book balance (village)",
      security = @SecurityRequirement(name = BASIC))
  Committed<JsonNode> reconcileFund(
      @PathVariable @Pattern(regexp = ID) String fundAccountId,
      @Valid @RequestBody RegisterRequests.ReconcileFund body) {
    return submit(
        "reconcileFund",
        args(
            "reconciliationId",
            body.reconciliationId(),
            "fundAccountId",
            fundAccountId,
            "asOf",
            body.asOf(),
            "statementFen",
            body.statementFen()));
  }

  @GetMapping("/fund-accounts/{fundAccountId}")
  @Operation(
      summary = "资金账户 — book balance today from posted vouchers, and its reconciliations",
      security = @SecurityRequirement(name = BASIC))
  JsonNode fundStatus(@PathVariable @Pattern(regexp = ID) String fundAccountId) {
    return evaluate("fundStatus", fundAccountId);
  }

  @GetMapping("/villages/{village}/fund-accounts")
  @Operation(summary = "资金台账", security = @SecurityRequirement(name = BASIC))
  JsonNode fundAccounts(@PathVariable @Pattern(regexp = REGION) String village) {
    return evaluate("listFundAccounts", args("village", village));
  }

  // Shareholding co-operatives (股份经济合作社)

  @PostMapping("/cooperatives")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "登记股份经济合作社 (village)", security = @SecurityRequirement(name = BASIC))
  Committed<JsonNode> registerCooperative(
      @Valid @RequestBody RegisterRequests.RegisterCooperative body) {
    return submit("registerCooperative", body);
  }

  @GetMapping("/villages/{village}/cooperatives")
  @Operation(summary = "股份经济合作社列表", security = @SecurityRequirement(name = BASIC))
  JsonNode cooperatives(@PathVariable @Pattern(regexp = REGION) String village) {
    return evaluate("listCooperatives", args("village", village));
  }

  @PostMapping("/cooperatives/{cooperativeId}/members")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "登记成员 — shares public; name, phone and ID number only in private data",
      security = @SecurityRequirement(name = BASIC))
  Committed<JsonNode> registerMember(
      @PathVariable @Pattern(regexp = ID) String cooperativeId,
      @Valid @RequestBody RegisterRequests.RegisterMember body) {
    return ledger.submitTo(
        FinanceController.CONTRACT,
        callers.writer(),
        "registerMember",
        body.withoutPerson(cooperativeId),
        Map.of(
            "member",
            body.person(),
            "member.salt",
            salts.saltFor("member/" + cooperativeId + "/" + body.memberId())));
  }

  @GetMapping("/cooperatives/{cooperativeId}/members")
  @Operation(
      summary = "成员名册 — pseudonymous: member id, salted hash, shares",
      security = @SecurityRequirement(name = BASIC))
  JsonNode members(@PathVariable @Pattern(regexp = ID) String cooperativeId) {
    return evaluate("listMembers", cooperativeId);
  }

  @PostMapping("/cooperatives/{cooperativeId}/distributions")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "分红 — split a posted dividend voucher over the members' shares (village)",
      security = @SecurityRequirement(name = BASIC))
  Committed<JsonNode> distributeDividend(
      @PathVariable @Pattern(regexp = ID) String cooperativeId,
      @Valid @RequestBody RegisterRequests.DistributeDividend body) {
    return submit(
        "distributeDividend",
        args(
            "distributionId",
            body.distributionId(),
            "cooperativeId",
            cooperativeId,
            "year",
            body.year(),
            "totalFen",
            body.totalFen(),
            "voucherId",
            body.voucherId()));
  }

  @GetMapping("/cooperatives/{cooperativeId}/distributions")
  @Operation(summary = "分红记录列表", security = @SecurityRequirement(name = BASIC))
  JsonNode distributions(@PathVariable @Pattern(regexp = ID) String cooperativeId) {
    return evaluate("listDistributions", cooperativeId);
  }

  @GetMapping("/distributions/{distributionId}")
  @Operation(
      summary = "分红记录 — every member's amount and the voucher behind it",
      security = @SecurityRequirement(name = BASIC))
  JsonNode distribution(@PathVariable @Pattern(regexp = ID) String distributionId) {
    return evaluate("getDistribution", distributionId);
  }

  // General ledger (总账)

  @GetMapping("/villages/{village}/general-ledger")
  @Operation(
      summary = "总账 — per account and month: opening, debits, credits, closing, vouchers behind",
      security = @SecurityRequirement(name = BASIC))
  JsonNode generalLedger(
      @PathVariable @Pattern(regexp = REGION) String village,
      @RequestParam @Pattern(regexp = YEAR) String year,
      @RequestParam(required = false) @Pattern(regexp = ACCOUNT) String account) {
    return evaluate("generalLedger", args("village", village, "year", year, "account", account));
  }

  private Committed<JsonNode> submit(String transaction, Object argument) {
    return ledger.submitTo(
        FinanceController.CONTRACT, callers.writer(), transaction, argument, Map.of());
  }

  private JsonNode evaluate(String transaction, Object argument) {
    return ledger.evaluateIn(FinanceController.CONTRACT, callers.writer(), transaction, argument);
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
