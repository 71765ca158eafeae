package cn.xianglian.chaincode.trace.domain;

/** Life-cycle status of a batch. */
public enum BatchStatus {
  ACTIVE,
  IN_TRANSIT,
  CONSUMED,
  RECALLED
}
