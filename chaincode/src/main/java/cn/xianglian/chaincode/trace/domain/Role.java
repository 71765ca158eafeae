package cn.xianglian.chaincode.trace.domain;

/** Roles a caller's certificate attribute {@code xl.role} names. */
public enum Role {
  PRODUCER,
  REGULATOR,
  AUDITOR,
  VILLAGE,
  TOWNSHIP,
  COUNTY,
  ADMIN
}
