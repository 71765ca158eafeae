package cn.xianglian.chaincode.grid.domain;

/** Where an event stands in the closed loop (docs/contract-grid.md, "States"). */
public enum GridStatus {
  /** 已上报: reported by a grid worker, villager or consumer; waits for acceptance. */
  REPORTED,
  /** 已受理 (立案): accepted by the village or township; waits for dispatch. */
  ACCEPTED,
  /** 已派遣: dispatched to a department by the rules; waits for the department to claim it. */
  DISPATCHED,
  /** 已签收: claimed by the department; being handled. */
  CLAIMED,
  /** 已处置: handled, evidence recorded; waits for on-site verification. */
  HANDLED,
  /** 已核查: verification passed; waits for closing. */
  VERIFIED,
  /** 已结案: closed; the reporter may rate it. */
  CLOSED,
  /** 已评价: rated by the reporter (final). */
  RATED,
  /** 不予受理: rejected at acceptance (final). */
  REJECTED;

  /** True for states with no further transition but rating. */
  public boolean isFinished() {
    return this == CLOSED || this == RATED || this == REJECTED;
  }

  /** True once the department has handled the event (处置 reached, whatever came after). */
  public boolean isHandled() {
    return this == HANDLED || this == VERIFIED || this == CLOSED || this == RATED;
  }

  /** True once the event is closed (结案), rated or not. */
  public boolean isClosed() {
    return this == CLOSED || this == RATED;
  }
}
