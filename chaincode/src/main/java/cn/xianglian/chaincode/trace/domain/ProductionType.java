package cn.xianglian.chaincode.trace.domain;

/** How a batch came about. */
public enum ProductionType {
  PLANTING,
  BREEDING,
  PROCESSING
}
