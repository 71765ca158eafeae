package cn.xianglian.chaincode.party;

import cn.xianglian.chaincode.common.CanonicalJson;
import cn.xianglian.chaincode.common.CommandLog;
import cn.xianglian.chaincode.common.CommandLog.Replay;
import cn.xianglian.chaincode.common.KeyCodec;
import cn.xianglian.chaincode.common.LedgerKey;
import cn.xianglian.chaincode.common.LedgerState;
import cn.xianglian.chaincode.common.ObjectType;
import cn.xianglian.chaincode.common.Sha256;
import cn.xianglian.chaincode.domain.ChinaTime;
import cn.xianglian.chaincode.domain.RegionCode;
import cn.xianglian.chaincode.domain.Tx;
import cn.xianglian.chaincode.party.domain.Award;
import cn.xianglian.chaincode.party.domain.Dues;
import cn.xianglian.chaincode.party.domain.Evaluation;
import cn.xianglian.chaincode.party.domain.Meeting;
import cn.xianglian.chaincode.party.domain.MeetingSchedule;
import cn.xianglian.chaincode.party.domain.Member;
import cn.xianglian.chaincode.party.domain.OrgChain;
import cn.xianglian.chaincode.party.domain.Organisation;
import cn.xianglian.chaincode.party.domain.PartyDecisions;
import cn.xianglian.chaincode.party.domain.PartyRules;
import cn.xianglian.chaincode.party.domain.Publication;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.shim.ChaincodeStub;

/** Loads and writes the party records, their indexes and idempotency entries for one call. */
final class PartyStore {

  /** Kinds of client-chosen ids with an idempotency entry (distinct from other contracts'). */
  enum Kind {
    PARTY_RULES,
    PARTY_ORG,
    PARTY_MEMBER,
    PARTY_MEETING,
    PARTY_DUES,
    PARTY_EVALUATION,
    PARTY_AWARD,
    PARTY_PUBLICATION
  }

  /** The payload of every party chaincode event. */
  record EventPayload(String type, String id, String orgId, RegionCode region) {}

  private final ChaincodeStub stub;
  private final LedgerState state;

  PartyStore(ChaincodeStub stub) {
    this.stub = stub;
    this.state = new LedgerState(stub);
  }

  LedgerState state() {
    return state;
  }

  Tx tx() {
    return new Tx(stub.getTxId(), ChinaTime.of(stub.getTxTimestamp()));
  }

  // ---- idempotency ------------------------------------------------------------------------

  static String commandHash(String transaction, String caller, Object command) {
    return CommandLog.hash(transaction, caller, command, null);
  }

  Replay replay(Kind kind, String id, String hash) {
    return new CommandLog(state).replay(kind.name(), id, hash);
  }

  void logCommand(Kind kind, String id, String transaction, String caller, String hash) {
    new CommandLog(state).log(kind.name(), id, transaction, caller, hash);
  }

  // ---- rules --------------------------------------------------------------------------------

  List<PartyRules> rules(RegionCode region) {
    return all(ObjectType.PARTY_RULES, PartyRules.class, region.county6());
  }

  Optional<PartyRules> rules(RegionCode region, int version) {
    return state.read(rulesKey(region, version), PartyRules.class);
  }

  Optional<PartyRules> rulesAt(RegionCode region, LocalDate day) {
    return MeetingSchedule.rulesAt(rules(region), day);
  }

  Optional<PartyRules> latestRules(RegionCode region) {
    List<PartyRules> all = rules(region);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  static LedgerKey rulesKey(RegionCode region, int version) {
    return KeyCodec.key(ObjectType.PARTY_RULES, region.county6(), KeyCodec.seq(version));
  }

  void write(PartyRules rules) {
    state.write(rulesKey(rules.county(), rules.version()), rules);
  }

  // ---- organisations ------------------------------------------------------------------------

  Optional<Organisation> organisation(String orgId) {
    return state.read(KeyCodec.key(ObjectType.PARTY_ORG, orgId), Organisation.class);
  }

  /** The organisation and its ancestors, if the organisation exists. */
  Optional<OrgChain> chain(String orgId) {
    if (orgId == null) {
      return Optional.empty();
    }
    List<Organisation> chain = new ArrayList<>();
    Optional<Organisation> next = organisation(orgId);
    while (next.isPresent() && chain.size() < OrgChain.MAX_DEPTH) {
      chain.add(next.get());
      next = next.get().parentId() == null ? Optional.empty() : organisation(next.get().parentId());
    }
    return chain.isEmpty() ? Optional.empty() : Optional.of(new OrgChain(chain));
  }

  List<Organisation> children(String orgId) {
    return state.list(ObjectType.PARTY_ORG_CHILD, orgId).stream()
        .map(entry -> organisation(entry.key().id()).orElseThrow())
        .toList();
  }

  /**
   * The organisations whose region lies in {@code region}'s scope (county, township or village).
   */
  List<Organisation> organisationsIn(RegionCode region) {
    String scope = region.scope();
    String[] leading =
        switch (scope.length()) {
          case 2, 4, 6 -> new String[] {region.county6()};
          case 9 -> new String[] {region.county6(), region.township9()};
          default -> new String[] {region.county6(), region.township9(), region.village12()};
        };
    return state.list(ObjectType.PARTY_ORG_BY_REGION, leading).stream()
        .map(entry -> organisation(entry.key().id()).orElseThrow())
        .filter(org -> org.region().isWithin(scope))
        .toList();
  }

  void write(Organisation org) {
    state.write(KeyCodec.key(ObjectType.PARTY_ORG, org.orgId()), org);
    if (org.parentId() != null) {
      state.writeIndex(KeyCodec.key(ObjectType.PARTY_ORG_CHILD, org.parentId(), org.orgId()));
    }
    RegionCode region = org.region();
    state.writeIndex(
        KeyCodec.key(
            ObjectType.PARTY_ORG_BY_REGION,
            region.county6(),
            region.township9(),
            region.village12(),
            org.orgId()));
  }

  // ---- members ------------------------------------------------------------------------------

  Optional<Member> member(String memberId) {
    return state.read(KeyCodec.key(ObjectType.PARTY_MEMBER, memberId), Member.class);
  }

  List<Member> members(String orgId) {
    return state.list(ObjectType.PARTY_MEMBER_BY_ORG, orgId).stream()
        .map(entry -> member(entry.key().id()).orElseThrow())
        .toList();
  }

  void write(Member member, boolean created) {
    state.write(KeyCodec.key(ObjectType.PARTY_MEMBER, member.memberId()), member);
    if (created) {
      state.writeIndex(
          KeyCodec.key(ObjectType.PARTY_MEMBER_BY_ORG, member.orgId(), member.memberId()));
    }
  }

  void writePersonal(String collection, String memberId, byte[] value) {
    state.writePrivate(collection, KeyCodec.key(ObjectType.PARTY_PERSON, memberId), value);
  }

  // ---- meetings -----------------------------------------------------------------------------

  Optional<Meeting> meeting(String meetingId) {
    return state.read(KeyCodec.key(ObjectType.PARTY_MEETING, meetingId), Meeting.class);
  }

  List<Meeting> meetings(String orgId, String... dates) {
    String[] leading = new String[1 + dates.length];
    leading[0] = orgId;
    System.arraycopy(dates, 0, leading, 1, dates.length);
    return state.list(ObjectType.PARTY_MEETING_BY_ORG, leading).stream()
        .map(entry -> meeting(entry.key().id()).orElseThrow())
        .toList();
  }

  /** The meetings that list {@code memberId}, in date order. */
  List<Meeting> meetingsOf(String memberId) {
    return state.list(ObjectType.PARTY_ATTENDANCE, memberId).stream()
        .map(entry -> meeting(entry.key().id()).orElseThrow())
        .toList();
  }

  void write(Meeting meeting) {
    state.write(KeyCodec.key(ObjectType.PARTY_MEETING, meeting.meetingId()), meeting);
    String date = meeting.date().toString();
    state.writeIndex(
        KeyCodec.key(ObjectType.PARTY_MEETING_BY_ORG, meeting.orgId(), date, meeting.meetingId()));
    for (Meeting.Attendance entry : meeting.attendance()) {
      state.writeIndex(
          KeyCodec.key(ObjectType.PARTY_ATTENDANCE, entry.memberId(), date, meeting.meetingId()));
    }
  }

  // ---- dues, evaluations, awards ------------------------------------------------------------

  Optional<Dues> dues(String memberId, String month) {
    return state.read(KeyCodec.key(ObjectType.PARTY_DUES, memberId, month), Dues.class);
  }

  List<Dues> dues(String memberId) {
    return all(ObjectType.PARTY_DUES, Dues.class, memberId);
  }

  void write(Dues dues) {
    state.write(KeyCodec.key(ObjectType.PARTY_DUES, dues.memberId(), dues.month()), dues);
  }

  Optional<Evaluation> evaluation(String memberId, int year) {
    return state.read(
        KeyCodec.key(ObjectType.PARTY_EVALUATION, memberId, Integer.toString(year)),
        Evaluation.class);
  }

  List<Evaluation> evaluations(String orgId, int year) {
    return state.list(ObjectType.PARTY_EVALUATION_BY_ORG, orgId, Integer.toString(year)).stream()
        .map(entry -> evaluation(entry.key().id(), year).orElseThrow())
        .toList();
  }

  void write(Evaluation evaluation) {
    String year = Integer.toString(evaluation.year());
    state.write(KeyCodec.key(ObjectType.PARTY_EVALUATION, evaluation.memberId(), year), evaluation);
    state.writeIndex(
        KeyCodec.key(
            ObjectType.PARTY_EVALUATION_BY_ORG, evaluation.orgId(), year, evaluation.memberId()));
  }

  Optional<Award> award(String awardId) {
    return state.read(KeyCodec.key(ObjectType.PARTY_AWARD, awardId), Award.class);
  }

  List<Award> awards(String memberId) {
    return state.list(ObjectType.PARTY_AWARD_BY_MEMBER, memberId).stream()
        .map(entry -> award(entry.key().id()).orElseThrow())
        .toList();
  }

  void write(Award award) {
    state.write(KeyCodec.key(ObjectType.PARTY_AWARD, award.awardId()), award);
    state.writeIndex(
        KeyCodec.key(
            ObjectType.PARTY_AWARD_BY_MEMBER,
            award.memberId(),
            award.date().toString(),
            award.awardId()));
  }

  // ---- publications -------------------------------------------------------------------------

  Optional<Publication> publication(String publicationId) {
    return state.read(KeyCodec.key(ObjectType.PARTY_PUBLICATION, publicationId), Publication.class);
  }

  List<Publication> publications(String orgId) {
    return state.list(ObjectType.PARTY_PUBLICATION_BY_ORG, orgId).stream()
        .map(entry -> publication(entry.key().id()).orElseThrow())
        .toList();
  }

  void write(Publication publication, boolean created) {
    state.write(
        KeyCodec.key(ObjectType.PARTY_PUBLICATION, publication.publicationId()), publication);
    if (created) {
      state.writeIndex(
          KeyCodec.key(
              ObjectType.PARTY_PUBLICATION_BY_ORG,
              publication.orgId(),
              publication.publicationId()));
    }
  }

  // ---- events -------------------------------------------------------------------------------

  void event(String name, String type, String id, String orgId, RegionCode region) {
    state.event(name, new EventPayload(type, id, orgId, region));
  }

  static RegionCode county(RegionCode region) {
    return PartyDecisions.countyOf(region);
  }

  // ---- helpers ------------------------------------------------------------------------------

  private <T> List<T> all(ObjectType type, Class<T> recordType, String... leading) {
    return state.list(type, leading).stream()
        .map(entry -> CanonicalJson.fromState(entry.value(), recordType))
        .toList();
  }

  static String sha256Hex(byte[] bytes) {
    return Sha256.hex(bytes);
  }
}
