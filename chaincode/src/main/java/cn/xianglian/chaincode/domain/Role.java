package cn.xianglian.chaincode.domain;

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
