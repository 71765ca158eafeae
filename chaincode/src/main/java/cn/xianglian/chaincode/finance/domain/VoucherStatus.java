package cn.xianglian.chaincode.finance.domain;

/** draft → submitted → approved (township) → posted; a submitted voucher may be rejected. */
public enum VoucherStatus {
  DRAFT,
  SUBMITTED,
  APPROVED,
  POSTED,
  REJECTED
}
