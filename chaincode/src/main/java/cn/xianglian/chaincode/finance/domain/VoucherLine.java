package cn.xianglian.chaincode.finance.domain;

import cn.xianglian.chaincode.domain.Require;

/**
 * One entry (分录) of a voucher: an account and an amount in 分 on exactly one side. Amounts are
 * positive, except in a reversal (红字冲销), whose lines are the original's with negated amounts.
 * {@code contractId} names the contract (合同) a receipt or payment belongs to.
 */
public record VoucherLine(
    String account,
    long debitFen,
    long creditFen,
    String summary,
    String counterparty,
    String contractId) {

  public VoucherLine {
    Account.requireCode("line.account", account);
    Require.optionalText("line.summary", summary, 100);
    Require.optionalText("line.counterparty", counterparty, 100);
    Require.optionalId("line.contractId", contractId);
  }

  /** An entry without a contract reference. */
  public VoucherLine(
      String account, long debitFen, long creditFen, String summary, String counterparty) {
    this(account, debitFen, creditFen, summary, counterparty, null);
  }

  /** The same entry with negated amounts (red ink). */
  VoucherLine negated() {
    return new VoucherLine(
        account,
        Money.negate(debitFen),
        Money.negate(creditFen),
        summary,
        counterparty,
        contractId);
  }
}
