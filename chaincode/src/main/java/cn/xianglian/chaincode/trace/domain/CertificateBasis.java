package cn.xianglian.chaincode.trace.domain;

/** What a certificate's promise rests on (质量控制, 自检, 委托检测). */
public enum CertificateBasis {
  QUALITY_CONTROL,
  SELF_TEST,
  ENTRUSTED_TEST
}
