package cn.xianglian.chaincode.party.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The 民主评议党员 result of a member for a year; one per member and year. */
public record Evaluation(
    String memberId,
    String orgId,
    int year,
    Grade grade,
    LocalDate evaluatedOn,
    String minutesSha256,
    String recordedBy,
    String txId,
    OffsetDateTime recordedAt) {

  /** The four grades of 民主评议. */
  public enum Grade {
    /** 优秀. */
    EXCELLENT,
    /** 合格. */
    QUALIFIED,
    /** 基本合格. */
    BASICALLY_QUALIFIED,
    /** 不合格. */
    UNQUALIFIED
  }
}
