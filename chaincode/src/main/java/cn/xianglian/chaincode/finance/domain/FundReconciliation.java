package cn.xianglian.chaincode.finance.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A reconciliation (对账) of a fund account on a day: the balance the bank statement or the cash
 * count shows, the book balance computed from posted vouchers dated up to that day, and the
 * difference (statement − book). {@code fromClose} names the month close whose snapshot the book
 * balance started from (null: every posted voucher was read); {@code voucherIds} are the posted
 * vouchers after it that moved the account, so the book figure can be traced.
 */
public record FundReconciliation(
    String reconciliationId,
    String fundAccountId,
    RegionCode village,
    String account,
    LocalDate asOf,
    long statementFen,
    long bookFen,
    long differenceFen,
    boolean matched,
    String fromClose,
    java.util.List<String> voucherIds,
    String recordedBy,
    String txId,
    OffsetDateTime recordedAt) {

  public FundReconciliation {
    voucherIds = java.util.List.copyOf(voucherIds);
  }
}
