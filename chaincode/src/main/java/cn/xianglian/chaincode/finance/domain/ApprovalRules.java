package cn.xianglian.chaincode.finance.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A version of a county's approval rules: vouchers of at least {@code largeAmountFen} (大额资金) need
 * township approval and a recorded 四议两公开 decision covering the amount; below it they need township
 * approval only when {@code approvalForAll} (村财乡管). Without any rules in force, every voucher needs
 * township approval and none needs a decision.
 */
public record ApprovalRules(
    RegionCode county,
    int version,
    LocalDate effectiveFrom,
    long largeAmountFen,
    boolean approvalForAll,
    String definedBy,
    String txId,
    OffsetDateTime definedAt) {

  /** The rules when a county has defined none for a date. */
  public static ApprovalRules none(RegionCode county) {
    return new ApprovalRules(
        county, 0, LocalDate.of(1970, 1, 1), Long.MAX_VALUE, true, "", "", null);
  }

  public boolean isLarge(Voucher voucher) {
    return voucher.reverses() == null && voucher.magnitudeFen() >= largeAmountFen;
  }

  /** Reversals and large amounts always need the township; the rest when approvalForAll. */
  public boolean needsApproval(Voucher voucher) {
    return approvalForAll || voucher.reverses() != null || isLarge(voucher);
  }
}
