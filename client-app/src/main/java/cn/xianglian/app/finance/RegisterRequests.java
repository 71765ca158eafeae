package cn.xianglian.app.finance;

import static cn.xianglian.app.finance.FinanceRequests.ACCOUNT;
import static cn.xianglian.app.finance.FinanceRequests.DATE;
import static cn.xianglian.app.finance.FinanceRequests.ID;
import static cn.xianglian.app.finance.FinanceRequests.REGION;
import static cn.xianglian.app.finance.FinanceRequests.SHA256;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The request bodies of the finance registers: contracts, assets, resources, funds and shareholding
 * co-operatives. Field names are the contract's; ids the URL carries are added by the controller;
 * money is an integer number of 分.
 */
final class RegisterRequests {

  /** A year {@code yyyy}. */
  static final String YEAR = "(19|20)[0-9]{2}";

  private RegisterRequests() {}

  @Schema(description = "合同 — a contract of the village with its payment schedule")
  record RegisterContract(
      @NotNull @Pattern(regexp = ID) String contractId,
      @NotNull @Pattern(regexp = REGION) String village,
      @NotNull @Pattern(regexp = "INCOME|EXPENSE") String direction,
      @NotBlank @Size(max = 100) String counterparty,
      @NotBlank @Size(max = 200) String subject,
      @NotNull @Pattern(regexp = DATE) String startDate,
      @NotNull @Pattern(regexp = DATE) String endDate,
      @Positive long amountFen,
      @NotNull @Size(min = 1, max = 120) List<@Valid @NotNull Installment> schedule,
      @NotNull @Pattern(regexp = SHA256) String documentSha256,
      @Pattern(regexp = ID) String decisionId) {}

  @Schema(description = "付款计划 — one installment")
  record Installment(@NotNull @Pattern(regexp = DATE) String dueOn, @Positive long amountFen) {}

  @Schema(description = "资产 — a fixed asset of the collective")
  record RegisterAsset(
      @NotNull @Pattern(regexp = ID) String assetId,
      @NotNull @Pattern(regexp = REGION) String village,
      @NotBlank @Size(max = 40) String category,
      @NotBlank @Size(max = 100) String name,
      @NotBlank @Size(max = 100) String location,
      @NotNull @Pattern(regexp = DATE) String acquiredOn,
      @Positive long costFen,
      @Min(0) @Max(1200) int usefulLifeMonths,
      @PositiveOrZero long residualFen) {}

  @Schema(description = "资产处置 — disposal of an asset")
  record DisposeAsset(
      @NotNull @Pattern(regexp = DATE) String disposedOn,
      @NotBlank @Size(max = 200) String reason) {}

  @Schema(description = "资源 — land, forest, water area of the collective")
  record RegisterResource(
      @NotNull @Pattern(regexp = ID) String resourceId,
      @NotNull @Pattern(regexp = REGION) String village,
      @NotNull @Pattern(regexp = "LAND|FOREST|WATER|OTHER") String kind,
      @NotBlank @Size(max = 100) String name,
      @NotBlank @Size(max = 100) String location,
      @Positive long areaSqm,
      @Pattern(regexp = ID) String contractId) {}

  @Schema(description = "资金账户 — a bank account (below 102) or the cash box (below 101)")
  record RegisterFundAccount(
      @NotNull @Pattern(regexp = ID) String fundAccountId,
      @NotNull @Pattern(regexp = REGION) String village,
      @NotNull @Pattern(regexp = "BANK|CASH") String kind,
      @NotNull @Pattern(regexp = ACCOUNT) String account,
      @NotBlank @Size(max = 100) String name,
      @Size(max = 100) String bankName,
      @Pattern(regexp = "[0-9]{4}") @Schema(description = "last four digits only")
          String accountNoLast4,
      @NotNull @Pattern(regexp = DATE) String openedOn) {}

  @Schema(description = "对账 — a statement balance or cash count on a day, in 分")
  record ReconcileFund(
      @NotNull @Pattern(regexp = ID) String reconciliationId,
      @NotNull @Pattern(regexp = DATE) String asOf,
      @PositiveOrZero long statementFen) {}

  @Schema(description = "股份经济合作社")
  record RegisterCooperative(
      @NotNull @Pattern(regexp = ID) String cooperativeId,
      @NotNull @Pattern(regexp = REGION) String village,
      @NotBlank @Size(max = 100) String name,
      @NotNull @Pattern(regexp = DATE) String foundedOn) {}

  @Schema(description = "成员 — shares public, personal data to private data only")
  record RegisterMember(
      @NotNull @Pattern(regexp = ID) String memberId,
      @Min(1) @Max(1_000_000) long shares,
      @NotNull @Pattern(regexp = DATE) String joinedOn,
      @NotNull @Valid FinanceRequests.Objector person) {

    /** The contract's public argument (the co-operative id comes from the URL). */
    Public withoutPerson(String cooperativeId) {
      return new Public(cooperativeId, memberId, shares, joinedOn);
    }

    record Public(String cooperativeId, String memberId, long shares, String joinedOn) {}
  }

  @Schema(description = "分红 — a year's dividend booked by a posted voucher (借 322 / 贷 211)")
  record DistributeDividend(
      @NotNull @Pattern(regexp = ID) String distributionId,
      @NotNull @Pattern(regexp = YEAR) String year,
      @Positive long totalFen,
      @NotNull @Pattern(regexp = ID) String voucherId) {}
}
