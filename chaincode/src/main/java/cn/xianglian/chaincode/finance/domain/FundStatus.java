package cn.xianglian.chaincode.finance.domain;

import java.util.List;

/**
 * A fund account today: its book balance from posted vouchers (traceable to them) and its
 * reconciliations (对账记录) in date order.
 */
public record FundStatus(
    FundAccount fund, FundBalance balance, List<FundReconciliation> reconciliations) {

  public FundStatus {
    reconciliations = List.copyOf(reconciliations);
  }
}
