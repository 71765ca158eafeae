package cn.xianglian.chaincode.trace.domain;

/** Kinds of producer (家庭农场, 合作社, 企业). */
public enum ProducerType {
  FAMILY_FARM,
  COOPERATIVE,
  ENTERPRISE
}
