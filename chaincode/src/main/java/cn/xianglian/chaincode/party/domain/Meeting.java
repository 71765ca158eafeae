package cn.xianglian.chaincode.party.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A 三会一课 or 主题党日 record: type, date, topic, the minutes by SHA-256 (the file stays off the ledger)
 * and who was present or absent with a reason. Immutable once recorded.
 */
public record Meeting(
    String meetingId,
    String orgId,
    Type type,
    LocalDate date,
    String topic,
    String minutesSha256,
    List<Attendance> attendance,
    int presentCount,
    int absentCount,
    String recordedBy,
    String txId,
    OffsetDateTime recordedAt) {

  public Meeting {
    attendance = List.copyOf(attendance);
  }

  /** The kinds of meeting with a required frequency. */
  public enum Type {
    /** 支部党员大会. */
    BRANCH_ASSEMBLY,
    /** 支委会. */
    BRANCH_COMMITTEE,
    /** 党小组会. */
    GROUP_MEETING,
    /** 党课. */
    PARTY_LECTURE,
    /** 主题党日. */
    THEME_DAY
  }

  /** A member present, or absent with a reason (请假事由). */
  public record Attendance(String memberId, boolean present, String reason) {}

  /** The attendance entry of {@code memberId}, if listed. */
  public java.util.Optional<Attendance> of(String memberId) {
    return attendance.stream().filter(a -> a.memberId().equals(memberId)).findFirst();
  }
}
