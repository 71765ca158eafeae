package cn.xianglian.chaincode.party.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A member of a 党支部 — from 入党申请人 on — as public state sees it: a pseudonymous id and the salted
 * hash of the person's name, phone and ID number (kept in the private data collection).
 *
 * @param stages every stage reached, in order, with its date
 */
public record Member(
    String memberId,
    String orgId,
    RegionCode region,
    String personalSha256,
    Stage stage,
    List<StageEntry> stages,
    String registeredBy,
    String txId,
    OffsetDateTime registeredAt) {

  public Member {
    stages = List.copyOf(stages);
  }

  /** One stage reached: its date, the 入党介绍人 (预备党员 only), the minutes' hash, who recorded it. */
  public record StageEntry(
      Stage stage,
      LocalDate date,
      List<String> sponsors,
      String minutesSha256,
      String recordedBy,
      String txId) {

    public StageEntry {
      sponsors = sponsors == null ? List.of() : List.copyOf(sponsors);
    }
  }

  /** The date the current stage was reached. */
  public LocalDate stageDate() {
    return stages.get(stages.size() - 1).date();
  }

  /** The first month a dues payment is owed: the month the member reached 预备党员 (or joined). */
  public Optional<YearMonth> duesFrom() {
    return stages.stream()
        .filter(entry -> entry.stage().isMember())
        .findFirst()
        .map(entry -> YearMonth.from(entry.date()));
  }

  /** This member with one more stage. */
  public Member advancedTo(StageEntry entry) {
    List<StageEntry> next = new ArrayList<>(stages);
    next.add(entry);
    return new Member(
        memberId,
        orgId,
        region,
        personalSha256,
        entry.stage(),
        next,
        registeredBy,
        txId,
        registeredAt);
  }
}
