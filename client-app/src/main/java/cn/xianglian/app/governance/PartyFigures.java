package cn.xianglian.app.governance;

import cn.xianglian.chaincode.common.CanonicalJson;
import cn.xianglian.chaincode.party.domain.Dues;
import cn.xianglian.chaincode.party.domain.DuesLedger;
import cn.xianglian.chaincode.party.domain.Meeting;
import cn.xianglian.chaincode.party.domain.MeetingSchedule;
import cn.xianglian.chaincode.party.domain.Member;
import cn.xianglian.chaincode.party.domain.Organisation;
import cn.xianglian.chaincode.party.domain.PartyRules;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Party-affairs compliance (党务合规) from the projected party records, decided by the contract's own
 * pure rules so the figures say what {@code overdueMeetings} and {@code duesArrears} say:
 *
 * <ul>
 *   <li>overdue 三会一课: {@link MeetingSchedule#overdue} of each 党支部 over the twelve months before
 *       {@code asOf} (periods that ended before it, each required meeting type without a meeting);
 *   <li>dues arrears: {@link DuesLedger#arrears} of each member, months from the twelve months
 *       before {@code asOf} through the month before it, and lapsed (six unpaid months at the end);
 *   <li>pipeline in progress: members not yet 正式党员 (入党申请人 … 预备党员).
 * </ul>
 *
 * Every query is limited to a region scope.
 */
@Component
public class PartyFigures {

  /** The look-back window in months. */
  public static final int WINDOW_MONTHS = 12;

  /** One branch's compliance. */
  public record Branch(
      String orgId,
      String name,
      String region,
      String township,
      String txId,
      long blockNumber,
      List<MeetingSchedule.Overdue> overdueMeetings,
      List<DuesLedger.Arrears> arrears,
      int members,
      int inPipeline) {

    public int overdueCount() {
      return overdueMeetings.size();
    }

    /** Members with at least one unpaid month. */
    public int membersInArrears() {
      return (int) arrears.stream().filter(a -> !a.unpaidMonths().isEmpty()).count();
    }

    public int unpaidMonths() {
      return arrears.stream().mapToInt(a -> a.unpaidMonths().size()).sum();
    }

    public int lapsed() {
      return (int) arrears.stream().filter(DuesLedger.Arrears::lapsed).count();
    }
  }

  /** A township's totals over its branches. */
  public record Township(
      String township,
      String name,
      int branches,
      int overdueMeetings,
      int branchesWithOverdue,
      int membersInArrears,
      int unpaidMonths,
      int lapsed,
      int inPipeline) {}

  /** A meeting with the transaction that recorded it. */
  public record MeetingRow(
      String meetingId,
      String type,
      String date,
      String topic,
      int present,
      int absent,
      String txId,
      long blockNumber) {}

  /** A member's stage with the transaction that last wrote the member record. */
  public record MemberRow(String memberId, String stage, String txId, long blockNumber) {}

  /** A publication row. */
  public record PublicationRow(
      String publicationId,
      String orgId,
      String orgName,
      String region,
      String scope,
      String category,
      String title,
      String contentSha256,
      String status,
      String reviewedAt,
      String txId,
      long blockNumber) {}

  private final JdbcTemplate jdbc;

  public PartyFigures(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The compliance of every 党支部 within {@code scope} as of {@code asOf}, by township and id. */
  public List<Branch> branches(String scope, LocalDate asOf) {
    List<PartyRules> rules = rules();
    List<Organisation> orgs =
        jdbc.query(
            "select value_json from gov_party_org where kind = 'BRANCH' and region like ?"
                + " order by township, org_id",
            (rs, n) -> CanonicalJson.read(rs.getString(1), Organisation.class),
            scope + "%");
    Map<String, long[]> ledger = new HashMap<>();
    Map<String, String> txIds = new HashMap<>();
    jdbc.query(
        "select org_id, tx_id, block_number from gov_party_org where region like ?",
        rs -> {
          txIds.put(rs.getString(1), rs.getString(2));
          ledger.put(rs.getString(1), new long[] {rs.getLong(3)});
        },
        scope + "%");
    LocalDate from = asOf.minusMonths(WINDOW_MONTHS).withDayOfMonth(1);
    YearMonth duesFrom = YearMonth.from(from);
    YearMonth through = YearMonth.from(asOf).minusMonths(1);
    // Meetings and dues are many (a county-year: ~7,000 and ~55,000); the rules read only a
    // meeting's type and date and a payment's month, so those come from their columns, not from
    // parsing each record's JSON, and only the rows the window can look at are read: meetings from
    // the first day of the window's year (a yearly or quarterly period may start before the window)
    // through asOf, payments of the window's months.
    Map<String, List<Meeting>> meetings = new HashMap<>();
    jdbc.query(
        "select m.meeting_id, m.org_id, m.meeting_type, m.meeting_date from gov_party_meeting m"
            + " join gov_party_org o on o.org_id = m.org_id"
            + " where o.region like ? and m.meeting_date >= ? and m.meeting_date <= ?",
        rs -> {
          Meeting meeting =
              new Meeting(
                  rs.getString(1),
                  rs.getString(2),
                  Meeting.Type.valueOf(rs.getString(3)),
                  LocalDate.parse(rs.getString(4)),
                  null,
                  null,
                  List.of(),
                  0,
                  0,
                  null,
                  null,
                  null);
          meetings.computeIfAbsent(meeting.orgId(), k -> new ArrayList<>()).add(meeting);
        },
        scope + "%",
        from.withDayOfYear(1).toString(),
        asOf.toString());
    Map<String, List<Member>> members = new HashMap<>();
    jdbc.query(
        "select value_json from gov_party_member where region like ?",
        rs -> {
          Member member = CanonicalJson.read(rs.getString(1), Member.class);
          members.computeIfAbsent(member.orgId(), k -> new ArrayList<>()).add(member);
        },
        scope + "%");
    Map<String, List<Dues>> dues = new HashMap<>();
    jdbc.query(
        "select d.member_id, d.org_id, d.dues_month, d.amount_fen, d.paid_on, d.on_time"
            + " from gov_party_dues d join gov_party_member m on m.member_id = d.member_id"
            + " where m.region like ? and d.dues_month >= ? and d.dues_month <= ?",
        rs -> {
          Dues paid =
              new Dues(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  null,
                  null,
                  rs.getLong(4),
                  LocalDate.parse(rs.getString(5)),
                  rs.getBoolean(6),
                  0,
                  null,
                  null,
                  null);
          dues.computeIfAbsent(paid.memberId(), k -> new ArrayList<>()).add(paid);
        },
        scope + "%",
        duesFrom.toString(),
        through.toString());
    var result = new ArrayList<Branch>();
    for (Organisation org : orgs) {
      List<MeetingSchedule.Overdue> overdue =
          rules.isEmpty() || org.establishedOn().isAfter(asOf)
              ? List.of()
              : MeetingSchedule.overdue(
                  org, meetings.getOrDefault(org.orgId(), List.of()), rules, from, asOf);
      List<Member> branchMembers = members.getOrDefault(org.orgId(), List.of());
      var arrears = new ArrayList<DuesLedger.Arrears>();
      int pipeline = 0;
      for (Member member : branchMembers) {
        if (member.stage().isMember() && member.duesFrom().isPresent()) {
          DuesLedger.Arrears a =
              DuesLedger.arrears(
                  member, dues.getOrDefault(member.memberId(), List.of()), duesFrom, through);
          if (!a.unpaidMonths().isEmpty()) {
            arrears.add(a);
          }
        }
        if (member.stage() != cn.xianglian.chaincode.party.domain.Stage.FULL) {
          pipeline++;
        }
      }
      arrears.sort(java.util.Comparator.comparing(DuesLedger.Arrears::memberId));
      result.add(
          new Branch(
              org.orgId(),
              org.name(),
              org.region().code(),
              org.region().township9() + "000",
              txIds.get(org.orgId()),
              ledger.get(org.orgId())[0],
              overdue,
              arrears,
              branchMembers.size(),
              pipeline));
    }
    return result;
  }

  /** Totals per township of {@link #branches}, in township order. */
  public List<Township> townships(String scope, LocalDate asOf) {
    Map<String, String> names = new HashMap<>();
    jdbc.query(
        "select township, name from gov_party_org where kind = 'COMMITTEE' and region = township"
            + " and region like ?",
        rs -> {
          names.put(rs.getString(1), rs.getString(2));
        },
        scope + "%");
    Map<String, int[]> totals = new TreeMap<>();
    for (Branch b : branches(scope, asOf)) {
      int[] t = totals.computeIfAbsent(b.township(), k -> new int[7]);
      t[0]++;
      t[1] += b.overdueCount();
      t[2] += b.overdueCount() > 0 ? 1 : 0;
      t[3] += b.membersInArrears();
      t[4] += b.unpaidMonths();
      t[5] += b.lapsed();
      t[6] += b.inPipeline();
    }
    return totals.entrySet().stream()
        .map(
            e ->
                new Township(
                    e.getKey(),
                    names.get(e.getKey()),
                    e.getValue()[0],
                    e.getValue()[1],
                    e.getValue()[2],
                    e.getValue()[3],
                    e.getValue()[4],
                    e.getValue()[5],
                    e.getValue()[6]))
        .toList();
  }

  /** An organisation's name and region, if projected. */
  public Optional<Map<String, Object>> organisation(String orgId) {
    return jdbc
        .queryForList(
            "select org_id, kind, name, region, township, parent_id, established_on, tx_id,"
                + " block_number from gov_party_org where org_id = ?",
            orgId)
        .stream()
        .findFirst();
  }

  /** The organisation's meetings, newest first. */
  public List<MeetingRow> meetings(String orgId) {
    return jdbc.query(
        "select meeting_id, meeting_type, meeting_date, topic, present_count, absent_count, tx_id,"
            + " block_number from gov_party_meeting where org_id = ?"
            + " order by meeting_date desc, meeting_id",
        (rs, n) ->
            new MeetingRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getInt(5),
                rs.getInt(6),
                rs.getString(7),
                rs.getLong(8)),
        orgId);
  }

  /** The branch's members (pseudonymous ids and stages). */
  public List<MemberRow> members(String orgId) {
    return jdbc.query(
        "select member_id, stage, tx_id, block_number from gov_party_member where org_id = ?"
            + " order by member_id",
        (rs, n) -> new MemberRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)),
        orgId);
  }

  /**
   * Published 党外 (PUBLIC) items within {@code scope}, newest review first. 党内 items, pending and
   * rejected items are never returned: the filter is in this query, not in a page.
   */
  public List<PublicationRow> publicItems(String scope, String orgId) {
    return jdbc.query(
        "select p.publication_id, p.org_id, o.name, p.region, p.scope, p.category, p.title,"
            + " p.content_sha256, p.status, p.reviewed_at, p.tx_id, p.block_number"
            + " from gov_party_publication p left join gov_party_org o on o.org_id = p.org_id"
            + " where p.scope = 'PUBLIC' and p.status = 'PUBLISHED' and p.region like ?"
            + (orgId == null ? "" : " and p.org_id = ?")
            + " order by p.reviewed_at desc, p.publication_id",
        (rs, n) ->
            new PublicationRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getLong(12)),
        orgId == null ? new Object[] {scope + "%"} : new Object[] {scope + "%", orgId});
  }

  private List<PartyRules> rules() {
    return jdbc.query(
        "select value_json from gov_party_rules order by county, version",
        (rs, n) -> CanonicalJson.read(rs.getString(1), PartyRules.class));
  }
}
