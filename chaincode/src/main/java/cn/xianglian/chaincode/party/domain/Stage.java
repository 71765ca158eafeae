package cn.xianglian.chaincode.party.domain;

/** The stages of the 发展党员 pipeline, in order; a member advances one stage at a time. */
public enum Stage {
  /** 入党申请人. */
  APPLICANT,
  /** 入党积极分子. */
  ACTIVIST,
  /** 发展对象. */
  CANDIDATE,
  /** 预备党员: pays dues, attends meetings, is evaluated. */
  PROBATIONARY,
  /** 正式党员. */
  FULL;

  /** True for 预备党员 and 正式党员: the stages that belong to the party. */
  public boolean isMember() {
    return this == PROBATIONARY || this == FULL;
  }

  /** The stage before this one, or null for the first. */
  public Stage previous() {
    return ordinal() == 0 ? null : values()[ordinal() - 1];
  }
}
