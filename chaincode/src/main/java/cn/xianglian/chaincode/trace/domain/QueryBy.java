package cn.xianglian.chaincode.trace.domain;

/** Secondary indexes of batches. */
public enum QueryBy {
  PRODUCER,
  PRODUCT,
  REGION,
  DAY
}
