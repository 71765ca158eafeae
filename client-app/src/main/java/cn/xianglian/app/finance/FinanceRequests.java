package cn.xianglian.app.finance;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The finance contract's command arguments as request bodies. Field names are the contract's (it
 * rejects unknown fields); ids that the URL carries are added by the controller. Money is an
 * integer number of 分 in fields ending in {@code Fen}.
 */
final class FinanceRequests {

  /** A client-chosen id. */
  static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

  /** A 12-digit region code of 息烽县. */
  static final String REGION = "520122[0-9]{6}";

  /** A date {@code yyyy-MM-dd}. */
  static final String DATE = "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])";

  /** An accounting period (month) {@code yyyy-MM}. */
  static final String MONTH = "[0-9]{4}-(0[1-9]|1[0-2])";

  /** A disclosure period: {@code yyyy-MM}, {@code yyyy-Qn} or {@code yyyy}. */
  static final String DISCLOSURE_PERIOD = "[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?";

  /** An account code: 3 digits, then up to three levels of 2 digits. */
  static final String ACCOUNT = "[1-5][0-9]{2}([0-9]{2}){0,3}";

  /** A catalogue category or item code. */
  static final String CODE = "[A-Z0-9][A-Z0-9_.-]{0,31}";

  /** A SHA-256 in lower-case hex. */
  static final String SHA256 = "[0-9a-f]{64}";

  private FinanceRequests() {}

  @Schema(description = "定义会计科目表 — a chart version: a bundled template or explicit accounts")
  record DefineChart(
      @NotNull @Pattern(regexp = REGION) @Schema(example = "520122000000") String county,
      @Min(1) int version,
      @NotNull @Pattern(regexp = DATE) @Schema(example = "2024-01-01") String effectiveFrom,
      @NotBlank @Size(max = 60) @Schema(example = "财会〔2023〕14号") String standard,
      @Pattern(regexp = "[A-Z0-9_]{1,64}") @Schema(example = "CAIHUI_2023_14") String template,
      @Size(min = 1, max = 500) List<@Valid @NotNull Account> accounts) {}

  @Schema(description = "会计科目 — an account of the chart")
  record Account(
      @NotNull @Pattern(regexp = ACCOUNT) String code,
      @NotBlank @Size(max = 50) String name,
      @NotNull @Pattern(regexp = "ASSET|LIABILITY|EQUITY|COST|PROFIT_AND_LOSS") String accountClass,
      @NotNull @Pattern(regexp = "DEBIT|CREDIT") String side) {}

  @Schema(description = "定义审批规则 — 大额资金 threshold and whether every voucher needs approval")
  record DefineApprovalRules(
      @NotNull @Pattern(regexp = REGION) String county,
      @Min(1) int version,
      @NotNull @Pattern(regexp = DATE) String effectiveFrom,
      @Positive @Schema(example = "5000000") long largeAmountFen,
      boolean approvalForAll) {}

  @Schema(description = "定义公开目录 — a disclosure catalogue version: a template or categories")
  record DefineCatalogue(
      @NotNull @Pattern(regexp = REGION) String county,
      @NotNull @Pattern(regexp = CODE) @Schema(example = "XF-SANWU") String catalogueId,
      @Min(1) int version,
      @NotBlank @Size(max = 80) String name,
      @Min(0) @Max(366) int publishWithinDays,
      @Min(1) @Max(366) int answerWithinDays,
      boolean toBeConfirmed,
      @Pattern(regexp = "[A-Z0-9_]{1,64}") @Schema(example = "XIFENG_SANWU_3X16") String template,
      @Size(min = 1, max = 100) List<@Valid @NotNull Category> categories) {}

  @Schema(description = "公开类别")
  record Category(
      @NotNull @Pattern(regexp = CODE) String code,
      @NotBlank @Size(max = 100) String name,
      @NotEmpty @Size(max = 200) List<@Valid @NotNull Item> items) {}

  @Schema(description = "公开事项")
  record Item(
      @NotNull @Pattern(regexp = CODE) String code, @NotBlank @Size(max = 100) String name) {}

  @Schema(description = "定义明细科目 — a village sub-account (parent code + 2 digits)")
  record DefineSubAccount(
      @NotNull @Pattern(regexp = REGION) @Schema(example = "520122100201") String village,
      @NotNull @Pattern(regexp = ACCOUNT) @Schema(example = "10201") String code,
      @NotBlank @Size(max = 40) @Schema(example = "农村信用社") String name) {}

  @Schema(description = "四议两公开决议 — recorded by the hash of its minutes")
  record RecordDecision(
      @NotNull @Pattern(regexp = ID) String decisionId,
      @NotNull @Pattern(regexp = REGION) String village,
      @NotBlank @Size(max = 200) String subject,
      @NotNull @Pattern(regexp = DATE) String decidedOn,
      @Positive long amountFen,
      @NotNull @Pattern(regexp = SHA256) String minutesSha256,
      @Pattern(regexp = SHA256) String resolutionSha256) {}

  @Schema(description = "记账凭证 — a voucher draft (lines balance: Σdebit = Σcredit)")
  record RecordVoucher(
      @NotNull @Pattern(regexp = ID) String voucherId,
      @NotNull @Pattern(regexp = REGION) String village,
      @NotNull @Pattern(regexp = DATE) String date,
      @NotBlank @Size(max = 200) String summary,
      @NotNull @Size(min = 2, max = 500) List<@Valid @NotNull VoucherLine> lines,
      @Size(max = 50) List<@Valid @NotNull Attachment> attachments,
      @Pattern(regexp = ID) String decisionId) {}

  @Schema(description = "分录 — a positive amount on exactly one side, in 分")
  record VoucherLine(
      @NotNull @Pattern(regexp = ACCOUNT) String account,
      @PositiveOrZero long debitFen,
      @PositiveOrZero long creditFen,
      @Size(max = 200) String summary,
      @Size(max = 100) String counterparty,
      @Pattern(regexp = ID) String contractId) {}

  @Schema(description = "附件 — the file stays off the ledger; only its hash is recorded")
  record Attachment(
      @NotBlank @Size(max = 100) String name, @NotNull @Pattern(regexp = SHA256) String sha256) {}

  @Schema(description = "红字冲销 — a reversal of a posted voucher")
  record ReverseVoucher(
      @NotNull @Pattern(regexp = ID) String voucherId,
      @NotNull @Pattern(regexp = DATE) String date,
      @NotBlank @Size(max = 200) String summary) {}

  @Schema(
      description =
          "批量送审 / 批量审核 / 批量记账 — 1..200 distinct voucher ids, one transaction, all or" + " nothing")
  record VoucherBatch(
      @NotEmpty @Size(max = MAX_BATCH) List<@NotNull @Pattern(regexp = ID) String> voucherIds) {}

  /** The most vouchers one bulk step takes (the contract's bound). */
  static final int MAX_BATCH = 200;

  @Schema(description = "退回 — the reason a township rejects a voucher")
  record RejectVoucher(@NotBlank @Size(max = 200) String reason) {}

  @Schema(description = "月结 — close a month of a village's books")
  record ClosePeriod(
      @NotNull @Pattern(regexp = REGION) String village,
      @NotNull @Pattern(regexp = MONTH) String period) {}

  @Schema(description = "公开 — publish a disclosure item (content by hash)")
  record PublishDisclosure(
      @NotNull @Pattern(regexp = ID) String publicationId,
      @NotNull @Pattern(regexp = REGION) String village,
      @NotNull @Pattern(regexp = CODE) String catalogueId,
      @NotNull @Pattern(regexp = CODE) String itemCode,
      @NotNull @Pattern(regexp = DISCLOSURE_PERIOD) String period,
      @NotBlank @Size(max = 200) String title,
      @NotNull @Pattern(regexp = SHA256) String contentSha256) {}

  @Schema(description = "质询 — a villager's objection; personal data goes to private data only")
  record FileObjection(
      @NotNull @Pattern(regexp = ID) String objectionId,
      @NotBlank @Size(max = 1000) String question,
      @NotNull @Valid Objector objector) {

    /** What the contract's public argument holds (the publication id comes from the URL). */
    Public withoutObjector(String publicationId) {
      return new Public(objectionId, publicationId, question);
    }

    record Public(String objectionId, String publicationId, String question) {}
  }

  @Schema(description = "质询人个人信息 — private data, never in public state")
  record Objector(
      @NotBlank @Size(max = 50) String name,
      @NotBlank @Pattern(regexp = "1[3-9][0-9]{9}") String phone,
      @NotBlank @Pattern(regexp = "[0-9]{17}[0-9X]") String idNumber) {}

  @Schema(description = "答复质询")
  record AnswerObjection(
      @NotBlank @Size(max = 2000) String answer, @Pattern(regexp = SHA256) String documentSha256) {}
}
