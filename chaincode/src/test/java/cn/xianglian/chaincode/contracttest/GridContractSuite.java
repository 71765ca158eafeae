package cn.xianglian.chaincode.contracttest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.xianglian.ledger.Identity;
import cn.xianglian.ledger.LedgerException;
import cn.xianglian.ledger.Proposal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code grid} contract as clients see it, through {@link cn.xianglian.ledger.LedgerClient}
 * only: every transaction of docs/contract-grid.md, every transition of the closed loop and every
 * denial, each rejection asserting its error code and that the event (or grid, worker, catalogue)
 * is unchanged. Ids carry a random run suffix, so the suite can run again on a persistent network;
 * the catalogue gets the next version on each run.
 */
public abstract class GridContractSuite {

  static final String COUNTY_MSP = "CountyOrgMSP";
  static final String GRID_MSP = "GridOrgMSP";
  static final String PORTAL_MSP = "PortalMSP";
  static final String COUNTY = "520122000000";
  static final String TOWNSHIP_CODE = "520122100000";
  static final String VILLAGE = "520122100201";
  static final String OTHER_VILLAGE = "520122101202";
  static final String PERSONAL =
      "{\"name\":\"王网格\",\"phone\":\"13800000000\",\"idNumber\":\"11010519491231002X\"}";
  static final String SALT = "0123456789abcdef-grid-salt";
  static final String PHOTO = "ab".repeat(32);
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

  private static final JsonMapper JSON = new JsonMapper();
  private static final String RUN = Long.toString(new Random().nextLong() & 0xffffffffL, 36);
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  /** The network under test; concrete classes provide it (started once per class). */
  protected abstract TestNetwork network();

  Identity county;
  Identity township;
  Identity otherTownship;
  Identity village;
  Identity townshipDept;
  Identity countyDept;
  Identity worker;
  Identity otherWorker;
  Identity villager;
  Identity otherVillager;
  Identity consumer;
  Identity regulator;
  String grid;
  String otherGrid;
  String workerId;
  String otherWorkerId;

  @BeforeEach
  void setUp() {
    county = person("county", COUNTY_MSP, "county", COUNTY, "XF-COUNTY");
    township = person("township", COUNTY_MSP, "township", TOWNSHIP_CODE, "YJ-TOWN");
    otherTownship = person("township-b", COUNTY_MSP, "township", "520122101000", "WQ-TOWN");
    village = person("village", COUNTY_MSP, "village", VILLAGE, "V-201");
    townshipDept = person("dept-ts", COUNTY_MSP, "department", TOWNSHIP_CODE, "D-YJ-ENV");
    countyDept = person("dept-county", COUNTY_MSP, "department", COUNTY, "D-XF-ENV");
    villager = person("villager", PORTAL_MSP, "villager", VILLAGE, id("VG"));
    otherVillager = person("villager-b", PORTAL_MSP, "villager", VILLAGE, id("VG"));
    consumer = person("consumer", PORTAL_MSP, "consumer", "520100000000", id("CS"));
    regulator = person("regulator", COUNTY_MSP, "regulator", COUNTY, "COUNTY-AGRI");
    ensureCatalogue();
    grid = id("G");
    otherGrid = id("G");
    submit(township, "registerGrid", gridJson(grid, "一组网格", VILLAGE));
    submit(township, "registerGrid", gridJson(otherGrid, "二组网格", VILLAGE));
    workerId = id("W");
    otherWorkerId = id("W");
    registerWorker(workerId, grid);
    registerWorker(otherWorkerId, otherGrid);
    worker = person("worker", GRID_MSP, "grid_worker", VILLAGE, workerId);
    otherWorker = person("worker-b", GRID_MSP, "grid_worker", VILLAGE, otherWorkerId);
  }

  // ---- structure ----------------------------------------------------------------------------

  @Nested
  @DisplayName("registerGrid, getGrid, listGrids")
  class Grids {

    @Test
    @DisplayName(
        "a township registers a grid in its village; the structure lists it under county, township and village")
    void registers() {
      JsonNode stored = tree(evaluate("getGrid", grid));
      assertThat(stored.get("region").asString()).isEqualTo(VILLAGE);
      assertThat(stored.get("registeredBy").asString()).isEqualTo(COUNTY_MSP + "/YJ-TOWN");
      for (String scope : List.of("520122", "520122100", VILLAGE)) {
        assertThat(ids(evaluate("listGrids", scope), "gridId")).as(scope).contains(grid, otherGrid);
      }
      assertThat(ids(evaluate("listGrids", "520122101"), "gridId")).doesNotContain(grid);
    }

    @Test
    @DisplayName("a retry returns the grid; other content is ALREADY_EXISTS and the grid unchanged")
    void retry() {
      String before = evaluate("getGrid", grid);
      assertThat(tree(submit(township, "registerGrid", gridJson(grid, "一组网格", VILLAGE))))
          .isEqualTo(tree(before));
      assertThat(rejected(township, "registerGrid", gridJson(grid, "改名", VILLAGE)))
          .isEqualTo("ALREADY_EXISTS");
      assertThat(evaluate("getGrid", grid)).isEqualTo(before);
    }

    @Test
    @DisplayName(
        "denials: INVALID_ARGUMENT, ACCESS_DENIED, REGION_OUT_OF_SCOPE — no grid is written")
    void denials() {
      String fresh = id("G");
      assertThat(rejected(township, "registerGrid", gridJson(fresh, "x", TOWNSHIP_CODE)))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(rejected(township, "registerGrid", "{\"gridId\":\"" + fresh + "\"}"))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(rejected(village, "registerGrid", gridJson(fresh, "x", VILLAGE)))
          .isEqualTo("ACCESS_DENIED");
      assertThat(rejected(otherTownship, "registerGrid", gridJson(fresh, "x", VILLAGE)))
          .isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(codeOf(() -> evaluate("getGrid", fresh))).isEqualTo("GRID_NOT_FOUND");
      assertThat(codeOf(() -> evaluate("listGrids", "5201"))).isEqualTo("INVALID_ARGUMENT");
    }
  }

  @Nested
  @DisplayName("registerWorker, assignWorker, getWorker, listWorkers")
  class Workers {

    @Test
    @DisplayName("a worker is pseudonymous: the public record holds a salted hash, no name")
    void pseudonymous() {
      String record = evaluate("getWorker", workerId);
      assertThat(tree(record).get("personalHash").asString()).matches("[0-9a-f]{64}");
      assertThat(tree(record).get("gridId").asString()).isEqualTo(grid);
      assertThat(record).doesNotContain("王网格").doesNotContain("13800000000");
      assertThat(ids(evaluate("listWorkers", grid), "workerId")).containsExactly(workerId);
    }

    @Test
    @DisplayName("assignWorker moves a worker to another grid; listWorkers follows")
    void assign() {
      String moved = id("W");
      registerWorker(moved, grid);
      submit(township, "assignWorker", workerJson(moved, otherGrid));
      assertThat(tree(evaluate("getWorker", moved)).get("gridId").asString()).isEqualTo(otherGrid);
      assertThat(ids(evaluate("listWorkers", grid), "workerId")).doesNotContain(moved);
      assertThat(ids(evaluate("listWorkers", otherGrid), "workerId")).contains(moved);
    }

    @Test
    @DisplayName(
        "denials: no personal data, unknown grid or worker, wrong role, other region — nothing written")
    void denials() {
      String fresh = id("W");
      assertThat(rejected(township, "registerWorker", workerJson(fresh, grid)))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(rejectedWithPersonal(village, workerJson(fresh, grid))).isEqualTo("ACCESS_DENIED");
      assertThat(rejectedWithPersonal(township, workerJson(fresh, id("G"))))
          .isEqualTo("GRID_NOT_FOUND");
      assertThat(rejectedWithPersonal(otherTownship, workerJson(fresh, grid)))
          .isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(codeOf(() -> evaluate("getWorker", fresh))).isEqualTo("GRID_WORKER_NOT_FOUND");
      assertThat(rejected(township, "assignWorker", workerJson(fresh, grid)))
          .isEqualTo("GRID_WORKER_NOT_FOUND");
      String before = evaluate("getWorker", workerId);
      assertThat(rejected(village, "assignWorker", workerJson(workerId, otherGrid)))
          .isEqualTo("ACCESS_DENIED");
      assertThat(evaluate("getWorker", workerId)).isEqualTo(before);
    }
  }

  @Nested
  @DisplayName("defineCatalogue, getCatalogue")
  class Catalogue {

    @Test
    @DisplayName("the latest version holds the categories, limits and rules")
    void latest() {
      JsonNode catalogue = tree(evaluate("getCatalogue", "520122"));
      assertThat(ids(catalogue.get("categories"), "code"))
          .contains(
              "SAFETY_HAZARD",
              "DISPUTE",
              "SANITATION",
              "LIVELIHOOD",
              "PRODUCE_SAFETY",
              "COMPLAINT");
      int version = catalogue.get("version").asInt();
      assertThat(tree(evaluate("getCatalogue", "520122:" + version))).isEqualTo(catalogue);
    }

    @Test
    @DisplayName("a skipped version is INVALID_STATE; a township ACCESS_DENIED; the latest stays")
    void denials() {
      String before = evaluate("getCatalogue", "520122");
      int version = tree(before).get("version").asInt();
      assertThat(rejected(county, "defineCatalogue", catalogueJson(version + 2)))
          .isEqualTo("INVALID_STATE");
      assertThat(rejected(township, "defineCatalogue", catalogueJson(version + 1)))
          .isEqualTo("ACCESS_DENIED");
      assertThat(rejected(county, "defineCatalogue", catalogueJson(version).replace("环境卫生", "卫生")))
          .isEqualTo("ALREADY_EXISTS");
      assertThat(evaluate("getCatalogue", "520122")).isEqualTo(before);
      assertThat(codeOf(() -> evaluate("getCatalogue", "520199")))
          .isEqualTo("GRID_CATALOGUE_NOT_FOUND");
    }
  }

  // ---- the closed loop ----------------------------------------------------------------------

  @Nested
  @DisplayName("the closed loop")
  class Loop {

    @Test
    @DisplayName("上报 → 受理 → 派遣 (by rule) → 签收 → 处置 → 核查 → 结案 → 评价, each step signed")
    void fullLoop() {
      String eventId = report(worker, "SANITATION", null);
      assertThat(status(eventId)).isEqualTo("REPORTED");
      assertThat(status(submit(village, "acceptEvent", step(eventId)))).isEqualTo("ACCEPTED");
      JsonNode dispatched = tree(submit(village, "dispatchEvent", step(eventId)));
      assertThat(dispatched.get("status").asString()).isEqualTo("DISPATCHED");
      assertThat(dispatched.get("departmentId").asString()).isEqualTo("D-YJ-ENV");
      assertThat(status(submit(townshipDept, "claimEvent", step(eventId)))).isEqualTo("CLAIMED");
      assertThat(status(submit(townshipDept, "handleEvent", handle(eventId)))).isEqualTo("HANDLED");
      assertThat(status(submit(worker, "verifyEvent", verify(eventId, true))))
          .isEqualTo("VERIFIED");
      assertThat(status(submit(township, "closeEvent", step(eventId)))).isEqualTo("CLOSED");
      JsonNode rated = tree(submit(worker, "rateEvent", rate(eventId, 4)));
      assertThat(rated.get("status").asString()).isEqualTo("RATED");
      assertThat(rated.get("rating").asInt()).isEqualTo(4);
      List<String> by = new ArrayList<>();
      for (JsonNode step : rated.get("steps")) {
        by.add(step.get("by").asString());
        assertThat(step.get("txId").asString()).isNotBlank();
      }
      assertThat(by)
          .containsExactly(
              GRID_MSP + "/" + workerId,
              COUNTY_MSP + "/V-201",
              COUNTY_MSP + "/V-201",
              COUNTY_MSP + "/D-YJ-ENV",
              COUNTY_MSP + "/D-YJ-ENV",
              GRID_MSP + "/" + workerId,
              COUNTY_MSP + "/YJ-TOWN",
              GRID_MSP + "/" + workerId);
      assertThat(ids(evaluate("listEvents", "{\"gridId\":\"" + grid + "\"}"), "eventId"))
          .contains(eventId);
      assertThat(
              ids(
                  evaluate(
                      "listEvents",
                      "{\"departmentId\":\"D-YJ-ENV\",\"status\":\"RATED\",\"pageSize\":1000}"),
                  "eventId"))
          .contains(eventId);
    }

    @Test
    @DisplayName(
        "complaints (投诉建议) from consumers and villagers enter the same flow; personal data stays private")
    void complaints() {
      String fromConsumer = report(consumer, "COMPLAINT", null);
      String fromVillager = reportWithPersonal(villager, "COMPLAINT");
      JsonNode villagers = tree(evaluate("getEvent", fromVillager));
      assertThat(villagers.get("reporterHash").asString()).matches("[0-9a-f]{64}");
      assertThat(villagers.toString()).doesNotContain("王网格");
      submit(village, "acceptEvent", step(fromConsumer));
      assertThat(
              tree(submit(village, "dispatchEvent", step(fromConsumer)))
                  .get("departmentId")
                  .asString())
          .isEqualTo("D-XF-MKT");
    }

    @Test
    @DisplayName(
        "退回 and re-dispatch by hand; a failed 核查 returns the event to the department; 不予受理 ends it")
    void returnsReworkAndRejection() {
      String eventId = report(worker, "SANITATION", null);
      submit(village, "acceptEvent", step(eventId));
      submit(village, "dispatchEvent", step(eventId));
      JsonNode returned = tree(submit(townshipDept, "returnEvent", note(eventId, "不属本站职责")));
      assertThat(returned.get("status").asString()).isEqualTo("ACCEPTED");
      assertThat(returned.get("returns").asInt()).isEqualTo(1);
      JsonNode redispatched =
          tree(
              submit(
                  township,
                  "dispatchEvent",
                  "{\"departmentId\":\"D-XF-ENV\",\"eventId\":\"" + eventId + "\"}"));
      assertThat(redispatched.get("departmentId").asString()).isEqualTo("D-XF-ENV");
      submit(countyDept, "claimEvent", step(eventId));
      submit(countyDept, "handleEvent", handle(eventId));
      JsonNode failed = tree(submit(village, "verifyEvent", verify(eventId, false)));
      assertThat(failed.get("status").asString()).isEqualTo("CLAIMED");
      assertThat(failed.get("reworks").asInt()).isEqualTo(1);

      String rejectedId = report(villager, "SANITATION", null);
      assertThat(status(submit(village, "rejectEvent", note(rejectedId, "重复上报"))))
          .isEqualTo("REJECTED");
    }

    @Test
    @DisplayName("a retried step returns the event and writes nothing")
    void retry() {
      String eventId = report(worker, "SANITATION", null);
      String accepted = submit(village, "acceptEvent", step(eventId));
      assertThat(submit(village, "acceptEvent", step(eventId))).isEqualTo(accepted);
      assertThat(evaluate("getEvent", eventId)).isEqualTo(accepted);
    }
  }

  @Nested
  @DisplayName("denials: code asserted, event unchanged")
  class Denials {

    @Test
    @DisplayName(
        "reportEvent: INVALID_ARGUMENT, ACCESS_DENIED, GRID_NOT_FOUND, REGION_OUT_OF_SCOPE, GRID_CATALOGUE_NOT_FOUND, NOT_ASSIGNED, ALREADY_EXISTS")
    void reportDenials() {
      String eventId = id("E");
      assertThat(
              rejected(
                  worker,
                  "reportEvent",
                  reportJson(eventId, grid, "SANITATION", "x".repeat(101), null)))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(
              rejected(
                  worker,
                  "reportEvent",
                  reportJson(eventId, grid, "SANITATION", "t", null).replace("}", ",\"x\":1}")))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(
              rejected(
                  worker, "reportEvent", reportJson(eventId, grid, "SANITATION", "t", later(1))))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(
              rejected(township, "reportEvent", reportJson(eventId, grid, "SANITATION", "t", null)))
          .isEqualTo("ACCESS_DENIED");
      assertThat(
              rejected(consumer, "reportEvent", reportJson(eventId, grid, "SANITATION", "t", null)))
          .isEqualTo("ACCESS_DENIED");
      assertThat(
              rejected(
                  worker, "reportEvent", reportJson(eventId, id("G"), "SANITATION", "t", null)))
          .isEqualTo("GRID_NOT_FOUND");
      Identity elsewhere = person("villager-x", PORTAL_MSP, "villager", OTHER_VILLAGE, id("VG"));
      assertThat(
              rejected(
                  elsewhere, "reportEvent", reportJson(eventId, grid, "SANITATION", "t", null)))
          .isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(rejected(worker, "reportEvent", reportJson(eventId, grid, "FLOOD", "t", null)))
          .isEqualTo("GRID_CATALOGUE_NOT_FOUND");
      assertThat(
              rejected(
                  otherWorker, "reportEvent", reportJson(eventId, grid, "SANITATION", "t", null)))
          .isEqualTo("NOT_ASSIGNED");
      assertThat(codeOf(() -> evaluate("getEvent", eventId))).isEqualTo("GRID_EVENT_NOT_FOUND");
      String existing = GridContractSuite.this.report(worker, "SANITATION", null);
      String before = evaluate("getEvent", existing);
      assertThat(rejected(worker, "reportEvent", reportJson(existing, grid, "DISPUTE", "t", null)))
          .isEqualTo("ALREADY_EXISTS");
      assertThat(evaluate("getEvent", existing)).isEqualTo(before);
    }

    @Test
    @DisplayName(
        "every transition by a wrong role is ACCESS_DENIED; on an unknown event GRID_EVENT_NOT_FOUND")
    void wrongRoles() {
      String eventId = report(worker, "SANITATION", null);
      String before = evaluate("getEvent", eventId);
      List<Object[]> denied =
          List.of(
              new Object[] {townshipDept, "acceptEvent", step(eventId)},
              new Object[] {worker, "acceptEvent", step(eventId)},
              new Object[] {villager, "rejectEvent", note(eventId, "x")},
              new Object[] {townshipDept, "dispatchEvent", step(eventId)},
              new Object[] {village, "returnEvent", note(eventId, "x")},
              new Object[] {village, "claimEvent", step(eventId)},
              new Object[] {township, "handleEvent", handle(eventId)},
              new Object[] {townshipDept, "verifyEvent", verify(eventId, true)},
              new Object[] {worker, "closeEvent", step(eventId)},
              new Object[] {township, "rateEvent", rate(eventId, 5)},
              new Object[] {worker, "escalateEvent", step(eventId)});
      for (Object[] call : denied) {
        assertThat(rejected((Identity) call[0], (String) call[1], (String) call[2]))
            .as((String) call[1])
            .isEqualTo("ACCESS_DENIED");
      }
      assertThat(evaluate("getEvent", eventId)).isEqualTo(before);
      String unknown = id("E");
      for (String transaction :
          List.of("acceptEvent", "rejectEvent", "dispatchEvent", "closeEvent", "escalateEvent")) {
        String argument = transaction.equals("rejectEvent") ? note(unknown, "x") : step(unknown);
        assertThat(rejected(township, transaction, argument))
            .as(transaction)
            .isEqualTo("GRID_EVENT_NOT_FOUND");
      }
      assertThat(rejected(townshipDept, "claimEvent", step(unknown)))
          .isEqualTo("GRID_EVENT_NOT_FOUND");
      assertThat(rejected(townshipDept, "returnEvent", note(unknown, "x")))
          .isEqualTo("GRID_EVENT_NOT_FOUND");
      assertThat(rejected(townshipDept, "handleEvent", handle(unknown)))
          .isEqualTo("GRID_EVENT_NOT_FOUND");
      assertThat(rejected(worker, "verifyEvent", verify(unknown, true)))
          .isEqualTo("GRID_EVENT_NOT_FOUND");
      assertThat(rejected(worker, "rateEvent", rate(unknown, 5))).isEqualTo("GRID_EVENT_NOT_FOUND");
      assertThat(codeOf(() -> evaluate("getEvent", unknown))).isEqualTo("GRID_EVENT_NOT_FOUND");
    }

    @Test
    @DisplayName("every transition out of order is INVALID_STATE and leaves the event as it was")
    void outOfOrder() {
      String eventId = report(worker, "SANITATION", null);
      String reported = evaluate("getEvent", eventId);
      assertThat(rejected(village, "dispatchEvent", step(eventId))).isEqualTo("INVALID_STATE");
      assertThat(rejected(village, "closeEvent", step(eventId))).isEqualTo("INVALID_STATE");
      assertThat(rejected(village, "verifyEvent", verify(eventId, true)))
          .isEqualTo("INVALID_STATE");
      assertThat(evaluate("getEvent", eventId)).isEqualTo(reported);
      submit(village, "acceptEvent", step(eventId));
      assertThat(rejected(village, "rejectEvent", note(eventId, "x"))).isEqualTo("INVALID_STATE");
      submit(village, "dispatchEvent", step(eventId));
      String dispatched = evaluate("getEvent", eventId);
      assertThat(rejected(townshipDept, "handleEvent", handle(eventId))).isEqualTo("INVALID_STATE");
      assertThat(rejected(village, "acceptEvent", step(eventId))).isEqualTo("INVALID_STATE");
      assertThat(rejected(worker, "rateEvent", rate(eventId, 5))).isEqualTo("INVALID_STATE");
      assertThat(evaluate("getEvent", eventId)).isEqualTo(dispatched);
      submit(townshipDept, "claimEvent", step(eventId));
      assertThat(rejected(townshipDept, "returnEvent", note(eventId, "x")))
          .isEqualTo("INVALID_STATE");
      String earlier =
          "{\"at\":\"2020-01-01T00:00:00+08:00\",\"eventId\":\""
              + eventId
              + "\",\"evidence\":[\""
              + PHOTO
              + "\"]}";
      assertThat(rejected(townshipDept, "handleEvent", earlier)).isEqualTo("INVALID_STATE");
    }

    @Test
    @DisplayName(
        "NOT_ASSIGNED: another department, a worker of another grid, someone other than the reporter")
    void notAssigned() {
      String eventId = report(worker, "SANITATION", null);
      submit(village, "acceptEvent", step(eventId));
      submit(village, "dispatchEvent", step(eventId));
      assertThat(rejected(countyDept, "claimEvent", step(eventId))).isEqualTo("NOT_ASSIGNED");
      submit(townshipDept, "claimEvent", step(eventId));
      submit(townshipDept, "handleEvent", handle(eventId));
      String handled = evaluate("getEvent", eventId);
      assertThat(rejected(otherWorker, "verifyEvent", verify(eventId, true)))
          .isEqualTo("NOT_ASSIGNED");
      assertThat(evaluate("getEvent", eventId)).isEqualTo(handled);
      submit(worker, "verifyEvent", verify(eventId, true));
      submit(village, "closeEvent", step(eventId));
      String closed = evaluate("getEvent", eventId);
      assertThat(rejected(otherVillager, "rateEvent", rate(eventId, 1))).isEqualTo("NOT_ASSIGNED");
      assertThat(rejected(otherWorker, "rateEvent", rate(eventId, 1))).isEqualTo("NOT_ASSIGNED");
      assertThat(evaluate("getEvent", eventId)).isEqualTo(closed);
    }

    @Test
    @DisplayName(
        "dispatch: no rule is NO_DISPATCH_RULE; an unlisted department DEPARTMENT_NOT_FOUND")
    void dispatch() {
      String eventId = report(worker, "DISPUTE", null);
      submit(village, "acceptEvent", step(eventId));
      String accepted = evaluate("getEvent", eventId);
      assertThat(rejected(village, "dispatchEvent", step(eventId))).isEqualTo("NO_DISPATCH_RULE");
      assertThat(
              rejected(
                  township,
                  "dispatchEvent",
                  "{\"departmentId\":\"D-NONE\",\"eventId\":\"" + eventId + "\"}"))
          .isEqualTo("DEPARTMENT_NOT_FOUND");
      assertThat(evaluate("getEvent", eventId)).isEqualTo(accepted);
    }

    @Test
    @DisplayName("fields the step does not take, or lacks, are INVALID_ARGUMENT")
    void fields() {
      String eventId = report(worker, "SANITATION", null);
      String before = evaluate("getEvent", eventId);
      assertThat(rejected(village, "rejectEvent", step(eventId))).isEqualTo("INVALID_ARGUMENT");
      assertThat(rejected(village, "acceptEvent", rate(eventId, 5))).isEqualTo("INVALID_ARGUMENT");
      assertThat(rejected(worker, "rateEvent", rate(eventId, 6))).isEqualTo("INVALID_ARGUMENT");
      assertThat(
              rejected(
                  village,
                  "acceptEvent",
                  "{\"eventId\":\"" + eventId + "\",\"at\":\"" + later(2) + "\"}"))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(evaluate("getEvent", eventId)).isEqualTo(before);
    }
  }

  // ---- escalation and SLA -------------------------------------------------------------------

  @Nested
  @DisplayName("escalateEvent and getSlaStatistics")
  class EscalationAndSla {

    @Test
    @DisplayName(
        "an event unaccepted 5 h after its report (limit 2 h) escalates to the county (level 2)")
    void escalates() {
      String eventId = report(worker, "SANITATION", earlier(5));
      JsonNode escalated = tree(submit(township, "escalateEvent", step(eventId)));
      assertThat(escalated.get("escalationLevel").asInt()).isEqualTo(2);
      assertThat(escalated.get("escalations")).hasSize(2);
      assertThat(escalated.get("status").asString()).isEqualTo("REPORTED");
      String after = evaluate("getEvent", eventId);
      assertThat(rejected(township, "escalateEvent", step(eventId))).isEqualTo("INVALID_STATE");
      assertThat(evaluate("getEvent", eventId)).isEqualTo(after);
      JsonNode accepted = tree(submit(village, "acceptEvent", step(eventId)));
      assertThat(accepted.get("steps").get(1).get("late").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("a fresh event is not overdue: INVALID_STATE, unchanged")
    void notOverdue() {
      String eventId = report(worker, "SANITATION", null);
      String before = evaluate("getEvent", eventId);
      assertThat(rejected(township, "escalateEvent", step(eventId))).isEqualTo("INVALID_STATE");
      assertThat(evaluate("getEvent", eventId)).isEqualTo(before);
    }

    @Test
    @DisplayName(
        "SLA figures per grid: handled, on-time and within-24-hours counts of the grid's events")
    void sla() {
      String quick = report(worker, "SANITATION", earlier(10));
      loop(quick, earlier(9), earlier(8), earlier(7), earlier(6));
      String open = report(worker, "SANITATION", earlier(3));
      JsonNode report =
          tree(
              evaluate("getSlaStatistics", "{\"groupBy\":\"GRID\",\"scope\":\"" + VILLAGE + "\"}"));
      JsonNode ours = null;
      for (JsonNode group : report.get("groups")) {
        if (group.get("key").asString().equals(grid)) {
          ours = group;
        }
      }
      assertThat(ours).as("group of grid " + grid).isNotNull();
      assertThat(ours.get("reported").asInt()).isEqualTo(2);
      assertThat(ours.get("handled").asInt()).isEqualTo(1);
      assertThat(ours.get("closed").asInt()).isEqualTo(1);
      assertThat(ours.get("closedOnTime").asInt()).isEqualTo(1);
      assertThat(ours.get("handledWithin24h").asInt()).isEqualTo(1);
      assertThat(ours.get("handledRateBp").asInt()).isEqualTo(5000);
      assertThat(ours.get("onTimeRateBp").asInt()).isEqualTo(10000);
      assertThat(open).isNotBlank();
      assertThat(
              codeOf(
                  () ->
                      evaluate(
                          "getSlaStatistics", "{\"groupBy\":\"STREET\",\"scope\":\"520122\"}")))
          .isEqualTo("INVALID_ARGUMENT");
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  void ensureCatalogue() {
    int latest;
    try {
      JsonNode current = tree(evaluate("getCatalogue", "520122"));
      if (current.toString().contains("D-XF-MKT")) {
        return;
      }
      latest = current.get("version").asInt();
    } catch (LedgerException e) {
      latest = 0;
    }
    submit(county, "defineCatalogue", catalogueJson(latest + 1));
  }

  /** The suite's catalogue (six categories, three departments) as version {@code version}. */
  public static String catalogueJson(int version) {
    return """
        {"county":"%s","version":%d,"categories":[\
        {"code":"SAFETY_HAZARD","name":"安全隐患","reporters":["GRID_WORKER","VILLAGER"],"limits":%s},\
        {"code":"DISPUTE","name":"矛盾纠纷","reporters":["GRID_WORKER","VILLAGER"],"limits":%s},\
        {"code":"SANITATION","name":"环境卫生","reporters":["GRID_WORKER","VILLAGER"],"limits":%s},\
        {"code":"LIVELIHOOD","name":"民生诉求","reporters":["GRID_WORKER","VILLAGER"],"limits":%s},\
        {"code":"PRODUCE_SAFETY","name":"农产品质量安全","reporters":["GRID_WORKER","VILLAGER","CONSUMER"],"limits":%s},\
        {"code":"COMPLAINT","name":"投诉建议","reporters":["VILLAGER","CONSUMER"],"limits":%s}],\
        "departments":[\
        {"departmentId":"D-XF-ENV","name":"县生态环境分局","region":"%s"},\
        {"departmentId":"D-YJ-ENV","name":"永靖镇环卫站","region":"%s"},\
        {"departmentId":"D-XF-MKT","name":"县市场监管局","region":"%s"}],\
        "rules":[\
        {"category":"SANITATION","regionPrefix":"520122","departmentId":"D-XF-ENV"},\
        {"category":"SANITATION","regionPrefix":"520122100","departmentId":"D-YJ-ENV"},\
        {"category":"SAFETY_HAZARD","regionPrefix":"520122","departmentId":"D-XF-ENV"},\
        {"category":"PRODUCE_SAFETY","regionPrefix":"520122","departmentId":"D-XF-MKT"},\
        {"category":"COMPLAINT","regionPrefix":"520122","departmentId":"D-XF-MKT"}]}"""
        .formatted(
            COUNTY,
            version,
            limits(2, 48),
            limits(4, 72),
            limits(2, 48),
            limits(4, 120),
            limits(2, 24),
            limits(4, 120),
            COUNTY,
            TOWNSHIP_CODE,
            COUNTY);
  }

  static String limits(int acceptHours, int totalHours) {
    return "{\"acceptHours\":%d,\"dispatchHours\":2,\"claimHours\":4,\"handleHours\":24,\"verifyHours\":8,\"closeHours\":4,\"totalHours\":%d}"
        .formatted(acceptHours, totalHours);
  }

  static String gridJson(String gridId, String name, String region) {
    return "{\"gridId\":\"%s\",\"name\":\"%s\",\"region\":\"%s\"}".formatted(gridId, name, region);
  }

  static String workerJson(String workerId, String gridId) {
    return "{\"gridId\":\"%s\",\"mspId\":\"%s\",\"workerId\":\"%s\"}"
        .formatted(gridId, GRID_MSP, workerId);
  }

  void registerWorker(String workerId, String gridId) {
    network()
        .ledger()
        .submit(
            township,
            Proposal.of("grid", "registerWorker", workerJson(workerId, gridId))
                .withTransient("personal", PERSONAL)
                .withTransient("personal.salt", SALT + workerId));
  }

  String rejectedWithPersonal(Identity caller, String argument) {
    LedgerException e =
        catchThrowableOfType(
            LedgerException.class,
            () ->
                network()
                    .ledger()
                    .submit(
                        caller,
                        Proposal.of("grid", "registerWorker", argument)
                            .withTransient("personal", PERSONAL)
                            .withTransient("personal.salt", SALT)));
    assertThat(e).as("registerWorker must be rejected").isNotNull();
    return e.errorCode().orElseThrow();
  }

  static String reportJson(
      String eventId, String gridId, String category, String title, String at) {
    return "{%s\"category\":\"%s\",\"eventId\":\"%s\",\"gridId\":\"%s\",\"location\":{\"latE6\":27095000,\"lonE6\":106740000},\"photos\":[\"%s\"],\"title\":\"%s\"}"
        .formatted(
            at == null ? "" : "\"at\":\"" + at + "\",", category, eventId, gridId, PHOTO, title);
  }

  /** Reports an event in {@link #grid} as {@code caller}, observed at {@code at} (or now). */
  String report(Identity caller, String category, String at) {
    String eventId = id("E");
    submit(caller, "reportEvent", reportJson(eventId, grid, category, "路边垃圾堆放", at));
    return eventId;
  }

  String reportWithPersonal(Identity caller, String category) {
    String eventId = id("E");
    network()
        .ledger()
        .submit(
            caller,
            Proposal.of("grid", "reportEvent", reportJson(eventId, grid, category, "投诉", null))
                .withTransient("personal", PERSONAL)
                .withTransient("personal.salt", SALT));
    return eventId;
  }

  /** Accept, dispatch, claim, handle at the given times, then verify and close now. */
  void loop(String eventId, String accepted, String dispatched, String claimed, String handled) {
    submit(village, "acceptEvent", at(eventId, accepted));
    submit(village, "dispatchEvent", at(eventId, dispatched));
    submit(townshipDept, "claimEvent", at(eventId, claimed));
    submit(
        townshipDept,
        "handleEvent",
        "{\"at\":\"%s\",\"eventId\":\"%s\",\"evidence\":[\"%s\"]}"
            .formatted(handled, eventId, PHOTO));
    submit(worker, "verifyEvent", verify(eventId, true));
    submit(village, "closeEvent", step(eventId));
  }

  static String step(String eventId) {
    return "{\"eventId\":\"" + eventId + "\"}";
  }

  static String at(String eventId, String at) {
    return "{\"at\":\"" + at + "\",\"eventId\":\"" + eventId + "\"}";
  }

  static String note(String eventId, String note) {
    return "{\"eventId\":\"" + eventId + "\",\"note\":\"" + note + "\"}";
  }

  static String handle(String eventId) {
    return "{\"eventId\":\"" + eventId + "\",\"evidence\":[\"" + PHOTO + "\"],\"note\":\"已清运\"}";
  }

  static String verify(String eventId, boolean passed) {
    return "{\"eventId\":\"" + eventId + "\",\"passed\":" + passed + "}";
  }

  static String rate(String eventId, int rating) {
    return "{\"eventId\":\"" + eventId + "\",\"rating\":" + rating + "}";
  }

  static String earlier(int hours) {
    return OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(hours).format(TIME);
  }

  static String later(int hours) {
    return OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(hours).format(TIME);
  }

  static String id(String kind) {
    return "T" + RUN + "-" + kind + "-" + SEQUENCE.incrementAndGet();
  }

  Identity person(String label, String msp, String role, String region, String party) {
    return network()
        .identity(
            label + "-" + party,
            msp,
            Map.of("xl.role", role, "xl.region", region, "xl.party", party));
  }

  String submit(Identity caller, String transaction, String argument) {
    return network()
        .ledger()
        .submit(caller, Proposal.of("grid", transaction, argument))
        .resultText();
  }

  String evaluate(String transaction, String argument) {
    return new String(
        network().ledger().evaluate(regulator, Proposal.of("grid", transaction, argument)),
        StandardCharsets.UTF_8);
  }

  /** The error code of a rejected submit (it must fail at endorsement). */
  String rejected(Identity caller, String transaction, String argument) {
    LedgerException e =
        catchThrowableOfType(LedgerException.class, () -> submit(caller, transaction, argument));
    assertThat(e).as(transaction + " must be rejected").isNotNull();
    assertThat(e.stage()).isEqualTo(LedgerException.Stage.ENDORSE);
    return e.errorCode().orElseThrow();
  }

  static String codeOf(Runnable call) {
    LedgerException e = catchThrowableOfType(LedgerException.class, call::run);
    assertThat(e).as("call must fail").isNotNull();
    return e.errorCode().orElseThrow();
  }

  String status(String eventJsonOrId) {
    String json =
        eventJsonOrId.startsWith("{") ? eventJsonOrId : evaluate("getEvent", eventJsonOrId);
    return tree(json).get("status").asString();
  }

  static List<String> ids(String records, String field) {
    return ids(tree(records).get("records"), field);
  }

  static List<String> ids(JsonNode records, String field) {
    List<String> ids = new ArrayList<>();
    for (JsonNode record : records) {
      ids.add(record.get(field).asString());
    }
    return ids;
  }

  static JsonNode tree(String json) {
    return JSON.readTree(json);
  }
}
