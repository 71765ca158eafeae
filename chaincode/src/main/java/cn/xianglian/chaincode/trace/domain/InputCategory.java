package cn.xianglian.chaincode.trace.domain;

/** Agricultural inputs (投入品). */
public enum InputCategory {
  PESTICIDE,
  VET_DRUG,
  FERTILIZER,
  FEED
}
