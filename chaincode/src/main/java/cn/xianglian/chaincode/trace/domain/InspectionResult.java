package cn.xianglian.chaincode.trace.domain;

/** Outcome of an inspection or one of its items. */
public enum InspectionResult {
  PASS,
  FAIL
}
