package cn.xianglian.app.projection;

import static cn.xianglian.app.projection.LedgerCounts.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.xianglian.app.governance.GridFigures;
import cn.xianglian.app.governance.PartyFigures;
import cn.xianglian.ledger.LedgerClient;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The governance read models (网格, 党务) over the demo dataset on the real embedded ledger: the
 * projected rows equal the ledger's records, the SLA equals the contract's own {@code
 * getSlaStatistics} (GridSla), compliance equals {@code overdueMeetings} / {@code duesArrears}, and
 * the pages show each user only its role and region, 404 for unknown ids, 党内 items never public.
 */
@DisplayName("Governance: grid SLA and party compliance")
class GovernanceTest extends DemoLedgerContext {

  static final String AUDITOR = "county-auditor";
  static final String COUNTY = "party-county";
  static final String TOWNSHIP = "wenquan-station"; // 520122101000
  static final String VILLAGER = "villager-demo";
  static final String PRODUCER = "coop-yongjing";
  static final String REGULATOR = "county-regulator";
  static final String PARTY_MEMBER = "party-member";
  static final String GRID_CENTER = "grid-center";

  @Autowired WebApplicationContext context;
  @Autowired LedgerClient ledger;
  @Autowired JdbcTemplate jdbc;
  @Autowired BlockProjector projector;
  @Autowired GridFigures grid;
  @Autowired PartyFigures party;

  final JsonMapper json = JsonMapper.builder().build();
  MockMvc mvc;

  @BeforeEach
  void setUp() {
    mvc =
        MockMvcBuilders.webAppContextSetup(context)
            .apply(SecurityMockMvcConfigurers.springSecurity())
            .build();
    projectWithGovernance(ledger, projector, jdbc);
  }

  /**
   * Projects the ledger through the application's projector (with its governance read models).
   * Other tests of this shared context project with a bare projector; then the governance tables
   * lag the checkpoint, and a rebuild replays everything.
   */
  static void projectWithGovernance(
      LedgerClient ledger, BlockProjector projector, JdbcTemplate jdbc) {
    long last = ledger.height() - 1;
    Long governed = jdbc.queryForObject("select max(block_number) from gov_grid_event", Long.class);
    boolean current =
        projector.checkpoint().lastBlock() == last
            && governed != null
            && governed.equals(
                jdbc.queryForObject(
                    "select max(block_number) from xl_key_write where object_type = 'xl.grid.event'",
                    Long.class));
    if (current) {
      return;
    }
    try (var runner = new ProjectionRunner(ledger, projector, null)) {
      runner.rebuild();
      await("projection", () -> runner.checkpoint() == last);
    }
  }

  @Nested
  @DisplayName("the projection")
  class Projection {

    @Test
    @DisplayName("holds every grid event as the ledger's getEvent returns it, with all its steps")
    void gridEventsEqualTheLedger() throws Exception {
      List<Map<String, Object>> rows =
          jdbc.queryForList("select event_id, value_json, tx_id from gov_grid_event");
      JsonNode total =
          api(get("/api/v1/grid/statistics").param("groupBy", "COUNTY"), null).path("total");
      assertThat(rows).hasSize(total.path("reported").asInt()).hasSizeGreaterThan(100);
      for (Map<String, Object> row : rows) {
        String id = (String) row.get("event_id");
        JsonNode onLedger = api(get("/api/v1/grid/events/" + id), GRID_CENTER);
        assertThat(json.readTree((String) row.get("value_json"))).as(id).isEqualTo(onLedger);
        JsonNode steps = onLedger.path("steps");
        assertThat(
                jdbc.queryForObject(
                    "select count(*) from gov_grid_step where event_id = ?", Integer.class, id))
            .isEqualTo(steps.size());
        // The row names the transaction that last wrote the record (a step or an escalation).
        assertThat(row.get("tx_id"))
            .isEqualTo(
                jdbc.queryForObject(
                    "select tx_id from xl_key_write where state_key = ?"
                        + " order by block_number desc, tx_index desc limit 1",
                    String.class,
                    "xl.grid.event/" + id));
      }
    }

    @Test
    @DisplayName("every step's transaction is a valid transaction of the projected blocks")
    void stepsNameLedgerTransactions() {
      for (var step : grid.steps(anyEventWithSteps(5))) {
        assertThat(step.blockNumber()).as(step.txId()).isNotNull();
        var ref = ledgerRef(step.txId());
        assertThat(ref.path("blockNumber").asLong()).isEqualTo(step.blockNumber());
      }
    }

    @Test
    @DisplayName("holds every party organisation, meeting and publication as the ledger has them")
    void partyRecordsEqualTheLedger() throws Exception {
      for (String id : jdbc.queryForList("select org_id from gov_party_org", String.class)) {
        assertThat(json.readTree(valueJson("gov_party_org", "org_id", id)))
            .isEqualTo(api(get("/api/v1/party/organisations/" + id), COUNTY));
      }
      List<String> meetings =
          jdbc.queryForList(
              "select meeting_id from gov_party_meeting order by meeting_id", String.class);
      assertThat(meetings).hasSizeGreaterThan(50);
      for (String id : meetings.subList(0, 40)) {
        assertThat(json.readTree(valueJson("gov_party_meeting", "meeting_id", id)))
            .isEqualTo(api(get("/api/v1/party/meetings/" + id), COUNTY));
      }
      List<String> items =
          jdbc.queryForList("select publication_id from gov_party_publication", String.class);
      assertThat(items).isNotEmpty();
      for (String id : items) {
        assertThat(json.readTree(valueJson("gov_party_publication", "publication_id", id)))
            .isEqualTo(api(get("/api/v1/party/publications/" + id), "party-xianwei"));
      }
    }

    @Test
    @DisplayName("a rebuild from block 0 gives the same governance rows")
    void rebuildIsIdempotent() {
      String before = fingerprint();
      try (var runner = new ProjectionRunner(ledger, projector, null)) {
        runner.rebuild();
        await("rebuild", () -> runner.checkpoint() == ledger.height() - 1);
      }
      assertThat(fingerprint()).isEqualTo(before);
    }

    private String fingerprint() {
      return jdbc.queryForList(
                  "select event_id, value_sha256, tx_id, block_number from gov_grid_event order by event_id")
              .toString()
          + jdbc.queryForList(
                  "select event_id, seq, step_tx_id from gov_grid_step order by event_id, seq")
              .toString()
          + jdbc.queryForList(
                  "select member_id, dues_month, value_sha256 from gov_party_dues order by member_id, dues_month")
              .toString();
    }
  }

  @Nested
  @DisplayName("the figures")
  class Figures {

    @ParameterizedTest(name = "grouped by {0}")
    @ValueSource(strings = {"TOWNSHIP", "DEPARTMENT"})
    @DisplayName("the grid SLA equals the contract's getSlaStatistics (GridSla) group by group")
    void slaEqualsTheContract(String groupBy) throws Exception {
      for (String asOf : List.of("2025-06-30T12:00:00+08:00", "2026-11-24T12:00:00+08:00")) {
        JsonNode report =
            api(
                get("/api/v1/grid/statistics")
                    .param("scope", "520122")
                    .param("groupBy", groupBy)
                    .param("asOf", asOf),
                null);
        List<GridFigures.Sla> ours =
            grid.sla(
                GridFigures.By.valueOf(groupBy),
                "520122",
                OffsetDateTime.parse(asOf).toEpochSecond());
        JsonNode groups = report.path("groups");
        assertThat(ours).hasSize(groups.size()).hasSizeGreaterThan(1);
        for (int i = 0; i < groups.size(); i++) {
          JsonNode theirs = groups.get(i);
          GridFigures.Sla mine = ours.get(i);
          String key = theirs.path("key").asString();
          assertThat(groupBy.equals("TOWNSHIP") ? key + "000" : key).isEqualTo(mine.key());
          assertThat(
                  List.of(
                      mine.reported(),
                      mine.rejected(),
                      mine.handled(),
                      mine.handledWithin24h(),
                      mine.closed(),
                      mine.closedOnTime(),
                      mine.openOverdue(),
                      mine.escalated(),
                      String.valueOf(mine.handledRateBp()),
                      String.valueOf(mine.onTimeRateBp()),
                      String.valueOf(mine.within24hRateBp())))
              .as(groupBy + " " + key + " as of " + asOf)
              .isEqualTo(
                  List.of(
                      theirs.path("reported").asInt(),
                      theirs.path("rejected").asInt(),
                      theirs.path("handled").asInt(),
                      theirs.path("handledWithin24h").asInt(),
                      theirs.path("closed").asInt(),
                      theirs.path("closedOnTime").asInt(),
                      theirs.path("openOverdue").asInt(),
                      theirs.path("escalated").asInt(),
                      rate(theirs, "handledRateBp"),
                      rate(theirs, "onTimeRateBp"),
                      rate(theirs, "within24hRateBp")));
        }
      }
      // The demo has late, escalated and overdue events: the comparison is not over zeros.
      var all =
          grid.sla(
              GridFigures.By.TOWNSHIP,
              "520122",
              OffsetDateTime.parse("2025-06-30T12:00:00+08:00").toEpochSecond());
      assertThat(all.stream().mapToInt(GridFigures.Sla::escalated).sum()).isPositive();
      assertThat(all.stream().mapToInt(GridFigures.Sla::openOverdue).sum()).isPositive();
    }

    @Test
    @DisplayName(
        "at the boundaries: handled after exactly 24 h counts as within 24 h, closed exactly at"
            + " dueAt is on time, open exactly at dueAt is not yet overdue, a rejected event is"
            + " left out of the handled rate")
    void boundaries() {
      long report = 1_750_000_000L;
      long due = report + 48 * 3600;
      try {
        insertEvent("B-1", "CLOSED", report, due, report + 86_400, due, 0);
        insertEvent("B-2", "RATED", report, due, report + 86_401, due + 1, 1);
        insertEvent("B-3", "CLAIMED", report, due, null, null, 0);
        insertEvent("B-4", "REJECTED", report, due, null, null, 0);
        GridFigures.Sla atDue = grid.sla(GridFigures.By.TOWNSHIP, "529999", due).getFirst();
        assertThat(atDue.key()).isEqualTo("529999100000");
        assertThat(List.of(atDue.reported(), atDue.rejected(), atDue.handled()))
            .isEqualTo(List.of(4, 1, 2));
        assertThat(List.of(atDue.handledWithin24h(), atDue.closed(), atDue.closedOnTime()))
            .isEqualTo(List.of(1, 2, 1));
        assertThat(atDue.openOverdue()).isZero();
        assertThat(atDue.escalated()).isEqualTo(1);
        assertThat(atDue.handledRateBp()).isEqualTo(6667); // 2 / (4 − 1), half up
        assertThat(atDue.onTimeRateBp()).isEqualTo(5000);
        assertThat(grid.sla(GridFigures.By.TOWNSHIP, "529999", due + 1).getFirst().openOverdue())
            .isEqualTo(1);
        assertThat(GridFigures.Sla.percent(6667)).isEqualTo("66.67%");
        assertThat(GridFigures.Sla.percent(null)).isEqualTo("—");
      } finally {
        jdbc.update("delete from gov_grid_event where village like '529999%'");
      }
    }

    private void insertEvent(
        String id, String status, long reported, long due, Long handled, Long closed, int level) {
      jdbc.update(
          "insert into gov_grid_event (event_id, category, grid_id, village, township, status,"
              + " title, reported_at, reported_epoch, due_at, due_epoch, handled_epoch,"
              + " closed_epoch, escalation_level, late_steps, tx_id, block_number, value_sha256,"
              + " value_json) values (?, 'SANITATION', 'G-X', '529999100201', '529999100000', ?,"
              + " 't', 'r', ?, 'd', ?, ?, ?, ?, 0, 'tx', 0, 'sha', '{}')",
          id,
          status,
          reported,
          due,
          handled,
          closed,
          level);
    }

    @Test
    @DisplayName("overdue meetings and dues arrears of every branch equal the contract's answers")
    void complianceEqualsTheContract() throws Exception {
      LocalDate asOf = LocalDate.of(2026, 1, 15);
      List<PartyFigures.Branch> branches = party.branches("520122", asOf);
      assertThat(branches).hasSizeGreaterThan(5);
      int overdue = 0;
      int arrears = 0;
      for (PartyFigures.Branch b : branches) {
        JsonNode theirs =
            api(
                get("/api/v1/party/organisations/" + b.orgId() + "/overdue-meetings")
                    .param("asOf", asOf.toString())
                    .param("from", "2025-01-01"),
                COUNTY);
        assertThat(
                b.overdueMeetings().stream()
                    .map(o -> o.type() + "@" + o.period())
                    .sorted()
                    .toList())
            .as(b.orgId())
            .isEqualTo(
                stream(theirs)
                    .map(o -> o.path("type").asString() + "@" + o.path("period").asString())
                    .sorted()
                    .toList());
        JsonNode unpaid =
            api(
                get("/api/v1/party/organisations/" + b.orgId() + "/arrears")
                    .param("through", "2025-12")
                    .param("from", "2025-01"),
                COUNTY);
        assertThat(b.arrears().stream().map(a -> a.memberId() + a.unpaidMonths()).sorted().toList())
            .as(b.orgId())
            .isEqualTo(
                stream(unpaid)
                    .filter(a -> !a.path("unpaidMonths").isEmpty())
                    .map(
                        a ->
                            a.path("memberId").asString()
                                + stream(a.path("unpaidMonths")).map(JsonNode::asString).toList())
                    .sorted()
                    .toList());
        overdue += b.overdueCount();
        arrears += b.membersInArrears();
      }
      assertThat(overdue).as("the demo skips meetings").isPositive();
      assertThat(arrears).as("the demo has a member who stopped paying").isPositive();
    }
  }

  @Nested
  @DisplayName("the grid pages")
  class GridPages {

    @Test
    @DisplayName("the county auditor sees every township and department, with the SLA rates")
    void auditor() throws Exception {
      String page = body(get("/web/governance/grid").with(user(AUDITOR)), 200);
      assertThat(page)
          .contains("网格治理")
          .contains("按时结案率")
          .contains("520122101000")
          .contains("520122100000");
      assertThat(page).contains("/web/governance/grid/departments/");
    }

    @Test
    @DisplayName("a township sees only its township; another township's events are a 403 page")
    void township() throws Exception {
      String page = body(get("/web/governance/grid").with(user(TOWNSHIP)), 200);
      assertThat(page).contains("520122101000").doesNotContain("520122100000");
      body(get("/web/governance/grid/townships/520122101000").with(user(TOWNSHIP)), 200);
      body(get("/web/governance/grid/townships/520122100000").with(user(TOWNSHIP)), 403);
      String other =
          jdbc.queryForObject(
              "select min(event_id) from gov_grid_event where township = '520122100000'",
              String.class);
      body(get("/web/governance/grid/events/" + other).with(user(TOWNSHIP)), 403);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {VILLAGER, PRODUCER, REGULATOR, PARTY_MEMBER, "grid-villager"})
    @DisplayName("villagers, producers and other roles get a 403 page on every governance page")
    void denied(String username) throws Exception {
      String event = anyEventWithSteps(3);
      String branch =
          jdbc.queryForObject(
              "select min(org_id) from gov_party_org where kind = 'BRANCH'", String.class);
      for (String url :
          List.of(
              "/web/governance/grid",
              "/web/governance/grid/townships/520122100000",
              "/web/governance/grid/departments/D-XF-ENV",
              "/web/governance/grid/events/" + event,
              "/web/governance/party",
              "/web/governance/party/townships/520122100000",
              "/web/governance/party/branches/" + branch,
              "/web/governance/export/grid-sla-townships.csv",
              "/web/governance/export/party-compliance.xlsx")) {
        body(get(url).with(user(username)), 403);
      }
    }

    @Test
    @DisplayName("the header links to the governance pages only for users who may open them")
    void headerLinks() throws Exception {
      assertThat(body(get("/web/audit").with(user(AUDITOR)), 200))
          .contains("/web/governance/grid")
          .contains("/web/governance/party");
      assertThat(body(get("/web/my/batches").with(user(PRODUCER)), 200))
          .doesNotContain("/web/governance/grid")
          .contains("/public/party");
    }

    @Test
    @DisplayName("the pages are Chinese by default and English with lang=en")
    void languages() throws Exception {
      assertThat(body(get("/web/governance/grid").with(user(AUDITOR)), 200)).contains("按时结案率");
      assertThat(body(get("/web/governance/grid").param("lang", "en").with(user(AUDITOR)), 200))
          .contains("On-time closure rate")
          .doesNotContain("按时结案率");
      assertThat(body(get("/web/governance/party").param("lang", "en").with(user(AUDITOR)), 200))
          .contains("Party affairs compliance");
      assertThat(body(get("/public/party").param("lang", "en"), 200))
          .contains("Party affairs disclosure (public items)");
    }

    @Test
    @DisplayName("anonymous users are sent to the login form")
    void anonymous() throws Exception {
      MvcResult result = mvc.perform(get("/web/governance/grid")).andReturn();
      assertThat(result.getResponse().getStatus()).isEqualTo(302);
    }

    @Test
    @DisplayName("unknown events, departments and malformed townships are the 404 page")
    void notFound() throws Exception {
      body(get("/web/governance/grid/events/GE-NO-SUCH").with(user(AUDITOR)), 404);
      body(get("/web/governance/grid/departments/D-NO-SUCH").with(user(AUDITOR)), 404);
      body(get("/web/governance/grid/townships/5201221").with(user(AUDITOR)), 404);
      body(get("/web/governance/grid/townships/520122101201").with(user(AUDITOR)), 404);
      body(get("/web/governance/export/grid-sla-townships.pdf").with(user(AUDITOR)), 404);
      body(get("/web/governance/export/nothing.csv").with(user(AUDITOR)), 404);
    }

    @Test
    @DisplayName("an event's page lists its steps, each with its transaction id and block")
    void eventSteps() throws Exception {
      String id = anyEventWithSteps(6);
      String page = body(get("/web/governance/grid/events/" + id).with(user(AUDITOR)), 200);
      for (var step : grid.steps(id)) {
        assertThat(page).contains(step.txId()).contains(">" + step.blockNumber() + "<");
      }
    }

    @Test
    @DisplayName("the township drill-down lists exactly the township's events")
    void townshipEvents() throws Exception {
      String page =
          body(get("/web/governance/grid/townships/520122102000").with(user(AUDITOR)), 200);
      List<String> ids =
          jdbc.queryForList(
              "select event_id from gov_grid_event where township = '520122102000'", String.class);
      assertThat(ids).isNotEmpty();
      ids.forEach(id -> assertThat(page).contains(">" + id + "<"));
      assertThat(count(page, "class=\"event\"")).isEqualTo(ids.size());
    }

    @Test
    @DisplayName("the SLA exports: CSV with one row per township, XLSX per department")
    void exports() throws Exception {
      String csv =
          body(get("/web/governance/export/grid-sla-townships.csv").with(user(AUDITOR)), 200);
      assertThat(csv.lines().findFirst().orElseThrow()).startsWith("\uFEFFtownship,name,reported,");
      long townships =
          jdbc.queryForObject("select count(distinct township) from gov_grid_event", Long.class);
      assertThat(csv.lines()).hasSize((int) townships + 1);
      MvcResult xlsx =
          mvc.perform(get("/web/governance/export/grid-sla-departments.xlsx").with(user(AUDITOR)))
              .andReturn();
      try (var workbook =
          new org.apache.poi.xssf.usermodel.XSSFWorkbook(
              new java.io.ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
        long departments =
            jdbc.queryForObject(
                "select count(distinct department_id) from gov_grid_event", Long.class);
        assertThat(workbook.getSheetAt(0).getPhysicalNumberOfRows())
            .isEqualTo((int) departments + 1);
      }
      String own =
          body(get("/web/governance/export/grid-sla-townships.csv").with(user(TOWNSHIP)), 200);
      assertThat(own.lines()).hasSize(2);
      assertThat(own).contains("520122101000").doesNotContain("520122100000");
    }
  }

  @Nested
  @DisplayName("the party pages")
  class PartyPages {

    @Test
    @DisplayName("the county sees every township's compliance; a township only its own")
    void scope() throws Exception {
      String county =
          body(get("/web/governance/party").param("asOf", "2026-01-15").with(user(COUNTY)), 200);
      assertThat(county).contains("党务合规").contains("520122101000").contains("520122100000");
      String auditor = body(get("/web/governance/party").with(user(AUDITOR)), 200);
      assertThat(auditor).contains("520122102000");
      String own = body(get("/web/governance/party").with(user(TOWNSHIP)), 200);
      assertThat(own).contains("520122101000").doesNotContain("520122100000");
      body(get("/web/governance/party/townships/520122100000").with(user(TOWNSHIP)), 403);
      String foreign =
          jdbc.queryForObject(
              "select min(org_id) from gov_party_org where kind = 'BRANCH' and township = '520122100000'",
              String.class);
      body(get("/web/governance/party/branches/" + foreign).with(user(TOWNSHIP)), 403);
    }

    @Test
    @DisplayName("a branch page shows its meetings with their transactions and its overdue periods")
    void branch() throws Exception {
      String branch =
          jdbc.queryForObject(
              "select min(org_id) from gov_party_org where kind = 'BRANCH' and township = '520122101000'",
              String.class);
      String page =
          body(
              get("/web/governance/party/branches/" + branch)
                  .param("asOf", "2026-01-15")
                  .with(user(TOWNSHIP)),
              200);
      for (var meeting : party.meetings(branch)) {
        assertThat(page).contains(meeting.txId());
      }
      var figures =
          party.branches("520122101", LocalDate.of(2026, 1, 15)).stream()
              .filter(b -> b.orgId().equals(branch))
              .findFirst()
              .orElseThrow();
      figures.overdueMeetings().forEach(o -> assertThat(page).contains(o.period()));
    }

    @Test
    @DisplayName("unknown branches, organisations that are not branches and bad dates are refused")
    void notFound() throws Exception {
      body(get("/web/governance/party/branches/NO-SUCH-ORG").with(user(AUDITOR)), 404);
      String committee =
          jdbc.queryForObject(
              "select min(org_id) from gov_party_org where kind = 'COMMITTEE'", String.class);
      body(get("/web/governance/party/branches/" + committee).with(user(AUDITOR)), 404);
      body(get("/web/governance/party").param("asOf", "2026-13-45").with(user(AUDITOR)), 400);
      body(get("/web/governance/party/townships/52012210100").with(user(AUDITOR)), 404);
    }

    @Test
    @DisplayName("the compliance export has one row per branch in the user's scope")
    void export() throws Exception {
      String csv =
          body(get("/web/governance/export/party-compliance.csv").with(user(TOWNSHIP)), 200);
      long branches =
          jdbc.queryForObject(
              "select count(*) from gov_party_org where kind = 'BRANCH' and township = '520122101000'",
              Long.class);
      assertThat(branches).isPositive();
      assertThat(csv.lines()).hasSize((int) branches + 1);
    }
  }

  @Nested
  @DisplayName("the public 党务公开 pages")
  class PublicPages {

    @Test
    @DisplayName(
        "show published 党外 items without a login, and never a 党内, pending or rejected item")
    void onlyPublishedPublicItems() throws Exception {
      List<Map<String, Object>> items =
          jdbc.queryForList(
              "select publication_id, org_id, title, scope, status from gov_party_publication");
      assertThat(items)
          .anyMatch(i -> "INNER".equals(i.get("scope")) && "PUBLISHED".equals(i.get("status")));
      assertThat(items)
          .anyMatch(i -> "PUBLIC".equals(i.get("scope")) && "PUBLISHED".equals(i.get("status")));
      String list = body(get("/public/party"), 200);
      for (Map<String, Object> item : items) {
        boolean shown =
            "PUBLIC".equals(item.get("scope")) && "PUBLISHED".equals(item.get("status"));
        String marker = "data-id=\"" + item.get("publication_id") + "\"";
        assertThat(list.contains(marker)).as(item.toString()).isEqualTo(shown);
        String orgPage = body(get("/public/party/" + item.get("org_id")), 200);
        assertThat(orgPage.contains(marker)).as(item.toString()).isEqualTo(shown);
        if (!shown) {
          assertThat(list).doesNotContain((String) item.get("title"));
          assertThat(orgPage).doesNotContain((String) item.get("title"));
        }
      }
    }

    @Test
    @DisplayName("an unknown organisation is the 404 page")
    void unknown() throws Exception {
      body(get("/public/party/NO-SUCH-ORG"), 404);
    }
  }

  private String anyEventWithSteps(int steps) {
    return jdbc.queryForObject(
        "select min(event_id) from gov_grid_event e where (select count(*) from gov_grid_step s"
            + " where s.event_id = e.event_id) >= ?",
        String.class,
        steps);
  }

  private JsonNode ledgerRef(String txId) {
    try {
      return api(get("/api/v1/transactions/" + txId), null);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String valueJson(String table, String idColumn, String id) {
    return jdbc.queryForObject(
        "select value_json from " + table + " where " + idColumn + " = ?", String.class, id);
  }

  private static String rate(JsonNode group, String field) {
    JsonNode value = group.path(field);
    return value.isMissingNode() || value.isNull() ? "null" : value.asString();
  }

  private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
    var list = new java.util.ArrayList<JsonNode>();
    array.forEach(list::add);
    return list.stream();
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  private JsonNode api(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
      String username)
      throws Exception {
    if (username != null) {
      request.with(user(username));
    }
    return json.readTree(body(request, 200));
  }

  private String body(RequestBuilder request, int status) throws Exception {
    MvcResult result = mvc.perform(request).andReturn();
    String text = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(result.getResponse().getStatus()).as(text).isEqualTo(status);
    return text;
  }
}
