package cn.xianglian.chaincode.grid.domain;

import static cn.xianglian.chaincode.domain.ErrorCode.ACCESS_DENIED;
import static cn.xianglian.chaincode.domain.ErrorCode.ALREADY_EXISTS;
import static cn.xianglian.chaincode.domain.ErrorCode.DEPARTMENT_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.GRID_CATALOGUE_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.GRID_EVENT_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.GRID_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.GRID_WORKER_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.INVALID_STATE;
import static cn.xianglian.chaincode.domain.ErrorCode.NOT_ASSIGNED;
import static cn.xianglian.chaincode.domain.ErrorCode.NO_DISPATCH_RULE;

import cn.xianglian.chaincode.domain.Actor;
import cn.xianglian.chaincode.domain.Require;
import cn.xianglian.chaincode.domain.Role;
import cn.xianglian.chaincode.domain.Tx;
import cn.xianglian.chaincode.domain.XlException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The decisions of the {@code grid} contract, in the check order of docs/contract-grid.md: loaded
 * state in, the record to write out (or the stored one, for a retry).
 */
public final class GridRules {

  private static final Set<Role> ADMINISTRATION =
      EnumSet.of(Role.VILLAGE, Role.TOWNSHIP, Role.COUNTY);

  /** Who may take each step (ACCESS_DENIED otherwise). */
  private static final Map<StepAction, Set<Role>> ROLES =
      Map.of(
          StepAction.ACCEPT, ADMINISTRATION,
          StepAction.REJECT, ADMINISTRATION,
          StepAction.DISPATCH, ADMINISTRATION,
          StepAction.RETURN, EnumSet.of(Role.DEPARTMENT),
          StepAction.CLAIM, EnumSet.of(Role.DEPARTMENT),
          StepAction.HANDLE, EnumSet.of(Role.DEPARTMENT),
          StepAction.VERIFY, EnumSet.of(Role.GRID_WORKER, Role.VILLAGE, Role.TOWNSHIP),
          StepAction.CLOSE, ADMINISTRATION,
          StepAction.RATE, EnumSet.of(Role.GRID_WORKER, Role.VILLAGER, Role.CONSUMER));

  /** The state each step starts from (INVALID_STATE otherwise). */
  private static final Map<StepAction, GridStatus> FROM =
      Map.of(
          StepAction.ACCEPT, GridStatus.REPORTED,
          StepAction.REJECT, GridStatus.REPORTED,
          StepAction.DISPATCH, GridStatus.ACCEPTED,
          StepAction.RETURN, GridStatus.DISPATCHED,
          StepAction.CLAIM, GridStatus.DISPATCHED,
          StepAction.HANDLE, GridStatus.CLAIMED,
          StepAction.VERIFY, GridStatus.HANDLED,
          StepAction.CLOSE, GridStatus.VERIFIED,
          StepAction.RATE, GridStatus.CLOSED);

  /** The highest escalation level: 1 township (乡镇), 2 county (县). */
  public static final int MAX_LEVEL = 2;

  private GridRules() {}

  /** A record to write, or the stored one of a retry (nothing to write). */
  public record Decided<T>(T record, boolean retry) {}

  // ---- structure ----------------------------------------------------------------------------

  public static Decided<Grid> registerGrid(
      RegisterGrid cmd, Actor actor, Optional<Grid> existing, Tx tx) {
    actor.requireRole(Role.COUNTY, Role.TOWNSHIP);
    actor.requireInScope(cmd.region());
    if (existing.isPresent()) {
      XlException.check(
          existing.get().sameContentAs(cmd),
          ALREADY_EXISTS,
          "grid " + cmd.gridId() + " exists with different content");
      return new Decided<>(existing.get(), true);
    }
    return new Decided<>(
        new Grid(cmd.gridId(), cmd.name(), cmd.region(), actor.party(), tx.time(), tx.txId()),
        false);
  }

  public static Decided<GridCatalogue> defineCatalogue(
      DefineCatalogue cmd,
      Actor actor,
      Optional<GridCatalogue> sameVersion,
      int latestVersion,
      Tx tx) {
    actor.requireRole(Role.COUNTY);
    actor.requireInScope(cmd.county());
    if (sameVersion.isPresent()) {
      XlException.check(
          sameVersion.get().sameContentAs(cmd),
          ALREADY_EXISTS,
          "catalogue version " + cmd.version() + " exists with different content");
      return new Decided<>(sameVersion.get(), true);
    }
    XlException.check(
        cmd.version() == latestVersion + 1,
        INVALID_STATE,
        "the next catalogue version is " + (latestVersion + 1) + ", not " + cmd.version());
    return new Decided<>(
        new GridCatalogue(
            cmd.county(),
            cmd.version(),
            cmd.categories(),
            cmd.departments(),
            cmd.rules(),
            actor.party(),
            tx.time(),
            tx.txId()),
        false);
  }

  /** Registers a worker; {@code personalHash} is the salted hash of its transient personal data. */
  public static Decided<GridWorker> registerWorker(
      RegisterWorker cmd,
      Actor actor,
      Optional<Grid> grid,
      Optional<GridWorker> existing,
      String personalHash,
      Tx tx) {
    Require.argument(personalHash != null, "a grid worker needs transient personal data");
    actor.requireRole(Role.COUNTY, Role.TOWNSHIP);
    Grid found = grid.orElseThrow(() -> new XlException(GRID_NOT_FOUND, "no grid " + cmd.gridId()));
    actor.requireInScope(found.region());
    if (existing.isPresent()) {
      GridWorker worker = existing.get();
      XlException.check(
          worker.mspId().equals(cmd.mspId())
              && worker.gridId().equals(cmd.gridId())
              && worker.personalHash().equals(personalHash),
          ALREADY_EXISTS,
          "grid worker " + cmd.workerId() + " exists with different content");
      return new Decided<>(worker, true);
    }
    return new Decided<>(
        new GridWorker(
            cmd.workerId(),
            cmd.mspId(),
            cmd.gridId(),
            personalHash,
            actor.party(),
            tx.time(),
            tx.txId()),
        false);
  }

  /** Moves a worker to another grid; assigning it to its current grid is a retry. */
  public static Decided<GridWorker> assignWorker(
      RegisterWorker cmd, Actor actor, Optional<Grid> grid, Optional<GridWorker> worker, Tx tx) {
    actor.requireRole(Role.COUNTY, Role.TOWNSHIP);
    Grid found = grid.orElseThrow(() -> new XlException(GRID_NOT_FOUND, "no grid " + cmd.gridId()));
    GridWorker current =
        worker.orElseThrow(
            () -> new XlException(GRID_WORKER_NOT_FOUND, "no grid worker " + cmd.workerId()));
    actor.requireInScope(found.region());
    Require.argument(current.mspId().equals(cmd.mspId()), "mspId differs from the worker's");
    if (current.gridId().equals(cmd.gridId())) {
      return new Decided<>(current, true);
    }
    return new Decided<>(
        new GridWorker(
            current.workerId(),
            current.mspId(),
            cmd.gridId(),
            current.personalHash(),
            actor.party(),
            tx.time(),
            tx.txId()),
        false);
  }

  // ---- events -------------------------------------------------------------------------------

  /**
   * Decides {@code reportEvent}. {@code worker} is the caller's worker record when the caller is a
   * grid worker; {@code catalogue} the county's latest catalogue; {@code reporterHash} the salted
   * hash of the reporter's transient personal data, if given.
   */
  public static Decided<GridEvent> report(
      ReportEvent cmd,
      Actor actor,
      Optional<Grid> grid,
      Optional<GridCatalogue> catalogue,
      Optional<GridWorker> worker,
      Optional<GridEvent> existing,
      String reporterHash,
      Tx tx) {
    OffsetDateTime at = time(cmd.at(), tx);
    actor.requireRole(Role.GRID_WORKER, Role.VILLAGER, Role.CONSUMER);
    Grid found = grid.orElseThrow(() -> new XlException(GRID_NOT_FOUND, "no grid " + cmd.gridId()));
    if (actor.role() != Role.CONSUMER) {
      actor.requireInScope(found.region());
    }
    GridCatalogue current =
        catalogue.orElseThrow(
            () ->
                new XlException(
                    GRID_CATALOGUE_NOT_FOUND, "no grid catalogue for " + found.region().county6()));
    Category category =
        current
            .category(cmd.category())
            .orElseThrow(
                () ->
                    new XlException(
                        GRID_CATALOGUE_NOT_FOUND,
                        "no category " + cmd.category() + " in catalogue"));
    XlException.check(
        category.reporters().contains(actor.role()),
        ACCESS_DENIED,
        name(actor.role()) + " may not report " + category.code());
    if (actor.role() == Role.GRID_WORKER) {
      XlException.check(
          worker.filter(w -> w.is(actor) && w.gridId().equals(found.gridId())).isPresent(),
          NOT_ASSIGNED,
          actor.party() + " is not a grid worker of grid " + found.gridId());
    }
    if (existing.isPresent()) {
      XlException.check(
          existing.get().sameContentAs(cmd, actor.party(), reporterHash),
          ALREADY_EXISTS,
          "event " + cmd.eventId() + " exists with different content");
      return new Decided<>(existing.get(), true);
    }
    Step step =
        new Step(
            StepAction.REPORT,
            null,
            GridStatus.REPORTED,
            actor.party(),
            actor.mspId(),
            actor.role(),
            at,
            tx.time(),
            tx.txId(),
            null,
            null,
            null,
            null,
            null,
            false);
    return new Decided<>(
        new GridEvent(
            cmd.eventId(),
            category.code(),
            current.version(),
            found.gridId(),
            found.region(),
            cmd.title(),
            cmd.description(),
            cmd.location(),
            cmd.photos(),
            actor.party(),
            actor.mspId(),
            actor.role(),
            reporterHash,
            GridStatus.REPORTED,
            null,
            category.limits(),
            at,
            at.plusHours(category.limits().totalHours()),
            0,
            List.of(),
            0,
            0,
            null,
            List.of(step)),
        false);
  }

  /**
   * Decides one transition. {@code catalogue} is the catalogue version the event was reported under
   * (dispatch rules and departments); {@code worker} the caller's worker record, if the caller is a
   * grid worker.
   */
  public static Decided<GridEvent> transition(
      StepAction action,
      Transition cmd,
      Actor actor,
      Optional<GridEvent> stored,
      Optional<GridCatalogue> catalogue,
      Optional<GridWorker> worker,
      Tx tx) {
    Require.argument(action != StepAction.REPORT, "report is its own transaction");
    requireFields(action, cmd);
    OffsetDateTime at = time(cmd.at(), tx);
    actor.requireRole(ROLES.get(action).toArray(Role[]::new));
    GridEvent event =
        stored.orElseThrow(
            () -> new XlException(GRID_EVENT_NOT_FOUND, "no grid event " + cmd.eventId()));
    if (action != StepAction.RATE) {
      actor.requireInScope(event.region());
    }
    requireAssigned(action, actor, event, worker);
    if (action == StepAction.DISPATCH && cmd.departmentId() != null) {
      XlException.check(
          catalogue.flatMap(c -> c.department(cmd.departmentId())).isPresent(),
          DEPARTMENT_NOT_FOUND,
          "no department "
              + cmd.departmentId()
              + " in catalogue version "
              + event.catalogueVersion());
    }
    if (isRetry(action, cmd, actor, event)) {
      return new Decided<>(event, true);
    }
    XlException.check(
        event.status() == FROM.get(action),
        INVALID_STATE,
        name(action) + " needs state " + FROM.get(action) + ", event is " + event.status());
    requireInOrder(event, at);
    List<Escalation> escalations = escalationsAt(event, at);
    boolean late = event.stageDeadline().map(at::isAfter).orElse(false);
    String department = event.departmentId();
    GridStatus to;
    int returns = event.returns();
    int reworks = event.reworks();
    switch (action) {
      case ACCEPT -> to = GridStatus.ACCEPTED;
      case REJECT -> to = GridStatus.REJECTED;
      case DISPATCH -> {
        to = GridStatus.DISPATCHED;
        department =
            cmd.departmentId() != null
                ? cmd.departmentId()
                : catalogue
                    .flatMap(c -> c.dispatchTo(event.category(), event.region()))
                    .orElseThrow(
                        () ->
                            new XlException(
                                NO_DISPATCH_RULE,
                                "no dispatch rule for "
                                    + event.category()
                                    + " in "
                                    + event.region()));
      }
      case RETURN -> {
        to = GridStatus.ACCEPTED;
        department = null;
        returns++;
      }
      case CLAIM -> to = GridStatus.CLAIMED;
      case HANDLE -> to = GridStatus.HANDLED;
      case VERIFY -> {
        to = cmd.passed() ? GridStatus.VERIFIED : GridStatus.CLAIMED;
        if (!cmd.passed()) {
          reworks++;
        }
      }
      case CLOSE -> to = GridStatus.CLOSED;
      case RATE -> to = GridStatus.RATED;
      default -> throw new IllegalStateException("unhandled " + action);
    }
    Step step =
        new Step(
            action,
            event.status(),
            to,
            actor.party(),
            actor.mspId(),
            actor.role(),
            at,
            tx.time(),
            tx.txId(),
            cmd.note(),
            cmd.evidence().isEmpty() ? null : cmd.evidence(),
            action == StepAction.DISPATCH ? department : null,
            cmd.passed(),
            cmd.rating(),
            late && action != StepAction.RATE);
    return new Decided<>(event.after(step, department, escalations, returns, reworks), false);
  }

  /**
   * Decides {@code escalate}: records the escalation levels an unfinished event has reached at
   * {@code at} (default the transaction time); INVALID_STATE when there is none to record.
   */
  public static GridEvent escalate(Transition cmd, Actor actor, Optional<GridEvent> stored, Tx tx) {
    Require.argument(
        cmd.note() == null
            && cmd.evidence().isEmpty()
            && cmd.departmentId() == null
            && cmd.passed() == null
            && cmd.rating() == null,
        "escalate takes eventId and at only");
    OffsetDateTime at = time(cmd.at(), tx);
    actor.requireRole(Role.VILLAGE, Role.TOWNSHIP, Role.COUNTY, Role.ADMIN);
    GridEvent event =
        stored.orElseThrow(
            () -> new XlException(GRID_EVENT_NOT_FOUND, "no grid event " + cmd.eventId()));
    actor.requireInScope(event.region());
    XlException.check(!event.status().isFinished(), INVALID_STATE, "event is " + event.status());
    requireInOrder(event, at);
    List<Escalation> escalations = escalationsAt(event, at);
    XlException.check(
        !escalations.isEmpty(),
        INVALID_STATE,
        "stage " + event.status() + " is not overdue beyond level " + event.escalationLevel());
    List<Escalation> all = new ArrayList<>(event.escalations());
    all.addAll(escalations);
    return new GridEvent(
        event.eventId(),
        event.category(),
        event.catalogueVersion(),
        event.gridId(),
        event.region(),
        event.title(),
        event.description(),
        event.location(),
        event.photos(),
        event.reporter(),
        event.reporterMsp(),
        event.reporterRole(),
        event.reporterHash(),
        event.status(),
        event.departmentId(),
        event.limits(),
        event.reportedAt(),
        event.dueAt(),
        escalations.get(escalations.size() - 1).level(),
        all,
        event.returns(),
        event.reworks(),
        event.rating(),
        event.steps());
  }

  // ---- deadlines ----------------------------------------------------------------------------

  /**
   * The escalation level of the current stage at {@code time}: 0 within its limit, 1 (township)
   * once past it, 2 (county) once past it by more than the limit again; 0 for finished states.
   */
  public static int levelAt(GridEvent event, OffsetDateTime time) {
    Optional<OffsetDateTime> deadline = event.stageDeadline();
    if (deadline.isEmpty() || !time.isAfter(deadline.get())) {
      return 0;
    }
    int hours = event.limits().stageHours(event.status());
    return time.isAfter(deadline.get().plusHours(hours)) ? 2 : 1;
  }

  /** The escalations not yet recorded that the event has reached at {@code time}. */
  public static List<Escalation> escalationsAt(GridEvent event, OffsetDateTime time) {
    int level = levelAt(event, time);
    List<Escalation> found = new ArrayList<>();
    if (level > event.escalationLevel()) {
      OffsetDateTime deadline = event.stageDeadline().orElseThrow();
      int hours = event.limits().stageHours(event.status());
      for (int next = event.escalationLevel() + 1; next <= level; next++) {
        found.add(
            new Escalation(
                next, event.status(), next == 1 ? deadline : deadline.plusHours(hours), time));
      }
    }
    return found;
  }

  // ---- checks -------------------------------------------------------------------------------

  private static OffsetDateTime time(OffsetDateTime at, Tx tx) {
    if (at == null) {
      return tx.time();
    }
    Require.argument(!at.isAfter(tx.time()), "at is later than the transaction time");
    return at;
  }

  private static void requireInOrder(GridEvent event, OffsetDateTime at) {
    XlException.check(
        !at.isBefore(event.lastStep().at()),
        INVALID_STATE,
        "at precedes the event's last step (" + event.lastStep().at() + ")");
  }

  private static void requireFields(StepAction action, Transition cmd) {
    boolean note = action == StepAction.REJECT || action == StepAction.RETURN;
    if (note) {
      Require.present("note", cmd.note());
    }
    Require.argument(
        action == StepAction.HANDLE ? !cmd.evidence().isEmpty() : cmd.evidence().isEmpty(),
        action == StepAction.HANDLE ? "handle needs evidence" : "evidence belongs to handle");
    Require.argument(
        action == StepAction.DISPATCH || cmd.departmentId() == null,
        "departmentId belongs to dispatch");
    Require.argument(
        (action == StepAction.VERIFY) == (cmd.passed() != null),
        action == StepAction.VERIFY ? "verify needs passed" : "passed belongs to verify");
    Require.argument(
        (action == StepAction.RATE) == (cmd.rating() != null),
        action == StepAction.RATE ? "rate needs rating" : "rating belongs to rate");
  }

  private static void requireAssigned(
      StepAction action, Actor actor, GridEvent event, Optional<GridWorker> worker) {
    switch (actor.role()) {
      case DEPARTMENT ->
          XlException.check(
              actor.partyId().equals(event.departmentId()),
              NOT_ASSIGNED,
              actor.partyId() + " is not the department of event " + event.eventId());
      case GRID_WORKER -> {
        if (action == StepAction.VERIFY) {
          XlException.check(
              worker.filter(w -> w.is(actor) && w.gridId().equals(event.gridId())).isPresent(),
              NOT_ASSIGNED,
              actor.party() + " is not a grid worker of grid " + event.gridId());
        }
      }
      default -> {}
    }
    if (action == StepAction.RATE) {
      XlException.check(
          actor.party().equals(event.reporter()),
          NOT_ASSIGNED,
          "only the reporter may rate event " + event.eventId());
    }
  }

  /** A step equal to the event's last one, by the same caller: a retried submission. */
  private static boolean isRetry(StepAction action, Transition cmd, Actor actor, GridEvent event) {
    Step last = event.lastStep();
    return last.action() == action
        && last.by().equals(actor.party())
        && Objects.equals(last.note(), cmd.note())
        && Objects.equals(last.evidence() == null ? List.of() : last.evidence(), cmd.evidence())
        && (cmd.departmentId() == null || cmd.departmentId().equals(last.departmentId()))
        && Objects.equals(last.passed(), cmd.passed())
        && Objects.equals(last.rating(), cmd.rating())
        && (cmd.at() == null || cmd.at().isEqual(last.at()));
  }

  private static String name(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
