package cn.xianglian.chaincode.grid.domain;

/** The transitions of an event, one per transaction of the {@code grid} contract. */
public enum StepAction {
  /** 上报. */
  REPORT,
  /** 受理. */
  ACCEPT,
  /** 不予受理. */
  REJECT,
  /** 派遣. */
  DISPATCH,
  /** 退回 (the department sends a dispatch back for re-dispatch). */
  RETURN,
  /** 签收. */
  CLAIM,
  /** 处置. */
  HANDLE,
  /** 核查 (passed → VERIFIED; failed → back to CLAIMED for rework). */
  VERIFY,
  /** 结案. */
  CLOSE,
  /** 评价. */
  RATE
}
