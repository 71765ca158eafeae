package cn.xianglian.app.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.xianglian.chaincode.common.CanonicalJson;
import cn.xianglian.chaincode.domain.RegionCode;
import cn.xianglian.chaincode.party.domain.Dues;
import cn.xianglian.chaincode.party.domain.Meeting;
import cn.xianglian.chaincode.party.domain.Member;
import cn.xianglian.chaincode.party.domain.Organisation;
import cn.xianglian.chaincode.party.domain.PartyRules;
import cn.xianglian.chaincode.party.domain.Stage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Server time of the governance pages (网格治理, 党务合规) with a county's year in the {@code gov_*} tables
 * (a benchmark, not a test: it runs only with {@code -Dxl.bench=true}, in its own data directory).
 * Fills 161 villages (11 townships) × 2026: per village 2 grids and 100 grid events of 8 steps each
 * (statuses, due times, escalations and ratings mixed; 6 departments), one 党支部 with 30 members (27
 * 正式党员, 3 in the pipeline), its 三会一课 and 主题党日 (monthly 支委会, 党小组会 and 主题党日, quarterly 党员大会 and 党课;
 * one branch in seven misses a month) with attendance, and monthly 党费 per member (one member in ten
 * misses two months); then requests each governance page with the roles the pages allow (county
 * auditor, township user) and prints the median, p95 and max server time (MockMvc: controller,
 * queries and template, no network).
 *
 * <pre>{@code ./mvnw -pl client-app -am test -Dtest=GovernanceDashboardBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dxl.bench=true}</pre>
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = {"xl.demo.enabled=true", "xl.projection.enabled=false"})
@DisplayName("Governance dashboard benchmark")
class GovernanceDashboardBenchmark {

  private static final Path dataDir =
      Path.of("target", "governance-bench", UUID.randomUUID().toString()).toAbsolutePath();
  private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
  private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, CHINA);
  private static final String SHA = "0".repeat(64);
  private static final String AUDITOR = "county-auditor";
  private static final String TOWNSHIP = "wenquan-station"; // 520122101000

  @DynamicPropertySource
  static void dataDirectory(DynamicPropertyRegistry registry) {
    registry.add("xl.data.dir", () -> dataDir.toString());
  }

  @Autowired WebApplicationContext context;
  @Autowired JdbcTemplate jdbc;

  @Test
  @DisplayName("governance pages with 161 villages × 1 year")
  void governancePages() throws Exception {
    assumeTrue(Boolean.getBoolean("xl.bench"), "benchmark: run with -Dxl.bench=true");
    long fillStart = System.nanoTime();
    fill();
    double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
    MockMvc mvc =
        MockMvcBuilders.webAppContextSetup(context)
            .apply(SecurityMockMvcConfigurers.springSecurity())
            .build();
    String asOf = "?asOf=2027-01-01";
    String[][] pages = {
      {AUDITOR, "/web/governance/grid"},
      {TOWNSHIP, "/web/governance/grid"},
      {AUDITOR, "/web/governance/grid/townships/520122101000"},
      {AUDITOR, "/web/governance/grid/departments/BENCH-DEPT-3"},
      {AUDITOR, "/web/governance/grid/events/GE-520122101005-042"},
      {AUDITOR, "/web/governance/party" + asOf},
      {TOWNSHIP, "/web/governance/party" + asOf},
      {AUDITOR, "/web/governance/party/townships/520122101000" + asOf},
      {AUDITOR, "/web/governance/party/branches/BR-520122101005" + asOf},
    };
    System.out.printf(
        "BENCH governance data: %d grid events, %d steps, %d branches, %d members, %d meetings,"
            + " %d dues filled in %.1f s; load average %.1f%n",
        count("gov_grid_event"),
        count("gov_grid_step"),
        jdbc.queryForObject("select count(*) from gov_party_org where kind = 'BRANCH'", Long.class),
        count("gov_party_member"),
        count("gov_party_meeting"),
        count("gov_party_dues"),
        fillSeconds,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    for (String[] page : pages) {
      for (int warm = 0; warm < 5; warm++) {
        request(mvc, page[0], page[1]);
      }
      int runs = 30;
      long[] millis = new long[runs];
      for (int r = 0; r < runs; r++) {
        long start = System.nanoTime();
        request(mvc, page[0], page[1]);
        millis[r] = (System.nanoTime() - start) / 1_000_000;
      }
      Arrays.sort(millis);
      System.out.printf(
          "BENCH %-16s %-62s median %4d ms  p95 %4d ms  max %4d ms%n",
          page[0], page[1], millis[runs / 2], millis[(int) (runs * 0.95)], millis[runs - 1]);
    }
  }

  private static void request(MockMvc mvc, String username, String page) throws Exception {
    MvcResult result = mvc.perform(get(page).with(user(username))).andReturn();
    assertThat(result.getResponse().getStatus()).as(page).isEqualTo(200);
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  /** Synthetic rows straight into the read models (they are not on the ledger). */
  private void fill() {
    PartyRules rules =
        new PartyRules(
            RegionCode.of("520122000000"),
            1,
            LocalDate.parse("2020-01-01"),
            List.of(
                new PartyRules.MeetingRule(
                    Meeting.Type.BRANCH_ASSEMBLY, PartyRules.Frequency.QUARTERLY),
                new PartyRules.MeetingRule(
                    Meeting.Type.BRANCH_COMMITTEE, PartyRules.Frequency.MONTHLY),
                new PartyRules.MeetingRule(
                    Meeting.Type.GROUP_MEETING, PartyRules.Frequency.MONTHLY),
                new PartyRules.MeetingRule(
                    Meeting.Type.PARTY_LECTURE, PartyRules.Frequency.QUARTERLY),
                new PartyRules.MeetingRule(Meeting.Type.THEME_DAY, PartyRules.Frequency.MONTHLY)),
            List.of(
                new PartyRules.DuesBracket(300_000L, 50), new PartyRules.DuesBracket(null, 200)),
            List.of(new PartyRules.FlatDues(Dues.Category.FARMER, 20, 100)),
            List.of(
                new PartyRules.StageRule(Stage.CANDIDATE, 12),
                new PartyRules.StageRule(Stage.FULL, 12)),
            List.of(new PartyRules.PointRule("MEETING_PRESENT", "参加", 2)),
            "bench",
            tx(),
            T0);
    jdbc.update(
        "insert into gov_party_rules (county, version, effective_from, tx_id, block_number,"
            + " value_sha256, value_json) values (?, ?, ?, ?, ?, ?, ?)",
        "520122000000",
        1,
        "2020-01-01",
        rules.txId(),
        1L,
        SHA,
        CanonicalJson.text(rules));
    var departments = new ArrayList<Object[]>();
    for (int d = 0; d < 6; d++) {
      departments.add(new Object[] {"BENCH-DEPT-" + d, "部门" + d, "520122000000", tx(), 1L});
    }
    jdbc.batchUpdate(
        "insert into gov_grid_department (department_id, name, region, tx_id, block_number)"
            + " values (?, ?, ?, ?, ?)",
        departments);
    for (int t = 0; t < 11; t++) {
      String township9 = "520122" + String.format("%03d", 100 + t);
      String township = township9 + "000";
      org(
          new Organisation(
              "PC-" + township,
              Organisation.Kind.COMMITTEE,
              "乡镇党委" + t,
              RegionCode.of(township),
              null,
              LocalDate.parse("2010-01-01"),
              "bench",
              tx(),
              T0));
      int villages = t < 7 ? 15 : 14; // 7 × 15 + 4 × 14 = 161
      for (int v = 0; v < villages; v++) {
        String village = township9 + String.format("%03d", v + 1);
        fillGrid(village, township);
        fillParty(village, township, v);
      }
    }
  }

  private void fillGrid(String village, String township) {
    String[] actions = {
      "REPORT", "ACCEPT", "DISPATCH", "HANDLE", "VERIFY", "CLOSE", "RATE", "COMMENT"
    };
    String[] statuses = {
      "REPORTED", "ACCEPTED", "DISPATCHED", "HANDLED", "VERIFIED", "CLOSED", "RATED", "RATED"
    };
    var events = new ArrayList<Object[]>();
    var steps = new ArrayList<Object[]>();
    for (int n = 0; n < 100; n++) {
      String id = String.format("GE-%s-%03d", village, n);
      OffsetDateTime reported = T0.plusHours(n * 87L + village.hashCode() % 24 + 24);
      long reportedEpoch = reported.toEpochSecond();
      long due = reportedEpoch + 72 * 3600;
      // 1 in 20 rejected, 1 in 10 still open, the rest through 结案 (1 in 8 late) and rated.
      int reached = n % 20 == 0 ? 2 : n % 10 == 5 ? 3 : 8;
      String status = n % 20 == 0 ? "REJECTED" : statuses[reached - 1];
      Long handled = reached >= 4 ? reportedEpoch + (n % 3 == 0 ? 30 : 12) * 3600L : null;
      Long closed = reached >= 6 ? reportedEpoch + (n % 8 == 0 ? 96 : 48) * 3600L : null;
      String department = n % 20 == 0 ? null : "BENCH-DEPT-" + (n % 6);
      String tx = tx();
      events.add(
          new Object[] {
            id,
            n % 2 == 0 ? "ENVIRONMENT" : "DISPUTE",
            "GRID-" + village + "-" + (n % 2),
            village,
            township,
            department,
            status,
            "网格事件 " + n,
            reported.toString(),
            reportedEpoch,
            reported.plusHours(72).toString(),
            due,
            handled,
            closed,
            n % 8 == 0 ? 1 : 0,
            n % 8 == 0 ? 1 : 0,
            reached >= 7 ? 1 + n % 5 : null,
            tx,
            5000L + n,
            SHA,
            "{}"
          });
      for (int s = 0; s < 8; s++) {
        String at = reported.plusHours(s * 6L).toString();
        steps.add(
            new Object[] {
              id,
              s,
              actions[s],
              s == 0 ? null : statuses[s - 1],
              statuses[s],
              "GridOrgMSP/网格员",
              "gridworker",
              at,
              at,
              s == 7 ? tx : tx(),
              s >= 2 ? department : null,
              n % 8 == 0 && s == 5
            });
      }
    }
    jdbc.batchUpdate(
        "insert into gov_grid_event (event_id, category, grid_id, village, township,"
            + " department_id, status, title, reported_at, reported_epoch, due_at, due_epoch,"
            + " handled_epoch, closed_epoch, escalation_level, late_steps, rating, tx_id,"
            + " block_number, value_sha256, value_json)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        events);
    jdbc.batchUpdate(
        "insert into gov_grid_step (event_id, seq, action, from_status, to_status, actor,"
            + " actor_role, at_time, recorded_at, step_tx_id, department_id, late)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        steps);
  }

  private void fillParty(String village, String township, int v) {
    String branch = "BR-" + village;
    RegionCode region = RegionCode.of(village);
    org(
        new Organisation(
            branch,
            Organisation.Kind.BRANCH,
            "村党支部 " + village,
            region,
            "PC-" + township,
            LocalDate.parse("2015-01-01"),
            "bench",
            tx(),
            T0));
    var members = new ArrayList<Object[]>();
    var memberIds = new ArrayList<String>();
    var dues = new ArrayList<Object[]>();
    for (int m = 0; m < 30; m++) {
      String id = String.format("PM-%s-%02d", village, m);
      memberIds.add(id);
      Stage stage =
          m < 27
              ? Stage.FULL
              : m == 27 ? Stage.PROBATIONARY : m == 28 ? Stage.CANDIDATE : Stage.APPLICANT;
      var entries = new ArrayList<Member.StageEntry>();
      Stage[] path = {
        Stage.APPLICANT, Stage.ACTIVIST, Stage.CANDIDATE, Stage.PROBATIONARY, Stage.FULL
      };
      for (int s = 0; s <= stage.ordinal(); s++) {
        entries.add(
            new Member.StageEntry(
                path[s],
                LocalDate.parse(m < 27 ? "2018-01-01" : "2025-06-01").plusMonths(s),
                path[s] == Stage.PROBATIONARY ? List.of("PM-a", "PM-b") : List.of(),
                SHA,
                "bench",
                tx()));
      }
      Member member = new Member(id, branch, region, SHA, stage, entries, "bench", tx(), T0);
      members.add(
          new Object[] {
            id, branch, village, stage.name(), member.txId(), 2000L, SHA, CanonicalJson.text(member)
          });
      if (!stage.isMember()) {
        continue;
      }
      for (int month = 1; month <= 12; month++) {
        if (m % 10 == 3 && (month == 4 || month == 9)) {
          continue; // one member in ten misses two months
        }
        String ym = String.format("2026-%02d", month);
        LocalDate paidOn = LocalDate.parse(ym + "-10").plusDays(m % 7 == 0 ? 25 : 0);
        boolean onTime = paidOn.getMonthValue() == month;
        Dues paid =
            new Dues(
                id,
                branch,
                ym,
                Dues.Category.FARMER,
                null,
                50,
                paidOn,
                onTime,
                1,
                "bench",
                tx(),
                paidOn.atStartOfDay().atOffset(CHINA));
        dues.add(
            new Object[] {
              id,
              ym,
              branch,
              50L,
              paidOn.toString(),
              onTime,
              paid.txId(),
              3000L,
              SHA,
              CanonicalJson.text(paid)
            });
      }
    }
    var meetings = new ArrayList<Object[]>();
    for (int month = 1; month <= 12; month++) {
      var types = new ArrayList<Meeting.Type>();
      types.add(Meeting.Type.BRANCH_COMMITTEE);
      types.add(Meeting.Type.GROUP_MEETING);
      if (!(v % 7 == 0 && month == 5)) {
        types.add(Meeting.Type.THEME_DAY); // one branch in seven misses May's 主题党日
      }
      if (month % 3 == 0) {
        types.add(Meeting.Type.BRANCH_ASSEMBLY);
        types.add(Meeting.Type.PARTY_LECTURE);
      }
      for (Meeting.Type type : types) {
        var attendance = new ArrayList<Meeting.Attendance>();
        for (int a = 0; a < memberIds.size(); a++) {
          attendance.add(
              new Meeting.Attendance(memberIds.get(a), a % 9 != 4, a % 9 == 4 ? "外出务工" : null));
        }
        int present = (int) attendance.stream().filter(Meeting.Attendance::present).count();
        LocalDate date = LocalDate.of(2026, month, 5 + type.ordinal());
        Meeting meeting =
            new Meeting(
                String.format("MT-%s-%02d-%s", village, month, type.name()),
                branch,
                type,
                date,
                "学习会议 " + month,
                SHA,
                attendance,
                present,
                attendance.size() - present,
                "bench",
                tx(),
                date.atStartOfDay().atOffset(CHINA));
        meetings.add(
            new Object[] {
              meeting.meetingId(),
              branch,
              type.name(),
              date.toString(),
              meeting.topic(),
              present,
              attendance.size() - present,
              meeting.txId(),
              4000L,
              SHA,
              CanonicalJson.text(meeting)
            });
      }
    }
    jdbc.batchUpdate(
        "insert into gov_party_member (member_id, org_id, region, stage, tx_id, block_number,"
            + " value_sha256, value_json) values (?, ?, ?, ?, ?, ?, ?, ?)",
        members);
    jdbc.batchUpdate(
        "insert into gov_party_dues (member_id, dues_month, org_id, amount_fen, paid_on, on_time,"
            + " tx_id, block_number, value_sha256, value_json)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        dues);
    jdbc.batchUpdate(
        "insert into gov_party_meeting (meeting_id, org_id, meeting_type, meeting_date, topic,"
            + " present_count, absent_count, tx_id, block_number, value_sha256, value_json)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        meetings);
  }

  private void org(Organisation org) {
    jdbc.update(
        "insert into gov_party_org (org_id, kind, name, region, township, parent_id,"
            + " established_on, tx_id, block_number, value_sha256, value_json)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        org.orgId(),
        org.kind().name(),
        org.name(),
        org.region().code(),
        org.region().township9() + "000",
        org.parentId(),
        org.establishedOn().toString(),
        org.txId(),
        1000L,
        SHA,
        CanonicalJson.text(org));
  }

  private static String tx() {
    return UUID.randomUUID().toString().replace("-", "");
  }
}
