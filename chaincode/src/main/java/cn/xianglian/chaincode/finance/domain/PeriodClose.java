package cn.xianglian.chaincode.finance.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import java.time.OffsetDateTime;

/**
 * A month close (月结) of one village: the period and everything before it are locked. Periods close
 * in order; {@code closedThrough} is the latest closed period.
 */
public record PeriodClose(
    RegionCode village,
    String period,
    int postedVouchers,
    long debitFen,
    String closedBy,
    String txId,
    OffsetDateTime closedAt) {

  /** True when {@code period} is this close's period or earlier. */
  public boolean locks(String period) {
    return period.compareTo(this.period) <= 0;
  }
}
