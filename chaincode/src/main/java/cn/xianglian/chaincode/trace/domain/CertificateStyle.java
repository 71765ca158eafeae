package cn.xianglian.chaincode.trace.domain;

/** Who issues a 承诺达标合格证: the producer itself or a collector (收购者). */
public enum CertificateStyle {
  PRODUCER,
  COLLECTOR
}
