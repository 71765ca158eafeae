package cn.xianglian.chaincode.finance.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A fund account (资金账户) of the collective in the funds register: a bank account (银行存款) or the cash
 * box (库存现金), tied to one leaf account of the books below 102 or 101. Its balance is never stored:
 * it is computed from posted vouchers on that account, and reconciliations compare it with the bank
 * statement or the cash count. The bank account number is kept only as its last four digits.
 */
public record FundAccount(
    String fundAccountId,
    RegionCode village,
    Kind kind,
    String account,
    String name,
    String bankName,
    String accountNoLast4,
    LocalDate openedOn,
    String registeredBy,
    String txId,
    OffsetDateTime registeredAt) {

  /** 银行存款 (chart account 102 and below) or 库存现金 (101 and below). */
  public enum Kind {
    BANK("102"),
    CASH("101");

    private final String chartAccount;

    Kind(String chartAccount) {
      this.chartAccount = chartAccount;
    }

    /** The chart account the book account must be, or lie below. */
    public String chartAccount() {
      return chartAccount;
    }
  }
}
