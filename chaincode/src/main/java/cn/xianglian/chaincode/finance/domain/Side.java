package cn.xianglian.chaincode.finance.domain;

/** The side of an entry, and an account's normal balance side (借 / 贷). */
public enum Side {
  DEBIT,
  CREDIT
}
