package cn.xianglian.chaincode.finance.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A villager's objection (质询) to a publication. The villager appears only as a salted SHA-256 of
 * their personal data (kept in the private collection); the village answers by {@code dueOn}.
 */
public record Objection(
    String objectionId,
    String publicationId,
    RegionCode village,
    String question,
    String objectorHash,
    String txId,
    OffsetDateTime filedAt,
    LocalDate dueOn,
    Status status,
    Answer answer) {

  /** OPEN until the village answers. */
  public enum Status {
    OPEN,
    ANSWERED
  }

  /** The village's answer; {@code late} when given after the due date. */
  public record Answer(
      String text,
      String documentSha256,
      String answeredBy,
      String txId,
      OffsetDateTime answeredAt,
      boolean late) {}
}
