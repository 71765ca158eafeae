package cn.xianglian.chaincode.trace.domain;

/** EPCIS event action. */
public enum EventAction {
  ADD,
  OBSERVE,
  DELETE
}
