package cn.xianglian.chaincode.trace.domain;

/** What an owner did with recalled produce. */
public enum RecallAction {
  DESTROYED,
  RETURNED,
  REPROCESSED,
  HELD
}
