package cn.xianglian.chaincode.finance.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A month close (月结) of one village: the period and everything before it are locked. Periods close
 * in order. {@code balances} are the closing balances (debit-positive, 分) of every leaf account
 * with entries so far: the opening snapshot later trial balances start from, so they read only the
 * vouchers posted after the close.
 */
public record PeriodClose(
    RegionCode village,
    String period,
    int postedVouchers,
    long debitFen,
    List<Balance> balances,
    String closedBy,
    String txId,
    OffsetDateTime closedAt) {

  public PeriodClose {
    balances = balances == null ? List.of() : List.copyOf(balances);
  }

  /** The closing balance of one leaf account. */
  public record Balance(String account, long closingFen) {}

  /** True when {@code period} is this close's period or earlier. */
  public boolean locks(String period) {
    return period.compareTo(this.period) <= 0;
  }
}
