package cn.xianglian.chaincode.trace.domain;

/** Recall levels (一级 most severe). */
public enum RecallLevel {
  I,
  II,
  III
}
