package cn.xianglian.chaincode.trace.domain;

/** A certificate is valid until voided; it is never deleted. */
public enum CertificateStatus {
  VALID,
  VOID
}
