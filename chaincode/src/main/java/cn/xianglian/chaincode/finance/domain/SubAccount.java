package cn.xianglian.chaincode.finance.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import java.time.OffsetDateTime;

/**
 * A village's own 明细科目 below a chart account (or below another of its sub-accounts): its code is
 * the parent's plus two digits; class and side are the parent's.
 */
public record SubAccount(
    RegionCode village,
    String code,
    String name,
    String parentCode,
    AccountClass accountClass,
    Side side,
    String definedBy,
    String txId,
    OffsetDateTime definedAt) {

  public Account asAccount() {
    return new Account(code, name, accountClass, side);
  }
}
