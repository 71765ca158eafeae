package cn.xianglian.chaincode.party;

import static cn.xianglian.chaincode.common.ChaincodeErrors.guard;
import static cn.xianglian.chaincode.domain.ErrorCode.ACCESS_DENIED;
import static cn.xianglian.chaincode.domain.ErrorCode.INVALID_ARGUMENT;
import static cn.xianglian.chaincode.domain.ErrorCode.MEETING_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.PARTY_MEMBER_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.PARTY_ORG_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.PARTY_RULES_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.PUBLICATION_NOT_FOUND;

import cn.xianglian.chaincode.common.Caller;
import cn.xianglian.chaincode.common.CanonicalJson;
import cn.xianglian.chaincode.common.CommandLog.Replay;
import cn.xianglian.chaincode.common.Payloads;
import cn.xianglian.chaincode.common.SaltedPersonalData;
import cn.xianglian.chaincode.domain.Actor;
import cn.xianglian.chaincode.domain.RegionCode;
import cn.xianglian.chaincode.domain.Require;
import cn.xianglian.chaincode.domain.Role;
import cn.xianglian.chaincode.domain.Tx;
import cn.xianglian.chaincode.domain.XlException;
import cn.xianglian.chaincode.party.PartyStore.Kind;
import cn.xianglian.chaincode.party.domain.Award;
import cn.xianglian.chaincode.party.domain.Dues;
import cn.xianglian.chaincode.party.domain.DuesLedger;
import cn.xianglian.chaincode.party.domain.Evaluation;
import cn.xianglian.chaincode.party.domain.Meeting;
import cn.xianglian.chaincode.party.domain.MeetingSchedule;
import cn.xianglian.chaincode.party.domain.Member;
import cn.xianglian.chaincode.party.domain.OrgChain;
import cn.xianglian.chaincode.party.domain.Organisation;
import cn.xianglian.chaincode.party.domain.PartyCommands;
import cn.xianglian.chaincode.party.domain.PartyDecisions;
import cn.xianglian.chaincode.party.domain.PartyDecisions.Changed;
import cn.xianglian.chaincode.party.domain.PartyRules;
import cn.xianglian.chaincode.party.domain.Points;
import cn.xianglian.chaincode.party.domain.Publication;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * The party affairs contract {@code party} (党务), as specified in docs/contract-party.md. Commands
 * that create a record recognise a retry by their client-chosen id (same content, same caller: the
 * existing record is returned, nothing is written); transitions recognise a retry by the record
 * already being where the same caller took it. Every command parses its JSON argument, loads state,
 * lets {@link PartyDecisions} decide, then writes records, indexes and one event. Stateless.
 */
@Contract(
    name = "party",
    info = @Info(title = "XiangLian party affairs", version = "0.1.0", description = "党务"))
public final class PartyContract implements ContractInterface {

  /** Private data collection holding members' personal data (shared with trace and finance). */
  public static final String PERSONAL_COLLECTION = "xlPersonalData";

  /** Transient key of a member's personal data (JSON: name, phone, idNumber). */
  public static final String TRANSIENT_MEMBER = "member";

  /** Transient key of the salt (at least 16 bytes) the member hash uses. */
  public static final String TRANSIENT_SALT = "member.salt";

  // ---- county rules ---------------------------------------------------------------------------

  /** Defines the next version of the county's party rules (county only). */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String defineRules(Context ctx, String json) {
    return guard(
        () -> {
          var cmd = parse(json, PartyCommands.DefineRules.class);
          return create(
              ctx,
              cmd,
              "defineRules",
              Kind.PARTY_RULES,
              cmd.county().county6() + "-v" + cmd.version(),
              store -> store.rules(cmd.county(), cmd.version()),
              (actor, store, taken, tx) ->
                  PartyDecisions.defineRules(
                      cmd, actor, store.latestRules(cmd.county()), taken, tx),
              PartyStore::write,
              "PartyRulesDefined",
              rules -> null,
              PartyRules::county);
        });
  }

  // ---- organisations and members ------------------------------------------------------------

  /** Registers a 党委 / 党总支 / 党支部 under its parent. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String registerOrganisation(Context ctx, String json) {
    return guard(
        () -> {
          var cmd = parse(json, PartyCommands.RegisterOrganisation.class);
          return create(
              ctx,
              cmd,
              "registerOrganisation",
              Kind.PARTY_ORG,
              cmd.orgId(),
              store -> store.organisation(cmd.orgId()),
              (actor, store, taken, tx) ->
                  PartyDecisions.registerOrganisation(
                      cmd, actor, store.chain(cmd.parentId()), taken, tx),
              PartyStore::write,
              "OrganisationRegistered",
              Organisation::orgId,
              Organisation::region);
        });
  }

  /**
   * Registers a member of a 党支部; the person's name, phone and ID number only in transient {@code
   * member} with {@code member.salt}. Public state keeps the salted hash.
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String registerMember(Context ctx, String json) {
    return guard(
        () -> {
          var cmd = parse(json, PartyCommands.RegisterMember.class);
          SaltedPersonalData person =
              SaltedPersonalData.fromTransient(ctx.getStub(), TRANSIENT_MEMBER, TRANSIENT_SALT)
                  .orElseThrow(
                      () ->
                          new XlException(
                              INVALID_ARGUMENT, "a member needs transient " + TRANSIENT_MEMBER));
          Actor actor = Caller.of(ctx);
          PartyStore store = new PartyStore(ctx.getStub());
          String hash =
              PartyStore.commandHash(
                  "registerMember",
                  actor.party(),
                  Map.of("member", cmd, "personalSha256", person.sha256Hex()));
          Replay replay = store.replay(Kind.PARTY_MEMBER, cmd.memberId(), hash);
          if (replay == Replay.SAME) {
            return CanonicalJson.text(store.member(cmd.memberId()).orElseThrow());
          }
          boolean taken = replay == Replay.DIFFERENT || store.member(cmd.memberId()).isPresent();
          Member member =
              PartyDecisions.registerMember(
                  cmd, actor, store.chain(cmd.orgId()), person.sha256Hex(), taken, store.tx());
          store.write(member, true);
          store.writePersonal(
              PERSONAL_COLLECTION,
              member.memberId(),
              CanonicalJson.bytes(Map.of("personal", person.data(), "salt", person.saltHex())));
          store.logCommand(
              Kind.PARTY_MEMBER, cmd.memberId(), "registerMember", actor.party(), hash);
          store.event(
              "MemberRegistered", "Member", member.memberId(), member.orgId(), member.region());
          return CanonicalJson.text(member);
        });
  }

  /** The next 发展党员 step of a member (接收预备党员 and 转正 by an upper 党委). */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String advanceMember(Context ctx, String json) {
    return guard(
        () -> {
          var cmd = parse(json, PartyCommands.AdvanceMember.class);
          Actor actor = Caller.of(ctx);
          PartyStore store = new PartyStore(ctx.getStub());
          Optional<Member> member = store.member(cmd.memberId());
          Map<String, Optional<Member>> sponsors = new LinkedHashMap<>();
          cmd.sponsors().forEach(id -> sponsors.put(id, store.member(id)));
          Changed<Member> changed =
              PartyDecisions.advanceMember(
                  cmd,
                  actor,
                  member,
                  member.flatMap(m -> store.chain(m.orgId())),
                  member.flatMap(m -> store.rulesAt(m.region(), cmd.date())),
                  sponsors,
                  store.tx());
          Member next = changed.record();
          if (changed.written()) {
            store.write(next, false);
            store.event("MemberAdvanced", "Member", next.memberId(), next.orgId(), next.region());
          }
          return CanonicalJson.text(next);
        });
  }

  // ---- meetings -----------------------------------------------------------------------------

  /** Records a 三会一课 / 主题党日 meeting with its attendance. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String recordMeeting(Context ctx, String json) {
    return guard(
        () -> {
          var cmd = parse(json, PartyCommands.RecordMeeting.class);
          return create(
              ctx,
              cmd,
              "recordMeeting",
              Kind.PARTY_MEETING,
              cmd.meetingId(),
              store -> store.meeting(cmd.meetingId()),
              (actor, store, taken, tx) ->
                  PartyDecisions.recordMeeting(
                      cmd, actor, store.chain(cmd.orgId()), store.members(cmd.orgId()), taken, tx),
              PartyStore::write,
              "MeetingRecorded",
              Meeting::orgId,
              meeting ->
                  new PartyStore(ctx.getStub())
                      .organisation(meeting.orgId())
                      .orElseThrow()
                      .region());
        });
  }

  // ---- dues, evaluations, awards ------------------------------------------------------------

  /** Records one month's 党费 of a member. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String payDues(Context ctx, String json) {
    return guard(
        () -> {
          var cmd = parse(json, PartyCommands.PayDues.class);
          YearMonth month = PartyCommands.month("month", cmd.month());
          return create(
              ctx,
              cmd,
              "payDues",
              Kind.PARTY_DUES,
              cmd.memberId() + "@" + cmd.month(),
              store -> store.dues(cmd.memberId(), cmd.month()),
              (actor, store, taken, tx) -> {
                Optional<Member> member = store.member(cmd.memberId());
                return PartyDecisions.payDues(
                    cmd,
                    actor,
                    member,
                    member.flatMap(m -> store.chain(m.orgId())),
                    member.flatMap(m -> store.rulesAt(m.region(), month.atDay(1))),
                    taken,
                    tx);
              },
              PartyStore::write,
              "DuesPaid",
              Dues::orgId,
              dues -> regionOfMember(ctx, dues.memberId()));
        });
  }

  /** Records a member's 民主评议 grade for a year. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String recordEvaluation(Context ctx, String json) {
    return guard(
        () -> {
          var cmd = parse(json, PartyCommands.RecordEvaluation.class);
          return create(
              ctx,
              cmd,
              "recordEvaluation",
              Kind.PARTY_EVALUATION,
              cmd.memberId() + "@" + cmd.year(),
              store -> store.evaluation(cmd.memberId(), cmd.year()),
              (actor, store, taken, tx) -> {
                Optional<Member> member = store.member(cmd.memberId());
                return PartyDecisions.recordEvaluation(
                    cmd, actor, member, member.flatMap(m -> store.chain(m.orgId())), taken, tx);
              },
              PartyStore::write,
              "EvaluationRecorded",
              Evaluation::orgId,
              evaluation -> regionOfMember(ctx, evaluation.memberId()));
        });
  }

  /** Awards points to a member under an award rule. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String awardPoints(Context ctx, String json) {
    return guard(
        () -> {
          var cmd = parse(json, PartyCommands.AwardPoints.class);
          return create(
              ctx,
              cmd,
              "awardPoints",
              Kind.PARTY_AWARD,
              cmd.awardId(),
              store -> store.award(cmd.awardId()),
              (actor, store, taken, tx) -> {
                Optional<Member> member = store.member(cmd.memberId());
                return PartyDecisions.awardPoints(
                    cmd,
                    actor,
                    member,
                    member.flatMap(m -> store.chain(m.orgId())),
                    member.flatMap(m -> store.rulesAt(m.region(), cmd.date())),
                    taken,
                    tx);
              },
              PartyStore::write,
              "PointsAwarded",
              Award::orgId,
              award -> regionOfMember(ctx, award.memberId()));
        });
  }

  // ---- 党务公开 -------------------------------------------------------------------------------

  /** Submits a 党务公开 item for review by the upper organisation. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String submitPublication(Context ctx, String json) {
    return guard(
        () -> {
          var cmd = parse(json, PartyCommands.SubmitPublication.class);
          return create(
              ctx,
              cmd,
              "submitPublication",
              Kind.PARTY_PUBLICATION,
              cmd.publicationId(),
              store -> store.publication(cmd.publicationId()),
              (actor, store, taken, tx) ->
                  PartyDecisions.submitPublication(cmd, actor, store.chain(cmd.orgId()), taken, tx),
              (store, publication) -> store.write(publication, true),
              "PublicationSubmitted",
              Publication::orgId,
              Publication::region);
        });
  }

  /** The upper organisation approves (publishes) or rejects a pending item. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String reviewPublication(Context ctx, String json) {
    return guard(
        () -> {
          var cmd = parse(json, PartyCommands.ReviewPublication.class);
          Actor actor = Caller.of(ctx);
          PartyStore store = new PartyStore(ctx.getStub());
          Optional<Publication> publication = store.publication(cmd.publicationId());
          Changed<Publication> changed =
              PartyDecisions.reviewPublication(
                  cmd,
                  actor,
                  publication,
                  publication.flatMap(p -> store.chain(p.orgId())),
                  store.tx());
          Publication next = changed.record();
          if (changed.written()) {
            store.write(next, false);
            store.event(
                next.isPublished() ? "PublicationPublished" : "PublicationRejected",
                "Publication",
                next.publicationId(),
                next.orgId(),
                next.region());
          }
          return CanonicalJson.text(next);
        });
  }

  // ---- queries ------------------------------------------------------------------------------

  /** The rules in force on a date, or a given version: {@code {"county","date"?,"version"?}}. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String getRules(Context ctx, String json) {
    return guard(
        () -> {
          var query = parse(json, RulesQuery.class);
          Caller.of(ctx);
          PartyStore store = new PartyStore(ctx.getStub());
          Optional<PartyRules> rules =
              query.version() != null
                  ? store.rules(query.county(), query.version())
                  : query.date() != null
                      ? store.rulesAt(query.county(), query.date())
                      : store.latestRules(query.county());
          return CanonicalJson.text(
              rules.orElseThrow(
                  () ->
                      new XlException(
                          PARTY_RULES_NOT_FOUND, "no party rules for " + query.county())));
        });
  }

  /** An organisation (public). */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String getOrganisation(Context ctx, String orgId) {
    return guard(
        () -> {
          Caller.of(ctx);
          return CanonicalJson.text(
              organisation(new PartyStore(ctx.getStub()), Require.id("orgId", orgId)));
        });
  }

  /** The organisations in a region: {@code {"region"}} (public). */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String listOrganisations(Context ctx, String json) {
    return guard(
        () -> {
          var query = parse(json, RegionQuery.class);
          Caller.of(ctx);
          return CanonicalJson.text(new PartyStore(ctx.getStub()).organisationsIn(query.region()));
        });
  }

  /** The organisations directly below one (public). */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String listChildren(Context ctx, String orgId) {
    return guard(
        () -> {
          Caller.of(ctx);
          PartyStore store = new PartyStore(ctx.getStub());
          organisation(store, Require.id("orgId", orgId));
          return CanonicalJson.text(store.children(orgId));
        });
  }

  /** A member: staff of the organisation (or above, or of the region) and the member itself. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String getMember(Context ctx, String memberId) {
    return guard(
        () -> {
          PartyStore store = new PartyStore(ctx.getStub());
          Member member = member(store, Require.id("memberId", memberId));
          requireSelfOrReader(Caller.of(ctx), store, member);
          return CanonicalJson.text(member);
        });
  }

  /** The members of an organisation (staff). */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String listMembers(Context ctx, String orgId) {
    return guard(
        () -> {
          PartyStore store = new PartyStore(ctx.getStub());
          chain(store, Require.id("orgId", orgId)).requireReader(Caller.of(ctx));
          return CanonicalJson.text(store.members(orgId));
        });
  }

  /** A meeting (staff). */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String getMeeting(Context ctx, String meetingId) {
    return guard(
        () -> {
          PartyStore store = new PartyStore(ctx.getStub());
          Meeting meeting =
              store
                  .meeting(Require.id("meetingId", meetingId))
                  .orElseThrow(() -> new XlException(MEETING_NOT_FOUND, "no meeting " + meetingId));
          chain(store, meeting.orgId()).requireReader(Caller.of(ctx));
          return CanonicalJson.text(meeting);
        });
  }

  /** An organisation's meetings of a year, in date order: {@code {"orgId","year"}} (staff). */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String listMeetings(Context ctx, String json) {
    return guard(
        () -> {
          var query = parse(json, OrgYearQuery.class);
          PartyStore store = new PartyStore(ctx.getStub());
          chain(store, query.orgId()).requireReader(Caller.of(ctx));
          return CanonicalJson.text(
              store.meetings(query.orgId()).stream()
                  .filter(m -> m.date().getYear() == query.year())
                  .toList());
        });
  }

  /**
   * The required meetings not held in periods ended by {@code asOf}: {@code
   * {"orgId","asOf","from"?}} (staff).
   */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String overdueMeetings(Context ctx, String json) {
    return guard(
        () -> {
          var query = parse(json, OverdueQuery.class);
          PartyStore store = new PartyStore(ctx.getStub());
          OrgChain chain = chain(store, query.orgId());
          chain.requireReader(Caller.of(ctx));
          return CanonicalJson.text(
              MeetingSchedule.overdue(
                  chain.self(),
                  store.meetings(query.orgId()),
                  store.rules(chain.self().region()),
                  query.from(),
                  query.asOf()));
        });
  }

  /** A member's dues of a year: {@code {"memberId","year"}} (staff, or the member). */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String listDues(Context ctx, String json) {
    return guard(
        () -> {
          var query = parse(json, MemberYearQuery.class);
          PartyStore store = new PartyStore(ctx.getStub());
          requireSelfOrReader(Caller.of(ctx), store, member(store, query.memberId()));
          return CanonicalJson.text(
              store.dues(query.memberId()).stream()
                  .filter(d -> d.month().startsWith(query.year() + "-"))
                  .toList());
        });
  }

  /**
   * The unpaid months of an organisation's members through a month: {@code {"orgId","through"}}.
   */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String duesArrears(Context ctx, String json) {
    return guard(
        () -> {
          var query = parse(json, ArrearsQuery.class);
          PartyStore store = new PartyStore(ctx.getStub());
          chain(store, query.orgId()).requireReader(Caller.of(ctx));
          YearMonth through = PartyCommands.month("through", query.through());
          YearMonth from = query.from() == null ? null : PartyCommands.month("from", query.from());
          return CanonicalJson.text(
              store.members(query.orgId()).stream()
                  .filter(m -> m.stage().isMember())
                  .map(m -> DuesLedger.arrears(m, store.dues(m.memberId()), from, through))
                  .filter(a -> !a.unpaidMonths().isEmpty())
                  .toList());
        });
  }

  /** An organisation's 民主评议 results of a year: {@code {"orgId","year"}} (staff). */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String listEvaluations(Context ctx, String json) {
    return guard(
        () -> {
          var query = parse(json, OrgYearQuery.class);
          PartyStore store = new PartyStore(ctx.getStub());
          chain(store, query.orgId()).requireReader(Caller.of(ctx));
          return CanonicalJson.text(store.evaluations(query.orgId(), query.year()));
        });
  }

  /** A member's 积分 of a year, line by line: {@code {"memberId","year"}} (staff, or the member). */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String memberPoints(Context ctx, String json) {
    return guard(
        () -> {
          var query = parse(json, MemberYearQuery.class);
          PartyStore store = new PartyStore(ctx.getStub());
          Member member = member(store, query.memberId());
          requireSelfOrReader(Caller.of(ctx), store, member);
          return CanonicalJson.text(
              Points.tally(
                  member.memberId(),
                  query.year(),
                  store.rules(member.region()),
                  store.meetingsOf(member.memberId()),
                  store.dues(member.memberId()),
                  store.evaluation(member.memberId(), query.year()),
                  store.awards(member.memberId())));
        });
  }

  /** A publication, if the caller may read it (党内 items: members and party workers only). */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String getPublication(Context ctx, String publicationId) {
    return guard(
        () -> {
          PartyStore store = new PartyStore(ctx.getStub());
          Publication publication =
              store
                  .publication(Require.id("publicationId", publicationId))
                  .orElseThrow(
                      () ->
                          new XlException(
                              PUBLICATION_NOT_FOUND, "no publication " + publicationId));
          Actor actor = Caller.of(ctx);
          XlException.check(
              readable(store, actor, publication),
              ACCESS_DENIED,
              "publication " + publicationId + " is not visible to this caller");
          return CanonicalJson.text(publication);
        });
  }

  /** An organisation's publications the caller may read. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String listPublications(Context ctx, String orgId) {
    return guard(
        () -> {
          PartyStore store = new PartyStore(ctx.getStub());
          organisation(store, Require.id("orgId", orgId));
          Actor actor = Caller.of(ctx);
          return CanonicalJson.text(
              store.publications(orgId).stream().filter(p -> readable(store, actor, p)).toList());
        });
  }

  // ---- query arguments ----------------------------------------------------------------------

  /** {@code {"county","date"?,"version"?}}. */
  record RulesQuery(RegionCode county, LocalDate date, Integer version) {
    RulesQuery {
      Require.present("county", county);
    }
  }

  /** {@code {"region"}}. */
  record RegionQuery(RegionCode region) {
    RegionQuery {
      Require.present("region", region);
    }
  }

  /** {@code {"orgId","year"}}. */
  record OrgYearQuery(String orgId, int year) {
    OrgYearQuery {
      Require.id("orgId", orgId);
      Require.argument(year >= 1921 && year <= 9999, "year out of range");
    }
  }

  /** {@code {"memberId","year"}}. */
  record MemberYearQuery(String memberId, int year) {
    MemberYearQuery {
      Require.id("memberId", memberId);
      Require.argument(year >= 1921 && year <= 9999, "year out of range");
    }
  }

  /** {@code {"orgId","asOf","from"?}}. */
  record OverdueQuery(String orgId, LocalDate asOf, LocalDate from) {
    OverdueQuery {
      Require.id("orgId", orgId);
      Require.present("asOf", asOf);
    }
  }

  /** {@code {"orgId","through","from"?}} with months {@code yyyy-MM}. */
  record ArrearsQuery(String orgId, String through, String from) {
    ArrearsQuery {
      Require.id("orgId", orgId);
      PartyCommands.month("through", through);
      if (from != null) {
        PartyCommands.month("from", from);
      }
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** Decides a new record from the caller, loaded state, whether its id is taken, and the tx. */
  @FunctionalInterface
  private interface Decider<R> {
    R decide(Actor actor, PartyStore store, boolean taken, Tx tx);
  }

  /** Writes a decided record and its indexes. */
  @FunctionalInterface
  private interface Writer<R> {
    void write(PartyStore store, R record);
  }

  /** The create-command flow: retry check, decision, writes, idempotency entry, one event. */
  private static <C, R> String create(
      Context ctx,
      C cmd,
      String transaction,
      Kind kind,
      String id,
      Function<PartyStore, Optional<R>> existing,
      Decider<R> decider,
      Writer<R> writer,
      String eventName,
      Function<R, String> orgOf,
      Function<R, RegionCode> regionOf) {
    Actor actor = Caller.of(ctx);
    PartyStore store = new PartyStore(ctx.getStub());
    String hash = PartyStore.commandHash(transaction, actor.party(), cmd);
    Replay replay = store.replay(kind, id, hash);
    if (replay == Replay.SAME) {
      return CanonicalJson.text(existing.apply(store).orElseThrow());
    }
    boolean taken = replay == Replay.DIFFERENT || existing.apply(store).isPresent();
    R record = decider.decide(actor, store, taken, store.tx());
    writer.write(store, record);
    store.logCommand(kind, id, transaction, actor.party(), hash);
    store.event(
        eventName,
        record.getClass().getSimpleName(),
        id,
        orgOf.apply(record),
        regionOf.apply(record));
    return CanonicalJson.text(record);
  }

  private static RegionCode regionOfMember(Context ctx, String memberId) {
    return new PartyStore(ctx.getStub()).member(memberId).orElseThrow().region();
  }

  private static Organisation organisation(PartyStore store, String orgId) {
    return store
        .organisation(orgId)
        .orElseThrow(() -> new XlException(PARTY_ORG_NOT_FOUND, "no organisation " + orgId));
  }

  private static OrgChain chain(PartyStore store, String orgId) {
    return store
        .chain(orgId)
        .orElseThrow(() -> new XlException(PARTY_ORG_NOT_FOUND, "no organisation " + orgId));
  }

  private static Member member(PartyStore store, String memberId) {
    return store
        .member(memberId)
        .orElseThrow(() -> new XlException(PARTY_MEMBER_NOT_FOUND, "no member " + memberId));
  }

  /** The member itself ({@code PARTY_MEMBER} with its id as party), or a reader of its branch. */
  private static void requireSelfOrReader(Actor actor, PartyStore store, Member member) {
    if (actor.role() == Role.PARTY_MEMBER && actor.partyId().equals(member.memberId())) {
      return;
    }
    chain(store, member.orgId()).requireReader(actor);
  }

  /** Whether {@code actor} may read {@code publication} (see {@link PartyDecisions#canRead}). */
  private static boolean readable(PartyStore store, Actor actor, Publication publication) {
    OrgChain chain = chain(store, publication.orgId());
    Optional<OrgChain> callerChain = Optional.empty();
    boolean member = false;
    if (actor.role() == Role.PARTY_ORG) {
      callerChain = store.chain(actor.partyId());
    } else if (actor.role() == Role.PARTY_MEMBER) {
      Optional<Member> self = store.member(actor.partyId());
      member = self.map(m -> m.stage().isMember()).orElse(false);
      callerChain = self.flatMap(m -> store.chain(m.orgId()));
    }
    return PartyDecisions.canRead(publication, chain, actor, callerChain, member);
  }

  private static <C> C parse(String json, Class<C> type) {
    return CanonicalJson.read(Payloads.limited("argument", json), type);
  }
}
