package cn.xianglian.chaincode.trace.domain;

import cn.xianglian.chaincode.domain.Coded;

/** GS1 CBV dispositions the trace contract uses. */
public enum Disposition implements Coded {
  ACTIVE("active"),
  IN_PROGRESS("in_progress"),
  IN_TRANSIT("in_transit"),
  CONFORMANT("conformant"),
  NON_CONFORMANT("non_conformant"),
  SELLABLE_ACCESSIBLE("sellable_accessible"),
  RETAIL_SOLD("retail_sold"),
  RETURNED("returned"),
  DAMAGED("damaged"),
  EXPIRED("expired"),
  CONSUMED("consumed"),
  RECALLED("recalled"),
  DESTROYED("destroyed");

  private final String code;

  Disposition(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  public static Disposition fromCode(String code) {
    return Coded.fromCode(Disposition.class, code);
  }
}
