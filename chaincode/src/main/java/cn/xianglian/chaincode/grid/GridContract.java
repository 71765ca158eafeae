package cn.xianglian.chaincode.grid;

import static cn.xianglian.chaincode.common.ChaincodeErrors.guard;
import static cn.xianglian.chaincode.domain.ErrorCode.GRID_CATALOGUE_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.GRID_EVENT_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.GRID_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.GRID_WORKER_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.LIMIT_EXCEEDED;

import cn.xianglian.chaincode.common.Caller;
import cn.xianglian.chaincode.common.CanonicalJson;
import cn.xianglian.chaincode.common.ObjectType;
import cn.xianglian.chaincode.common.Payloads;
import cn.xianglian.chaincode.common.SaltedPersonalData;
import cn.xianglian.chaincode.domain.Actor;
import cn.xianglian.chaincode.domain.RegionCode;
import cn.xianglian.chaincode.domain.Require;
import cn.xianglian.chaincode.domain.Role;
import cn.xianglian.chaincode.domain.Tx;
import cn.xianglian.chaincode.domain.XlException;
import cn.xianglian.chaincode.grid.domain.DefineCatalogue;
import cn.xianglian.chaincode.grid.domain.EventQuery;
import cn.xianglian.chaincode.grid.domain.Grid;
import cn.xianglian.chaincode.grid.domain.GridCatalogue;
import cn.xianglian.chaincode.grid.domain.GridEvent;
import cn.xianglian.chaincode.grid.domain.GridRules;
import cn.xianglian.chaincode.grid.domain.GridRules.Decided;
import cn.xianglian.chaincode.grid.domain.GridSla;
import cn.xianglian.chaincode.grid.domain.GridWorker;
import cn.xianglian.chaincode.grid.domain.RegisterGrid;
import cn.xianglian.chaincode.grid.domain.RegisterWorker;
import cn.xianglian.chaincode.grid.domain.ReportEvent;
import cn.xianglian.chaincode.grid.domain.SlaQuery;
import cn.xianglian.chaincode.grid.domain.StepAction;
import cn.xianglian.chaincode.grid.domain.Transition;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * The grid governance contract {@code grid} (网格化治理), as specified in docs/contract-grid.md: the
 * grid structure, grid workers, the county's category catalogue, and events through 上报 → 受理 → 派遣 →
 * 签收 → 处置 → 核查 → 结案 → 评价 with escalation. Each transaction parses its argument, reads the caller,
 * loads state, lets {@link GridRules} decide, then writes. Stateless.
 */
@Contract(
    name = "grid",
    info = @Info(title = "XiangLian grid governance", version = "0.1.0", description = "网格化治理"))
public final class GridContract implements ContractInterface {

  /** Transient key of personal data (JSON name, phone, idNumber) of a worker or reporter. */
  public static final String TRANSIENT_PERSONAL = "personal";

  /** Transient key of the salt (≥ 16 bytes) of that personal data. */
  public static final String TRANSIENT_SALT = "personal.salt";

  /** The most events one {@code getSlaStatistics} call reads. */
  public static final int SLA_LIMIT = 50_000;

  private static final Pattern COUNTY = Pattern.compile("[0-9]{6}");
  private static final Pattern SCOPE = Pattern.compile("[0-9]{6}|[0-9]{9}|[0-9]{12}");

  // ---- structure and catalogue --------------------------------------------------------------

  /** Defines the next version of a county's category catalogue (county only). */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String defineCatalogue(Context ctx, String json) {
    return guard(
        () -> {
          DefineCatalogue cmd = parse(json, DefineCatalogue.class);
          Actor actor = Caller.of(ctx);
          GridStore store = new GridStore(ctx.getStub());
          String county6 = cmd.county().county6();
          int latest = store.latestCatalogue(county6).map(GridCatalogue::version).orElse(0);
          Decided<GridCatalogue> decided =
              GridRules.defineCatalogue(
                  cmd, actor, store.catalogue(county6, cmd.version()), latest, store.tx());
          if (!decided.retry()) {
            store.write(decided.record());
            store.event(
                "GridCatalogueDefined",
                "GridCatalogue",
                county6 + ":" + decided.record().version(),
                "DEFINED");
          }
          return CanonicalJson.text(decided.record());
        });
  }

  /** Registers a grid in a village (county or township in scope). */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String registerGrid(Context ctx, String json) {
    return guard(
        () -> {
          RegisterGrid cmd = parse(json, RegisterGrid.class);
          Actor actor = Caller.of(ctx);
          GridStore store = new GridStore(ctx.getStub());
          Decided<Grid> decided =
              GridRules.registerGrid(cmd, actor, store.grid(cmd.gridId()), store.tx());
          if (!decided.retry()) {
            store.write(decided.record());
            store.event("GridRegistered", "Grid", cmd.gridId(), "REGISTERED");
          }
          return CanonicalJson.text(decided.record());
        });
  }

  /**
   * Registers a grid worker with its personal data as transient {@code personal} + {@code
   * personal.salt} (private collection; public state keeps the salted hash).
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String registerWorker(Context ctx, String json) {
    return guard(
        () -> {
          RegisterWorker cmd = parse(json, RegisterWorker.class);
          Optional<SaltedPersonalData> personal =
              SaltedPersonalData.fromTransient(ctx.getStub(), TRANSIENT_PERSONAL, TRANSIENT_SALT);
          Actor actor = Caller.of(ctx);
          GridStore store = new GridStore(ctx.getStub());
          Decided<GridWorker> decided =
              GridRules.registerWorker(
                  cmd,
                  actor,
                  store.grid(cmd.gridId()),
                  store.worker(cmd.workerId()),
                  personal.map(SaltedPersonalData::sha256Hex).orElse(null),
                  store.tx());
          if (!decided.retry()) {
            store.write(decided.record());
            SaltedPersonalData data = personal.orElseThrow();
            store.writePersonal(
                ObjectType.GRID_WORKER_PERSONAL, cmd.workerId(), data.data(), data.saltHex());
            store.event("GridWorkerRegistered", "GridWorker", cmd.workerId(), cmd.gridId());
          }
          return CanonicalJson.text(decided.record());
        });
  }

  /** Moves a grid worker to another grid (county or township in scope of the new grid). */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String assignWorker(Context ctx, String json) {
    return guard(
        () -> {
          RegisterWorker cmd = parse(json, RegisterWorker.class);
          Actor actor = Caller.of(ctx);
          GridStore store = new GridStore(ctx.getStub());
          Decided<GridWorker> decided =
              GridRules.assignWorker(
                  cmd, actor, store.grid(cmd.gridId()), store.worker(cmd.workerId()), store.tx());
          if (!decided.retry()) {
            store.write(decided.record());
            store.event("GridWorkerAssigned", "GridWorker", cmd.workerId(), cmd.gridId());
          }
          return CanonicalJson.text(decided.record());
        });
  }

  // ---- events -------------------------------------------------------------------------------

  /**
   * Reports an event (grid worker, villager) or a complaint or suggestion (villager, consumer); a
   * reporter may add personal data as transient {@code personal} + {@code personal.salt}.
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String reportEvent(Context ctx, String json) {
    return guard(
        () -> {
          ReportEvent cmd = parse(json, ReportEvent.class);
          Optional<SaltedPersonalData> personal =
              SaltedPersonalData.fromTransient(ctx.getStub(), TRANSIENT_PERSONAL, TRANSIENT_SALT);
          Actor actor = Caller.of(ctx);
          GridStore store = new GridStore(ctx.getStub());
          Optional<Grid> grid = store.grid(cmd.gridId());
          Decided<GridEvent> decided =
              GridRules.report(
                  cmd,
                  actor,
                  grid,
                  grid.flatMap(g -> store.latestCatalogue(g.region().county6())),
                  callerWorker(store, actor),
                  store.event(cmd.eventId()),
                  personal.map(SaltedPersonalData::sha256Hex).orElse(null),
                  store.tx());
          GridEvent event = decided.record();
          if (!decided.retry()) {
            store.write(event, true, false);
            personal.ifPresent(
                p ->
                    store.writePersonal(
                        ObjectType.GRID_REPORTER_PERSONAL, event.eventId(), p.data(), p.saltHex()));
            store.event("GridEventChanged", "GridEvent", event.eventId(), event.status().name());
          }
          return CanonicalJson.text(event);
        });
  }

  /** 受理: village, township or county in scope. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String acceptEvent(Context ctx, String json) {
    return step(ctx, json, StepAction.ACCEPT);
  }

  /** 不予受理, with a reason in {@code note}. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String rejectEvent(Context ctx, String json) {
    return step(ctx, json, StepAction.REJECT);
  }

  /** 派遣 to the department the catalogue's rules name (or the one given, for reassignment). */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String dispatchEvent(Context ctx, String json) {
    return step(ctx, json, StepAction.DISPATCH);
  }

  /** 退回: the dispatched department sends the event back for re-dispatch, with a reason. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String returnEvent(Context ctx, String json) {
    return step(ctx, json, StepAction.RETURN);
  }

  /** 签收 by the dispatched department. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String claimEvent(Context ctx, String json) {
    return step(ctx, json, StepAction.CLAIM);
  }

  /** 处置 by the dispatched department, with evidence (SHA-256 of photos or documents). */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String handleEvent(Context ctx, String json) {
    return step(ctx, json, StepAction.HANDLE);
  }

  /** 核查 by the grid's worker, the village or township: passed, or back to the department. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String verifyEvent(Context ctx, String json) {
    return step(ctx, json, StepAction.VERIFY);
  }

  /** 结案 by the village, township or county. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String closeEvent(Context ctx, String json) {
    return step(ctx, json, StepAction.CLOSE);
  }

  /** 评价 (1–5) by the reporter of a closed event. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String rateEvent(Context ctx, String json) {
    return step(ctx, json, StepAction.RATE);
  }

  /** Records the escalation an overdue stage has reached (village, township, county, admin). */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String escalateEvent(Context ctx, String json) {
    return guard(
        () -> {
          Transition cmd = parse(json, Transition.class);
          Actor actor = Caller.of(ctx);
          GridStore store = new GridStore(ctx.getStub());
          GridEvent event = GridRules.escalate(cmd, actor, store.event(cmd.eventId()), store.tx());
          store.write(event, false, false);
          store.event("GridEventEscalated", "GridEvent", event.eventId(), event.status().name());
          return CanonicalJson.text(event);
        });
  }

  private String step(Context ctx, String json, StepAction action) {
    return guard(
        () -> {
          Transition cmd = parse(json, Transition.class);
          Actor actor = Caller.of(ctx);
          GridStore store = new GridStore(ctx.getStub());
          Optional<GridEvent> stored = store.event(cmd.eventId());
          // Only dispatch needs the catalogue, only verify the caller's worker record.
          Optional<GridCatalogue> catalogue =
              action != StepAction.DISPATCH
                  ? Optional.empty()
                  : stored.flatMap(
                      e -> store.catalogue(e.region().county6(), e.catalogueVersion()));
          Optional<GridWorker> worker =
              action == StepAction.VERIFY ? callerWorker(store, actor) : Optional.empty();
          Tx tx = store.tx();
          Decided<GridEvent> decided =
              GridRules.transition(action, cmd, actor, stored, catalogue, worker, tx);
          GridEvent event = decided.record();
          if (!decided.retry()) {
            boolean newDepartment =
                action == StepAction.DISPATCH
                    && !Objects.equals(event.departmentId(), stored.orElseThrow().departmentId());
            store.write(event, false, newDepartment);
            store.event("GridEventChanged", "GridEvent", event.eventId(), event.status().name());
          }
          return CanonicalJson.text(event);
        });
  }

  // ---- queries ------------------------------------------------------------------------------

  /** The latest catalogue of a county ({@code 520122}), or version {@code 520122:2}. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String getCatalogue(Context ctx, String countyAndVersion) {
    return guard(
        () -> {
          Require.present("county", countyAndVersion);
          String[] parts = countyAndVersion.split(":", -1);
          Require.argument(
              parts.length <= 2 && COUNTY.matcher(parts[0]).matches(),
              "give a 6-digit county, optionally :version");
          Caller.of(ctx);
          GridStore store = new GridStore(ctx.getStub());
          Optional<GridCatalogue> catalogue =
              parts.length == 1
                  ? store.latestCatalogue(parts[0])
                  : store.catalogue(parts[0], version(parts[1]));
          return CanonicalJson.text(
              catalogue.orElseThrow(
                  () ->
                      new XlException(
                          GRID_CATALOGUE_NOT_FOUND, "no catalogue " + countyAndVersion)));
        });
  }

  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String getGrid(Context ctx, String gridId) {
    return guard(
        () -> {
          Require.id("gridId", gridId);
          Caller.of(ctx);
          return CanonicalJson.text(
              new GridStore(ctx.getStub())
                  .grid(gridId)
                  .orElseThrow(() -> new XlException(GRID_NOT_FOUND, "no grid " + gridId)));
        });
  }

  /** The grids of a region scope (6, 9 or 12 digits), in township, village, grid id order. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String listGrids(Context ctx, String scope) {
    return guard(
        () -> {
          scope(scope);
          Caller.of(ctx);
          return CanonicalJson.text(
              Map.of(
                  "records", new GridStore(ctx.getStub()).grids(GridStore.scopeAttributes(scope))));
        });
  }

  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String getWorker(Context ctx, String workerId) {
    return guard(
        () -> {
          Require.id("workerId", workerId);
          Caller.of(ctx);
          return CanonicalJson.text(
              new GridStore(ctx.getStub())
                  .worker(workerId)
                  .orElseThrow(
                      () -> new XlException(GRID_WORKER_NOT_FOUND, "no grid worker " + workerId)));
        });
  }

  /** The workers currently assigned to a grid. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String listWorkers(Context ctx, String gridId) {
    return guard(
        () -> {
          Require.id("gridId", gridId);
          Caller.of(ctx);
          GridStore store = new GridStore(ctx.getStub());
          store
              .grid(gridId)
              .orElseThrow(() -> new XlException(GRID_NOT_FOUND, "no grid " + gridId));
          return CanonicalJson.text(Map.of("records", store.workersOf(gridId)));
        });
  }

  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String getEvent(Context ctx, String eventId) {
    return guard(
        () -> {
          Require.id("eventId", eventId);
          Caller.of(ctx);
          return CanonicalJson.text(
              new GridStore(ctx.getStub())
                  .event(eventId)
                  .orElseThrow(
                      () -> new XlException(GRID_EVENT_NOT_FOUND, "no grid event " + eventId)));
        });
  }

  /** A page of events of a region scope, a grid or a department, optionally of one state. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String listEvents(Context ctx, String json) {
    return guard(
        () -> {
          EventQuery query = parse(json, EventQuery.class);
          Caller.of(ctx);
          GridStore store = new GridStore(ctx.getStub());
          GridStore.EventPage page;
          if (query.departmentId() != null) {
            page =
                store.events(
                    ObjectType.GRID_EVENT_BY_DEPARTMENT,
                    query.size(),
                    query.bookmark(),
                    query.departmentId());
          } else if (query.gridId() != null) {
            Grid grid =
                store
                    .grid(query.gridId())
                    .orElseThrow(
                        () -> new XlException(GRID_NOT_FOUND, "no grid " + query.gridId()));
            RegionCode region = grid.region();
            page =
                store.events(
                    ObjectType.GRID_EVENT_BY_REGION,
                    query.size(),
                    query.bookmark(),
                    region.county6(),
                    region.township9(),
                    region.village12(),
                    grid.gridId());
          } else {
            page =
                store.events(
                    ObjectType.GRID_EVENT_BY_REGION,
                    query.size(),
                    query.bookmark(),
                    GridStore.scopeAttributes(query.scope()));
          }
          List<GridEvent> events =
              page.events().stream()
                  .filter(
                      e ->
                          query.departmentId() == null
                              || query.departmentId().equals(e.departmentId()))
                  .filter(e -> query.status() == null || e.status() == query.status())
                  .toList();
          return CanonicalJson.text(Map.of("records", events, "bookmark", page.bookmark()));
        });
  }

  /**
   * SLA figures of the events of a region scope, grouped by grid, village, township, county or
   * department ({@link GridSla}); LIMIT_EXCEEDED past {@link #SLA_LIMIT} events.
   */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String getSlaStatistics(Context ctx, String json) {
    return guard(
        () -> {
          SlaQuery query = parse(json, SlaQuery.class);
          Caller.of(ctx);
          GridStore store = new GridStore(ctx.getStub());
          List<GridEvent> events =
              store.eventsIn(SLA_LIMIT, GridStore.scopeAttributes(query.scope()));
          XlException.check(
              events.size() <= SLA_LIMIT,
              LIMIT_EXCEEDED,
              "more than " + SLA_LIMIT + " events in " + query.scope());
          return CanonicalJson.text(
              GridSla.compute(
                  events.stream().filter(query::covers).toList(),
                  query.groupBy(),
                  query.asOf() != null ? query.asOf() : store.tx().time()));
        });
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static <T> T parse(String json, Class<T> type) {
    return CanonicalJson.read(Payloads.limited("argument", json), type);
  }

  private static Optional<GridWorker> callerWorker(GridStore store, Actor actor) {
    if (actor.role() != Role.GRID_WORKER || !Require.ID.matcher(actor.partyId()).matches()) {
      return Optional.empty();
    }
    return store.worker(actor.partyId());
  }

  private static void scope(String scope) {
    Require.present("scope", scope);
    Require.argument(SCOPE.matcher(scope).matches(), "scope must be 6, 9 or 12 digits");
  }

  private static int version(String text) {
    Require.argument(text.matches("[0-9]{1,4}"), "version must be 1..9999");
    return Integer.parseInt(text);
  }
}
