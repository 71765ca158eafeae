package cn.xianglian.chaincode.party.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One month's 党费 of a member, checked against the rules in force in that month: a percentage of the
 * monthly income base for salaried members, a fixed range for farmers, students and members without
 * income. {@code onTime} when paid by the end of the month it is for.
 */
public record Dues(
    String memberId,
    String orgId,
    String month,
    Category category,
    Long baseFen,
    long amountFen,
    LocalDate paidOn,
    boolean onTime,
    int rulesVersion,
    String recordedBy,
    String txId,
    OffsetDateTime recordedAt) {

  /** How a member's dues are reckoned (党费收缴使用管理规定). */
  public enum Category {
    /** 有工资收入: a rate of the after-tax monthly income by bracket. */
    SALARIED,
    /** 农民党员: a fixed amount within the county's range. */
    FARMER,
    /** 学生党员. */
    STUDENT,
    /** 下岗失业 / 无固定收入. */
    NO_INCOME
  }
}
