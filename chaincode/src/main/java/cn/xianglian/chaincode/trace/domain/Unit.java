package cn.xianglian.chaincode.trace.domain;

/** UN/ECE Recommendation 20 unit codes the trace contract accepts. */
public enum Unit {
  /** kilogram */
  KGM,
  /** gram */
  GRM,
  /** tonne */
  TNE,
  /** piece (e.g. live animals, boxes) */
  H87,
  /** litre */
  LTR
}
