package cn.xianglian.app.grid;

import static cn.xianglian.app.grid.GridRequests.ID;
import static cn.xianglian.app.grid.GridRequests.SCOPE;
import static cn.xianglian.app.grid.GridRequests.TIME;

import cn.xianglian.app.identity.CallerIdentities;
import cn.xianglian.app.producer.PersonalDataSalts;
import cn.xianglian.app.system.Committed;
import cn.xianglian.app.system.TraceLedger;
import cn.xianglian.ledger.Identity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Grid governance (网格化治理): the catalogue, grids and workers, the closed loop of events and SLA
 * statistics. Commands sign as the logged-in user; the catalogue, grids and statistics are public,
 * events and workers need a logged-in user. Answers are the contract's records as it wrote them.
 */
@RestController
@Validated
@RequestMapping("/api/v1/grid")
@Tag(name = "grid", description = "网格化治理 — grids, workers, events 上报→受理→派遣→签收→处置→核查→结案→评价, SLA")
class GridController {

  /** The contract name on the chaincode. */
  static final String CONTRACT = "grid";

  private final TraceLedger ledger;
  private final CallerIdentities callers;
  private final PersonalDataSalts salts;

  GridController(TraceLedger ledger, CallerIdentities callers, PersonalDataSalts salts) {
    this.ledger = ledger;
    this.callers = callers;
    this.salts = salts;
  }

  // Catalogue and structure

  @PostMapping("/catalogues")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "定义事件分类目录 — categories, time limits, departments, dispatch rules (county)",
      security = @SecurityRequirement(name = "basic"))
  Committed<JsonNode> defineCatalogue(@Valid @RequestBody GridRequests.DefineCatalogue request) {
    return submit("defineCatalogue", request);
  }

  @GetMapping("/catalogues/{county}")
  @Operation(summary = "事件分类目录 — the county's latest catalogue, or a given version (public)")
  JsonNode catalogue(
      @PathVariable @Pattern(regexp = "[0-9]{6}") String county,
      @RequestParam(required = false) @Min(1) @Max(9999) Integer version) {
    return evaluate(
        callers.reader(), "getCatalogue", version == null ? county : county + ":" + version);
  }

  @PostMapping("/grids")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "登记网格 — a grid in a village (township, county)",
      security = @SecurityRequirement(name = "basic"))
  Committed<JsonNode> registerGrid(@Valid @RequestBody GridRequests.RegisterGrid request) {
    return submit("registerGrid", request);
  }

  @GetMapping("/grids/{gridId}")
  @Operation(summary = "网格 (public)")
  JsonNode grid(@PathVariable @Pattern(regexp = ID) String gridId) {
    return evaluate(callers.reader(), "getGrid", gridId);
  }

  @GetMapping("/regions/{scope}/grids")
  @Operation(
      summary = "网格结构 — the grids of a county (6 digits), township (9) or village (12) (public)")
  JsonNode grids(@PathVariable @Pattern(regexp = SCOPE) String scope) {
    return evaluate(callers.reader(), "listGrids", scope);
  }

  @PostMapping("/workers")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "登记网格员 — name, phone and ID number go to private data only (township, county)",
      security = @SecurityRequirement(name = "basic"))
  Committed<JsonNode> registerWorker(@Valid @RequestBody GridRequests.RegisterWorker request) {
    return ledger.submitTo(
        CONTRACT,
        callers.writer(),
        "registerWorker",
        request.assignment(),
        personal(request.personal(), "grid-worker/" + request.workerId()));
  }

  @PostMapping("/workers/{workerId}/assignment")
  @Operation(
      summary = "调整网格员 — move a worker to another grid (township, county)",
      security = @SecurityRequirement(name = "basic"))
  Committed<JsonNode> assignWorker(
      @PathVariable @Pattern(regexp = ID) String workerId,
      @Valid @RequestBody GridRequests.Assign request) {
    return submit(
        "assignWorker", new GridRequests.Assignment(workerId, request.mspId(), request.gridId()));
  }

  @GetMapping("/workers/{workerId}")
  @Operation(
      summary = "网格员 — the pseudonymous record",
      security = @SecurityRequirement(name = "basic"))
  JsonNode worker(@PathVariable @Pattern(regexp = ID) String workerId) {
    return evaluate(callers.writer(), "getWorker", workerId);
  }

  @GetMapping("/grids/{gridId}/workers")
  @Operation(
      summary = "网格员列表 — workers assigned to a grid",
      security = @SecurityRequirement(name = "basic"))
  JsonNode workers(@PathVariable @Pattern(regexp = ID) String gridId) {
    return evaluate(callers.writer(), "listWorkers", gridId);
  }

  // Events

  @PostMapping("/events")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary =
          "上报 — an event (grid worker, villager) or a complaint/suggestion 投诉建议 (villager, consumer)",
      security = @SecurityRequirement(name = "basic"))
  Committed<JsonNode> report(@Valid @RequestBody GridRequests.ReportEvent request) {
    return ledger.submitTo(
        CONTRACT,
        callers.writer(),
        "reportEvent",
        request.withoutPersonal(),
        request.personal() == null
            ? Map.of()
            : personal(request.personal(), "grid-reporter/" + request.eventId()));
  }

  @GetMapping("/events/{eventId}")
  @Operation(
      summary = "事件 — the event with every signed step",
      security = @SecurityRequirement(name = "basic"))
  JsonNode event(@PathVariable @Pattern(regexp = ID) String eventId) {
    return evaluate(callers.writer(), "getEvent", eventId);
  }

  @GetMapping("/events")
  @Operation(
      summary = "事件列表 — one of scope (region), gridId or departmentId; optional status; paged",
      security = @SecurityRequirement(name = "basic"))
  JsonNode events(
      @RequestParam(required = false) @Pattern(regexp = SCOPE) String scope,
      @RequestParam(required = false) @Pattern(regexp = ID) String gridId,
      @RequestParam(required = false) @Pattern(regexp = ID) String departmentId,
      @RequestParam(required = false)
          @Pattern(
              regexp =
                  "REPORTED|ACCEPTED|DISPATCHED|CLAIMED|HANDLED|VERIFIED|CLOSED|RATED|REJECTED")
          String status,
      @RequestParam(required = false) @Min(1) @Max(1000) Integer pageSize,
      @RequestParam(required = false) String bookmark) {
    return evaluate(
        callers.writer(),
        "listEvents",
        args(
            "scope",
            scope,
            "gridId",
            gridId,
            "departmentId",
            departmentId,
            "status",
            status,
            "pageSize",
            pageSize,
            "bookmark",
            bookmark));
  }

  @PostMapping("/events/{eventId}/{step}")
  @Operation(
      summary =
          "办理 — accept 受理, reject 不予受理 (note), dispatch 派遣 (by rule; departmentId to reassign),"
              + " return 退回 (note), claim 签收, handle 处置 (evidence), verify 核查 (passed), close 结案,"
              + " rate 评价 (rating 1–5), escalate 督办",
      security = @SecurityRequirement(name = "basic"))
  Committed<JsonNode> step(
      @PathVariable @Pattern(regexp = ID) String eventId,
      @PathVariable
          @Parameter(
              description = "accept|reject|dispatch|return|claim|handle|verify|close|rate|escalate")
          @Pattern(regexp = "accept|reject|dispatch|return|claim|handle|verify|close|rate|escalate")
          String step,
      @Valid @RequestBody(required = false) GridRequests.Step request) {
    GridRequests.Step body = request == null ? GridRequests.Step.EMPTY : request;
    return submit(step + "Event", body.of(eventId));
  }

  // Statistics

  @GetMapping("/statistics")
  @Operation(
      summary =
          "SLA 统计 — handled, on-time and within-24-hours rates (basis points) per GRID, VILLAGE,"
              + " TOWNSHIP, COUNTY or DEPARTMENT of the events reported in [from, to) (public)")
  JsonNode statistics(
      @RequestParam(defaultValue = "520122") @Pattern(regexp = SCOPE) String scope,
      @RequestParam(defaultValue = "TOWNSHIP")
          @Pattern(regexp = "GRID|VILLAGE|TOWNSHIP|COUNTY|DEPARTMENT")
          String groupBy,
      @RequestParam(required = false) @Pattern(regexp = TIME) String from,
      @RequestParam(required = false) @Pattern(regexp = TIME) String to,
      @RequestParam(required = false) @Pattern(regexp = TIME) String asOf) {
    return evaluate(
        callers.reader(),
        "getSlaStatistics",
        args("scope", scope, "groupBy", groupBy, "from", from, "to", to, "asOf", asOf));
  }

  private Map<String, Object> personal(GridRequests.Personal personal, String saltKey) {
    return Map.of(
        PersonalDataSalts.PERSONAL, personal, PersonalDataSalts.SALT, salts.saltFor(saltKey));
  }

  private Committed<JsonNode> submit(String transaction, Object argument) {
    return ledger.submitTo(CONTRACT, callers.writer(), transaction, argument, Map.of());
  }

  private JsonNode evaluate(Identity caller, String transaction, Object argument) {
    return ledger.evaluateIn(CONTRACT, caller, transaction, argument);
  }

  /** A query object from name/value pairs; null values are left out. */
  private static Map<String, Object> args(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        map.put((String) pairs[i], pairs[i + 1]);
      }
    }
    return map;
  }
}
