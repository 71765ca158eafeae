package cn.xianglian.chaincode.party.domain;

import static cn.xianglian.chaincode.domain.ErrorCode.ACCESS_DENIED;
import static cn.xianglian.chaincode.domain.ErrorCode.ALREADY_EXISTS;
import static cn.xianglian.chaincode.domain.ErrorCode.INVALID_STATE;
import static cn.xianglian.chaincode.domain.ErrorCode.PARTY_MEMBER_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.PARTY_ORG_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.PARTY_RULES_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.PUBLICATION_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.PUBLICATION_SCOPE_INVALID;
import static cn.xianglian.chaincode.domain.ErrorCode.REGION_OUT_OF_SCOPE;

import cn.xianglian.chaincode.domain.Actor;
import cn.xianglian.chaincode.domain.RegionCode;
import cn.xianglian.chaincode.domain.Require;
import cn.xianglian.chaincode.domain.Role;
import cn.xianglian.chaincode.domain.Tx;
import cn.xianglian.chaincode.domain.XlException;
import cn.xianglian.chaincode.party.domain.PartyCommands.AdvanceMember;
import cn.xianglian.chaincode.party.domain.PartyCommands.AwardPoints;
import cn.xianglian.chaincode.party.domain.PartyCommands.DefineRules;
import cn.xianglian.chaincode.party.domain.PartyCommands.PayDues;
import cn.xianglian.chaincode.party.domain.PartyCommands.RecordEvaluation;
import cn.xianglian.chaincode.party.domain.PartyCommands.RecordMeeting;
import cn.xianglian.chaincode.party.domain.PartyCommands.RegisterMember;
import cn.xianglian.chaincode.party.domain.PartyCommands.RegisterOrganisation;
import cn.xianglian.chaincode.party.domain.PartyCommands.ReviewPublication;
import cn.xianglian.chaincode.party.domain.PartyCommands.SubmitPublication;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The decisions of the party domain. Each takes the parsed command, the caller and the state the
 * contract loaded, checks in the order of the error catalogue and returns what to write; it never
 * writes.
 */
public final class PartyDecisions {

  private PartyDecisions() {}

  /** A state change, or the unchanged record when the same caller retries a done transition. */
  public record Changed<T>(T record, boolean written) {}

  // ---- rules ---------------------------------------------------------------------------------

  /** The next version of the county's party rules; only the county (组织部) defines them. */
  public static PartyRules defineRules(
      DefineRules cmd, Actor actor, Optional<PartyRules> latest, boolean taken, Tx tx) {
    actor.requireRole(Role.COUNTY);
    actor.requireInScope(cmd.county());
    XlException.check(
        !taken, ALREADY_EXISTS, "rules " + cmd.county() + " v" + cmd.version() + " exist");
    int next = latest.map(PartyRules::version).orElse(0) + 1;
    XlException.check(
        cmd.version() == next, INVALID_STATE, "next version is " + next + ", not " + cmd.version());
    XlException.check(
        latest.isEmpty() || !cmd.effectiveFrom().isBefore(latest.get().effectiveFrom()),
        INVALID_STATE,
        "a new version cannot take effect before the previous one");
    return new PartyRules(
        cmd.county(),
        cmd.version(),
        cmd.effectiveFrom(),
        cmd.meetings(),
        cmd.duesBrackets(),
        cmd.flatDues(),
        cmd.stages(),
        cmd.points(),
        actor.party(),
        tx.txId(),
        tx.time());
  }

  // ---- organisations and members --------------------------------------------------------------

  /**
   * An organisation: a top-level 党委 by the county; any other by the county or by a {@code
   * PARTY_ORG} acting for its parent. The parent must be able to hold the kind, and the region must
   * lie within the parent's.
   */
  public static Organisation registerOrganisation(
      RegisterOrganisation cmd, Actor actor, Optional<OrgChain> parent, boolean taken, Tx tx) {
    requireNotFuture("establishedOn", cmd.establishedOn(), tx);
    actor.requireRole(Role.COUNTY, Role.PARTY_ORG);
    actor.requireInScope(cmd.region());
    OrgChain parentChain = null;
    if (cmd.parentId() == null) {
      XlException.check(
          actor.role() == Role.COUNTY, ACCESS_DENIED, "only the county registers a top-level 党委");
      XlException.check(
          cmd.kind() == Organisation.Kind.COMMITTEE,
          INVALID_STATE,
          "a top-level organisation is a 党委");
    } else {
      parentChain =
          parent.orElseThrow(
              () -> new XlException(PARTY_ORG_NOT_FOUND, "no organisation " + cmd.parentId()));
      if (actor.role() == Role.PARTY_ORG) {
        parentChain.requireActor(actor);
      }
    }
    XlException.check(!taken, ALREADY_EXISTS, "organisation " + cmd.orgId() + " exists");
    if (parentChain != null) {
      Organisation up = parentChain.self();
      XlException.check(
          cmd.region().isWithin(up.region().scope()),
          REGION_OUT_OF_SCOPE,
          "region " + cmd.region() + " is outside the parent's " + up.region());
      XlException.check(
          up.kind().mayHold(cmd.kind()),
          INVALID_STATE,
          "a " + up.kind() + " cannot hold a " + cmd.kind());
      XlException.check(
          parentChain.organisations().size() < OrgChain.MAX_DEPTH,
          INVALID_STATE,
          "organisations nest at most " + OrgChain.MAX_DEPTH + " deep");
    }
    return new Organisation(
        cmd.orgId(),
        cmd.kind(),
        cmd.name(),
        cmd.region(),
        cmd.parentId(),
        cmd.establishedOn(),
        actor.party(),
        tx.txId(),
        tx.time());
  }

  /** A member of a 党支部 at {@code stage} since {@code since}, identified by a salted hash. */
  public static Member registerMember(
      RegisterMember cmd,
      Actor actor,
      Optional<OrgChain> org,
      String personalSha256,
      boolean taken,
      Tx tx) {
    requireNotFuture("since", cmd.since(), tx);
    Require.optionalSha256("personalSha256", personalSha256);
    actor.requireRole(Role.PARTY_ORG);
    OrgChain chain = requireOrg(org, cmd.orgId());
    chain.requireActor(actor);
    XlException.check(!taken, ALREADY_EXISTS, "member " + cmd.memberId() + " exists");
    XlException.check(
        chain.self().kind() == Organisation.Kind.BRANCH,
        INVALID_STATE,
        "members belong to a 党支部, not a " + chain.self().kind());
    Member.StageEntry entry =
        new Member.StageEntry(cmd.stage(), cmd.since(), List.of(), null, actor.party(), tx.txId());
    return new Member(
        cmd.memberId(),
        cmd.orgId(),
        chain.self().region(),
        personalSha256,
        cmd.stage(),
        List.of(entry),
        actor.party(),
        tx.txId(),
        tx.time());
  }

  /**
   * The next 发展党员 step. 接收预备党员 and 转正 are approved by an upper 党委: the caller must act for a 党委
   * above the member's 党支部. Skipped stages, steps too early and steps after 正式党员 fail.
   */
  public static Changed<Member> advanceMember(
      AdvanceMember cmd,
      Actor actor,
      Optional<Member> found,
      Optional<OrgChain> org,
      Optional<PartyRules> rules,
      Map<String, Optional<Member>> sponsors,
      Tx tx) {
    requireNotFuture("date", cmd.date(), tx);
    actor.requireRole(Role.PARTY_ORG);
    Member member = requireMember(found, cmd.memberId());
    OrgChain chain = requireOrg(org, member.orgId());
    chain.requireActor(actor);
    boolean approval = cmd.stage() == Stage.PROBATIONARY || cmd.stage() == Stage.FULL;
    XlException.check(
        !approval || chain.hasCommitteeAncestor(actor.partyId()),
        ACCESS_DENIED,
        cmd.stage() + " is approved by a 党委 above the 党支部");
    Member.StageEntry entry =
        new Member.StageEntry(
            cmd.stage(), cmd.date(), cmd.sponsors(), cmd.minutesSha256(), actor.party(), tx.txId());
    boolean retry =
        member.stages().stream()
            .anyMatch(
                done ->
                    done.stage() == entry.stage()
                        && done.date().equals(entry.date())
                        && done.sponsors().equals(entry.sponsors())
                        && java.util.Objects.equals(done.minutesSha256(), entry.minutesSha256())
                        && done.recordedBy().equals(entry.recordedBy()));
    if (retry) {
      return new Changed<>(member, false);
    }
    PartyRules inForce =
        rules.orElseThrow(
            () -> new XlException(PARTY_RULES_NOT_FOUND, "no party rules on " + cmd.date()));
    for (String sponsorId : cmd.sponsors()) {
      Member sponsor =
          sponsors
              .getOrDefault(sponsorId, Optional.empty())
              .orElseThrow(
                  () -> new XlException(PARTY_MEMBER_NOT_FOUND, "no sponsor " + sponsorId));
      XlException.check(
          sponsor.stage() == Stage.FULL, INVALID_STATE, "sponsor " + sponsorId + " is not a 正式党员");
    }
    Pipeline.requireNext(member, cmd.stage(), cmd.date(), inForce);
    return new Changed<>(member.advancedTo(entry), true);
  }

  // ---- meetings --------------------------------------------------------------------------------

  /** A 三会一课 / 主题党日 record; every listed member belongs to the organisation. */
  public static Meeting recordMeeting(
      RecordMeeting cmd,
      Actor actor,
      Optional<OrgChain> org,
      List<Member> orgMembers,
      boolean taken,
      Tx tx) {
    requireNotFuture("date", cmd.date(), tx);
    actor.requireRole(Role.PARTY_ORG);
    OrgChain chain = requireOrg(org, cmd.orgId());
    chain.requireActor(actor);
    XlException.check(!taken, ALREADY_EXISTS, "meeting " + cmd.meetingId() + " exists");
    Require.argument(
        !cmd.date().isBefore(chain.self().establishedOn()),
        "date is before the organisation was established");
    Map<String, Member> members =
        orgMembers.stream().collect(Collectors.toMap(Member::memberId, Function.identity()));
    for (Meeting.Attendance entry : cmd.attendance()) {
      XlException.check(
          members.containsKey(entry.memberId()),
          PARTY_MEMBER_NOT_FOUND,
          "member " + entry.memberId() + " is not in " + cmd.orgId());
    }
    int present = (int) cmd.attendance().stream().filter(Meeting.Attendance::present).count();
    return new Meeting(
        cmd.meetingId(),
        cmd.orgId(),
        cmd.type(),
        cmd.date(),
        cmd.topic(),
        cmd.minutesSha256(),
        cmd.attendance(),
        present,
        cmd.attendance().size() - present,
        actor.party(),
        tx.txId(),
        tx.time());
  }

  // ---- dues, evaluation, points ---------------------------------------------------------------

  /** One month's dues, of the amount the rules in force in that month ask. */
  public static Dues payDues(
      PayDues cmd,
      Actor actor,
      Optional<Member> found,
      Optional<OrgChain> org,
      Optional<PartyRules> rules,
      boolean taken,
      Tx tx) {
    requireNotFuture("paidOn", cmd.paidOn(), tx);
    actor.requireRole(Role.PARTY_ORG);
    Member member = requireMember(found, cmd.memberId());
    requireOrg(org, member.orgId()).requireActor(actor);
    XlException.check(
        !taken, ALREADY_EXISTS, "dues of " + cmd.memberId() + " for " + cmd.month() + " exist");
    YearMonth month = PartyCommands.month("month", cmd.month());
    PartyRules inForce =
        rules.orElseThrow(
            () -> new XlException(PARTY_RULES_NOT_FOUND, "no party rules in " + cmd.month()));
    DuesLedger.requireAmount(inForce, cmd.category(), cmd.baseFen(), cmd.amountFen());
    XlException.check(
        member.stage().isMember() && !month.isBefore(member.duesFrom().orElseThrow()),
        INVALID_STATE,
        "member " + member.memberId() + " owes no dues for " + month);
    return new Dues(
        member.memberId(),
        member.orgId(),
        cmd.month(),
        cmd.category(),
        cmd.baseFen(),
        cmd.amountFen(),
        cmd.paidOn(),
        !cmd.paidOn().isAfter(month.atEndOfMonth()),
        inForce.version(),
        actor.party(),
        tx.txId(),
        tx.time());
  }

  /** A member's 民主评议 grade for a year (预备党员 and 正式党员 only). */
  public static Evaluation recordEvaluation(
      RecordEvaluation cmd,
      Actor actor,
      Optional<Member> found,
      Optional<OrgChain> org,
      boolean taken,
      Tx tx) {
    requireNotFuture("evaluatedOn", cmd.evaluatedOn(), tx);
    actor.requireRole(Role.PARTY_ORG);
    Member member = requireMember(found, cmd.memberId());
    requireOrg(org, member.orgId()).requireActor(actor);
    XlException.check(
        !taken,
        ALREADY_EXISTS,
        "evaluation of " + cmd.memberId() + " for " + cmd.year() + " exists");
    XlException.check(
        member.stage().isMember(),
        INVALID_STATE,
        "member " + member.memberId() + " is " + member.stage() + ", not a party member");
    return new Evaluation(
        member.memberId(),
        member.orgId(),
        cmd.year(),
        cmd.grade(),
        cmd.evaluatedOn(),
        cmd.minutesSha256(),
        actor.party(),
        tx.txId(),
        tx.time());
  }

  /** Points under an award rule of the rules in force on the award's date. */
  public static Award awardPoints(
      AwardPoints cmd,
      Actor actor,
      Optional<Member> found,
      Optional<OrgChain> org,
      Optional<PartyRules> rules,
      boolean taken,
      Tx tx) {
    requireNotFuture("date", cmd.date(), tx);
    actor.requireRole(Role.PARTY_ORG);
    Member member = requireMember(found, cmd.memberId());
    requireOrg(org, member.orgId()).requireActor(actor);
    XlException.check(!taken, ALREADY_EXISTS, "award " + cmd.awardId() + " exists");
    PartyRules inForce =
        rules.orElseThrow(
            () -> new XlException(PARTY_RULES_NOT_FOUND, "no party rules on " + cmd.date()));
    PartyRules.PointRule rule =
        inForce
            .pointRule(cmd.code())
            .orElseThrow(
                () ->
                    new XlException(
                        cn.xianglian.chaincode.domain.ErrorCode.INVALID_ARGUMENT,
                        "rules v" + inForce.version() + " have no point rule " + cmd.code()));
    return new Award(
        cmd.awardId(),
        member.memberId(),
        member.orgId(),
        rule.code(),
        rule.points(),
        cmd.date(),
        cmd.note(),
        inForce.version(),
        actor.party(),
        tx.txId(),
        tx.time());
  }

  // ---- 党务公开 ---------------------------------------------------------------------------------

  /** A pending item of the caller's organisation, in a scope its category allows. */
  public static Publication submitPublication(
      SubmitPublication cmd, Actor actor, Optional<OrgChain> org, boolean taken, Tx tx) {
    actor.requireRole(Role.PARTY_ORG);
    OrgChain chain = requireOrg(org, cmd.orgId());
    chain.requireActor(actor);
    XlException.check(!taken, ALREADY_EXISTS, "publication " + cmd.publicationId() + " exists");
    XlException.check(
        cmd.category().allows(cmd.scope()),
        PUBLICATION_SCOPE_INVALID,
        cmd.category() + " items cannot be published " + cmd.scope());
    return new Publication(
        cmd.publicationId(),
        cmd.orgId(),
        chain.self().region(),
        cmd.scope(),
        cmd.category(),
        cmd.title(),
        cmd.contentSha256(),
        Publication.Status.PENDING,
        actor.party(),
        tx.txId(),
        tx.time(),
        null,
        null,
        null,
        null);
  }

  /**
   * The review by the upper organisation (a {@code PARTY_ORG} acting for an organisation above the
   * publisher; the county for a top-level 党委). A reviewed item never changes again.
   */
  public static Changed<Publication> reviewPublication(
      ReviewPublication cmd,
      Actor actor,
      Optional<Publication> found,
      Optional<OrgChain> org,
      Tx tx) {
    actor.requireRole(Role.PARTY_ORG, Role.COUNTY);
    Publication publication =
        found.orElseThrow(
            () -> new XlException(PUBLICATION_NOT_FOUND, "no publication " + cmd.publicationId()));
    OrgChain chain = requireOrg(org, publication.orgId());
    actor.requireInScope(publication.region());
    boolean upper =
        chain.isTopLevel()
            ? actor.role() == Role.COUNTY
            : actor.role() == Role.PARTY_ORG && chain.hasAncestor(actor.partyId());
    XlException.check(
        upper,
        ACCESS_DENIED,
        "only an organisation above " + publication.orgId() + " reviews its publications");
    Publication.Status next =
        cmd.approve() ? Publication.Status.PUBLISHED : Publication.Status.REJECTED;
    if (publication.status() == next
        && actor.party().equals(publication.reviewedBy())
        && java.util.Objects.equals(cmd.reason(), publication.reason())) {
      return new Changed<>(publication, false);
    }
    XlException.check(
        publication.status() == Publication.Status.PENDING,
        INVALID_STATE,
        "publication " + publication.publicationId() + " is " + publication.status());
    return new Changed<>(
        publication.reviewed(next, actor.party(), tx.txId(), tx.time(), cmd.reason()), true);
  }

  /**
   * Who reads an item: everyone a published 党外 item; the publisher and the organisations above it
   * every item; a published 党内 item also the members (预备 and 正式) and {@code PARTY_ORG} workers of
   * the publisher and of the organisations below it; the county the items of a top-level 党委.
   *
   * @param callerChain the chain of the caller's organisation ({@code PARTY_ORG}) or of the
   *     caller's 党支部 ({@code PARTY_MEMBER}), if any
   * @param callerIsMember whether the caller is a {@code PARTY_MEMBER} whose member record is a 预备
   *     or 正式党员
   */
  public static boolean canRead(
      Publication publication,
      OrgChain chain,
      Actor actor,
      Optional<OrgChain> callerChain,
      boolean callerIsMember) {
    if (publication.isPublished() && publication.scope() == Publication.Scope.PUBLIC) {
      return true;
    }
    boolean inScope = publication.region().isWithin(actor.region().scope());
    if (actor.role() == Role.PARTY_ORG && inScope && chain.contains(actor.partyId())) {
      return true;
    }
    if (actor.role() == Role.COUNTY && inScope && chain.isTopLevel()) {
      return true;
    }
    boolean inside =
        callerChain.map(c -> c.contains(publication.orgId())).orElse(false)
            && (actor.role() == Role.PARTY_ORG
                || (actor.role() == Role.PARTY_MEMBER && callerIsMember));
    return publication.isPublished() && inside;
  }

  // ---- helpers ---------------------------------------------------------------------------------

  static OrgChain requireOrg(Optional<OrgChain> org, String orgId) {
    return org.orElseThrow(() -> new XlException(PARTY_ORG_NOT_FOUND, "no organisation " + orgId));
  }

  static Member requireMember(Optional<Member> member, String memberId) {
    return member.orElseThrow(
        () -> new XlException(PARTY_MEMBER_NOT_FOUND, "no member " + memberId));
  }

  static void requireNotFuture(String field, LocalDate date, Tx tx) {
    Require.argument(!date.isAfter(tx.time().toLocalDate()), field + " is in the future");
  }

  /** The county of a region (its first six digits, the rest zero). */
  public static RegionCode countyOf(RegionCode region) {
    return RegionCode.of(region.county6() + "000000");
  }
}
