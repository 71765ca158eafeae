package cn.xianglian.chaincode.party.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A party organisation bound to a 12-digit 行政区划 code, with its parent ({@code null} for a top-level
 * 党委 registered by the county).
 */
public record Organisation(
    String orgId,
    Kind kind,
    String name,
    RegionCode region,
    String parentId,
    LocalDate establishedOn,
    String registeredBy,
    String txId,
    OffsetDateTime registeredAt) {

  /** The kinds of organisation and which kinds they may hold directly. */
  public enum Kind {
    /** 党委 (县委, 乡镇党委, 基层党委): may hold 党委, 党总支 and 党支部. */
    COMMITTEE,
    /** 党总支: may hold 党支部. */
    GENERAL_BRANCH,
    /** 党支部: holds members, holds no organisation. */
    BRANCH;

    public boolean mayHold(Kind child) {
      return switch (this) {
        case COMMITTEE -> true;
        case GENERAL_BRANCH -> child == BRANCH;
        case BRANCH -> false;
      };
    }
  }
}
