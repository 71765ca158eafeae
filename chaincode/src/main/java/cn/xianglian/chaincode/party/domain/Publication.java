package cn.xianglian.chaincode.party.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import java.time.OffsetDateTime;

/**
 * A 党务公开 item of an organisation: its content by SHA-256, scoped 党内 (members of the organisation
 * and below) or 党外 (everyone). Submitted as PENDING, then approved (PUBLISHED) or rejected by the
 * upper organisation; immutable once reviewed.
 */
public record Publication(
    String publicationId,
    String orgId,
    RegionCode region,
    Scope scope,
    Category category,
    String title,
    String contentSha256,
    Status status,
    String submittedBy,
    String submitTxId,
    OffsetDateTime submittedAt,
    String reviewedBy,
    String reviewTxId,
    OffsetDateTime reviewedAt,
    String reason) {

  /** Who may read a published item. */
  public enum Scope {
    /** 党内公开: members of the organisation and of the organisations below it. */
    INNER,
    /** 党外公开: the public. */
    PUBLIC
  }

  /** What an item is about, and the scopes each category allows. */
  public enum Category {
    /** 组织设置与换届. */
    ORGANISATION(true, true),
    /** 三会一课 and 主题党日. */
    MEETINGS(true, true),
    /** 党费收缴、使用和管理. */
    DUES(true, true),
    /** 发展党员公示 (发展对象, 预备党员转正): announced to the public. */
    DEVELOPMENT(false, true),
    /** 民主评议 results of individual members: inside the party only. */
    EVALUATION(true, false),
    /** 其他. */
    OTHER(true, true);

    private final boolean inner;
    private final boolean open;

    Category(boolean inner, boolean open) {
      this.inner = inner;
      this.open = open;
    }

    public boolean allows(Scope scope) {
      return scope == Scope.INNER ? inner : open;
    }
  }

  /** The review states. */
  public enum Status {
    PENDING,
    PUBLISHED,
    REJECTED
  }

  public boolean isPublished() {
    return status == Status.PUBLISHED;
  }

  /** This item as reviewed. */
  public Publication reviewed(Status next, String by, String txId, OffsetDateTime at, String why) {
    return new Publication(
        publicationId,
        orgId,
        region,
        scope,
        category,
        title,
        contentSha256,
        next,
        submittedBy,
        submitTxId,
        submittedAt,
        by,
        txId,
        at,
        why);
  }
}
