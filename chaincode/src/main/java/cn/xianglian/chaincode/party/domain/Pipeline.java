package cn.xianglian.chaincode.party.domain;

import static cn.xianglian.chaincode.domain.ErrorCode.INTERVAL_NOT_MET;
import static cn.xianglian.chaincode.domain.ErrorCode.INVALID_STATE;
import static cn.xianglian.chaincode.domain.ErrorCode.STAGE_SKIPPED;

import cn.xianglian.chaincode.domain.XlException;
import java.time.LocalDate;

/** The order and intervals of the 发展党员 pipeline. */
public final class Pipeline {

  private Pipeline() {}

  /**
   * Checks that {@code member} may reach {@code next} on {@code date}: INVALID_STATE for a member
   * already there or beyond (正式党员 is final), STAGE_SKIPPED when a stage would be skipped,
   * INTERVAL_NOT_MET when {@code date} is earlier than the previous stage's date plus the rule's
   * least months.
   */
  public static void requireNext(Member member, Stage next, LocalDate date, PartyRules rules) {
    XlException.check(
        next.ordinal() > member.stage().ordinal(),
        INVALID_STATE,
        "member " + member.memberId() + " is already " + member.stage());
    XlException.check(
        next.ordinal() == member.stage().ordinal() + 1,
        STAGE_SKIPPED,
        member.stage()
            + " cannot skip to "
            + next
            + "; next is "
            + Stage.values()[member.stage().ordinal() + 1]);
    LocalDate earliest = earliest(member.stageDate(), next, rules);
    XlException.check(
        !date.isBefore(earliest),
        INTERVAL_NOT_MET,
        next
            + " needs "
            + rules.minMonthsBefore(next)
            + " months after "
            + member.stage()
            + " ("
            + member.stageDate()
            + "): not before "
            + earliest);
  }

  /** The earliest date {@code next} may be reached after the previous stage's date. */
  public static LocalDate earliest(LocalDate previousDate, Stage next, PartyRules rules) {
    return previousDate.plusMonths(rules.minMonthsBefore(next));
  }
}
