package cn.xianglian.chaincode.trace.domain;

/** Risk warning levels. */
public enum WarningLevel {
  LOW,
  MEDIUM,
  HIGH
}
