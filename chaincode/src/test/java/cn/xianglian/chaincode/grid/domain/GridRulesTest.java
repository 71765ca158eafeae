package cn.xianglian.chaincode.grid.domain;

import static cn.xianglian.chaincode.grid.domain.GridFixtures.CATALOGUE;
import static cn.xianglian.chaincode.grid.domain.GridFixtures.CONSUMER;
import static cn.xianglian.chaincode.grid.domain.GridFixtures.COUNTY_DEPT;
import static cn.xianglian.chaincode.grid.domain.GridFixtures.COUNTY_OFFICE;
import static cn.xianglian.chaincode.grid.domain.GridFixtures.GRID;
import static cn.xianglian.chaincode.grid.domain.GridFixtures.OTHER_GRID;
import static cn.xianglian.chaincode.grid.domain.GridFixtures.OTHER_WORKER;
import static cn.xianglian.chaincode.grid.domain.GridFixtures.OTHER_WORKER_RECORD;
import static cn.xianglian.chaincode.grid.domain.GridFixtures.T0;
import static cn.xianglian.chaincode.grid.domain.GridFixtures.TOWNSHIP;
import static cn.xianglian.chaincode.grid.domain.GridFixtures.TOWNSHIP_DEPT;
import static cn.xianglian.chaincode.grid.domain.GridFixtures.VILLAGER;
import static cn.xianglian.chaincode.grid.domain.GridFixtures.VILLAGE_COMMITTEE;
import static cn.xianglian.chaincode.grid.domain.GridFixtures.WORKER;
import static cn.xianglian.chaincode.grid.domain.GridFixtures.WORKER_RECORD;
import static cn.xianglian.chaincode.grid.domain.GridFixtures.report;
import static cn.xianglian.chaincode.grid.domain.GridFixtures.reported;
import static cn.xianglian.chaincode.grid.domain.GridFixtures.step;
import static cn.xianglian.chaincode.grid.domain.GridFixtures.time;
import static cn.xianglian.chaincode.grid.domain.GridFixtures.transition;
import static cn.xianglian.chaincode.grid.domain.GridFixtures.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.xianglian.chaincode.domain.Actor;
import cn.xianglian.chaincode.domain.ErrorCode;
import cn.xianglian.chaincode.domain.Role;
import cn.xianglian.chaincode.domain.XlException;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GridRulesTest {

  static ErrorCode code(Runnable call) {
    XlException e = catchThrowableOfType(XlException.class, call::run);
    assertThat(e).as("must be rejected").isNotNull();
    return e.code();
  }

  static GridRules.Decided<GridEvent> reportAs(
      Actor actor, ReportEvent cmd, Optional<GridWorker> worker, Optional<GridEvent> existing) {
    return GridRules.report(
        cmd,
        actor,
        Optional.of(GRID),
        Optional.of(CATALOGUE),
        worker,
        existing,
        null,
        tx(time(T0)));
  }

  static GridEvent apply(
      GridEvent event, StepAction action, Actor actor, Transition cmd, int hours) {
    return GridRules.transition(
            action,
            cmd,
            actor,
            Optional.of(event),
            Optional.of(CATALOGUE),
            actor.role() == Role.GRID_WORKER ? Optional.of(WORKER_RECORD) : Optional.empty(),
            tx(time(T0).plusHours(hours)))
        .record();
  }

  @Nested
  @DisplayName("report")
  class Report {

    @Test
    @DisplayName(
        "a grid worker of the grid reports: REPORTED, due after the category's total limit")
    void workerReports() {
      GridEvent event = reported();
      assertThat(event.status()).isEqualTo(GridStatus.REPORTED);
      assertThat(event.reporter()).isEqualTo("GridOrgMSP/W-1");
      assertThat(event.reporterRole()).isEqualTo(Role.GRID_WORKER);
      assertThat(event.dueAt()).isEqualTo(time(T0).plusHours(48));
      assertThat(event.limits()).isEqualTo(GridFixtures.SANITATION_LIMITS);
      assertThat(event.catalogueVersion()).isEqualTo(1);
      assertThat(event.steps())
          .singleElement()
          .satisfies(s -> assertThat(s.by()).isEqualTo("GridOrgMSP/W-1"));
    }

    @Test
    @DisplayName(
        "a consumer files a complaint (投诉建议) for any region, but may not report sanitation")
    void consumer() {
      GridEvent complaint =
          reportAs(CONSUMER, report("E-C", "COMPLAINT"), Optional.empty(), Optional.empty())
              .record();
      assertThat(complaint.reporterRole()).isEqualTo(Role.CONSUMER);
      assertThat(
              code(
                  () ->
                      reportAs(
                          CONSUMER,
                          report("E-S", "SANITATION"),
                          Optional.empty(),
                          Optional.empty())))
          .isEqualTo(ErrorCode.ACCESS_DENIED);
    }

    @Test
    @DisplayName(
        "denials: wrong role, villager elsewhere, unknown grid, no catalogue or category, worker of another grid")
    void denials() {
      assertThat(
              code(
                  () ->
                      reportAs(
                          TOWNSHIP, report("E", "SANITATION"), Optional.empty(), Optional.empty())))
          .isEqualTo(ErrorCode.ACCESS_DENIED);
      Actor elsewhere = new Actor("PortalMSP", "v2", Role.VILLAGER, GridFixtures.OTHER_VILLAGE);
      assertThat(
              code(
                  () ->
                      reportAs(
                          elsewhere,
                          report("E", "SANITATION"),
                          Optional.empty(),
                          Optional.empty())))
          .isEqualTo(ErrorCode.REGION_OUT_OF_SCOPE);
      assertThat(
              code(
                  () ->
                      GridRules.report(
                          report("E", "SANITATION"),
                          VILLAGER,
                          Optional.empty(),
                          Optional.of(CATALOGUE),
                          Optional.empty(),
                          Optional.empty(),
                          null,
                          tx(time(T0)))))
          .isEqualTo(ErrorCode.GRID_NOT_FOUND);
      assertThat(
              code(
                  () ->
                      GridRules.report(
                          report("E", "SANITATION"),
                          VILLAGER,
                          Optional.of(GRID),
                          Optional.empty(),
                          Optional.empty(),
                          Optional.empty(),
                          null,
                          tx(time(T0)))))
          .isEqualTo(ErrorCode.GRID_CATALOGUE_NOT_FOUND);
      assertThat(
              code(
                  () ->
                      reportAs(VILLAGER, report("E", "FLOOD"), Optional.empty(), Optional.empty())))
          .isEqualTo(ErrorCode.GRID_CATALOGUE_NOT_FOUND);
      Actor otherGridWorker =
          new Actor("GridOrgMSP", "W-2", Role.GRID_WORKER, GridFixtures.VILLAGE);
      assertThat(
              code(
                  () ->
                      reportAs(
                          otherGridWorker,
                          report("E", "SANITATION"),
                          Optional.of(OTHER_WORKER_RECORD),
                          Optional.empty())))
          .isEqualTo(ErrorCode.NOT_ASSIGNED);
      assertThat(
              code(
                  () ->
                      reportAs(
                          WORKER, report("E", "SANITATION"), Optional.empty(), Optional.empty())))
          .isEqualTo(ErrorCode.NOT_ASSIGNED);
    }

    @Test
    @DisplayName("a time after the transaction's is INVALID_ARGUMENT")
    void future() {
      ReportEvent cmd =
          new ReportEvent(
              "E", "G-1", "SANITATION", "t", null, null, List.of(), time(T0).plusMinutes(1));
      assertThat(code(() -> reportAs(VILLAGER, cmd, Optional.empty(), Optional.empty())))
          .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    @DisplayName("the same report again is a retry; other content under the id is ALREADY_EXISTS")
    void retry() {
      GridEvent event = reported();
      assertThat(
              reportAs(
                  WORKER,
                  report("E-1", "SANITATION"),
                  Optional.of(WORKER_RECORD),
                  Optional.of(event)))
          .isEqualTo(new GridRules.Decided<>(event, true));
      assertThat(
              code(
                  () ->
                      reportAs(
                          WORKER,
                          report("E-1", "DISPUTE"),
                          Optional.of(WORKER_RECORD),
                          Optional.of(event))))
          .isEqualTo(ErrorCode.ALREADY_EXISTS);
    }
  }

  @Nested
  @DisplayName("the closed loop")
  class Loop {

    @Test
    @DisplayName("上报 → 受理 → 派遣 → 签收 → 处置 → 核查 → 结案 → 评价, every step signed by its caller")
    void fullLoop() {
      GridEvent event = GridFixtures.rated(1);
      assertThat(event.steps())
          .extracting(Step::to)
          .containsExactly(
              GridStatus.REPORTED,
              GridStatus.ACCEPTED,
              GridStatus.DISPATCHED,
              GridStatus.CLAIMED,
              GridStatus.HANDLED,
              GridStatus.VERIFIED,
              GridStatus.CLOSED,
              GridStatus.RATED);
      assertThat(event.steps())
          .extracting(Step::by)
          .containsExactly(
              "GridOrgMSP/W-1",
              "CountyOrgMSP/V-201",
              "CountyOrgMSP/V-201",
              "CountyOrgMSP/D-TS-ENV",
              "CountyOrgMSP/D-TS-ENV",
              "GridOrgMSP/W-1",
              "CountyOrgMSP/TS-100",
              "GridOrgMSP/W-1");
      assertThat(event.status()).isEqualTo(GridStatus.RATED);
      assertThat(event.rating()).isEqualTo(5);
      assertThat(event.escalationLevel()).isZero();
      assertThat(event.steps()).noneMatch(Step::late);
      assertThat(event.handledAt()).contains(time(T0).plusHours(4));
      assertThat(event.closedAt()).contains(time(T0).plusHours(6));
    }

    @Test
    @DisplayName(
        "派遣 follows the longest matching rule prefix: the township's station before the county's bureau")
    void dispatchByRule() {
      GridEvent accepted = step(reported(), StepAction.ACCEPT, VILLAGE_COMMITTEE, 1);
      GridEvent dispatched = step(accepted, StepAction.DISPATCH, VILLAGE_COMMITTEE, 1);
      assertThat(dispatched.departmentId()).isEqualTo("D-TS-ENV");
      assertThat(dispatched.lastStep().departmentId()).isEqualTo("D-TS-ENV");
      GridEvent reassigned =
          apply(
              accepted,
              StepAction.DISPATCH,
              TOWNSHIP,
              new Transition("E-1", null, null, null, "D-ENV", null, null),
              1);
      assertThat(reassigned.departmentId()).isEqualTo("D-ENV");
    }

    @Test
    @DisplayName(
        "退回 sends a dispatch back to ACCEPTED; a failed 核查 sends the event back to the department")
    void returnAndRework() {
      GridEvent dispatched =
          step(
              step(reported(), StepAction.ACCEPT, VILLAGE_COMMITTEE, 1),
              StepAction.DISPATCH,
              TOWNSHIP,
              1);
      GridEvent returned = step(dispatched, StepAction.RETURN, TOWNSHIP_DEPT, 2);
      assertThat(returned.status()).isEqualTo(GridStatus.ACCEPTED);
      assertThat(returned.departmentId()).isNull();
      assertThat(returned.returns()).isEqualTo(1);

      GridEvent handled =
          step(
              step(dispatched, StepAction.CLAIM, TOWNSHIP_DEPT, 2),
              StepAction.HANDLE,
              TOWNSHIP_DEPT,
              3);
      GridEvent failed =
          apply(
              handled,
              StepAction.VERIFY,
              WORKER,
              new Transition("E-1", null, "仍有垃圾", null, null, false, null),
              4);
      assertThat(failed.status()).isEqualTo(GridStatus.CLAIMED);
      assertThat(failed.reworks()).isEqualTo(1);
    }

    @Test
    @DisplayName("不予受理 ends the loop")
    void reject() {
      GridEvent rejected = step(reported(), StepAction.REJECT, VILLAGE_COMMITTEE, 1);
      assertThat(rejected.status()).isEqualTo(GridStatus.REJECTED);
      assertThat(rejected.lastStep().note()).isEqualTo("不属实");
      assertThat(code(() -> step(rejected, StepAction.ACCEPT, VILLAGE_COMMITTEE, 2)))
          .isEqualTo(ErrorCode.INVALID_STATE);
    }

    @Test
    @DisplayName("every step from every state it does not start from is INVALID_STATE")
    void illegalTransitions() {
      Map<GridStatus, GridEvent> byState =
          Map.of(
              GridStatus.REPORTED, reported(),
              GridStatus.ACCEPTED, step(reported(), StepAction.ACCEPT, VILLAGE_COMMITTEE, 1),
              GridStatus.REJECTED, step(reported(), StepAction.REJECT, VILLAGE_COMMITTEE, 1),
              GridStatus.RATED, GridFixtures.rated(1));
      Map<StepAction, Actor> actors =
          Map.of(
              StepAction.ACCEPT, VILLAGE_COMMITTEE,
              StepAction.REJECT, VILLAGE_COMMITTEE,
              StepAction.DISPATCH, VILLAGE_COMMITTEE,
              StepAction.CLOSE, VILLAGE_COMMITTEE,
              StepAction.VERIFY, VILLAGE_COMMITTEE,
              StepAction.RATE, WORKER);
      int checked = 0;
      for (var state : byState.entrySet()) {
        for (var action : actors.entrySet()) {
          GridStatus from = state.getKey();
          boolean legal =
              (from == GridStatus.REPORTED
                      && EnumSet.of(StepAction.ACCEPT, StepAction.REJECT).contains(action.getKey()))
                  || (from == GridStatus.ACCEPTED && action.getKey() == StepAction.DISPATCH);
          GridEvent event = state.getValue();
          // The step the event just took, by the same caller, is a retry (see retry()).
          boolean retried = event.lastStep().action() == action.getKey();
          if (!legal && !retried) {
            assertThat(code(() -> step(event, action.getKey(), action.getValue(), 30)))
                .as(action.getKey() + " from " + from)
                .isEqualTo(ErrorCode.INVALID_STATE);
            checked++;
          }
        }
      }
      assertThat(checked).isEqualTo(18);
      GridEvent dispatched =
          step(byState.get(GridStatus.ACCEPTED), StepAction.DISPATCH, TOWNSHIP, 1);
      assertThat(code(() -> step(dispatched, StepAction.HANDLE, TOWNSHIP_DEPT, 2)))
          .as("handle before claim")
          .isEqualTo(ErrorCode.INVALID_STATE);
    }

    @Test
    @DisplayName(
        "wrong roles are ACCESS_DENIED; another department or a non-reporter is NOT_ASSIGNED")
    void roles() {
      GridEvent event = reported();
      assertThat(code(() -> step(event, StepAction.ACCEPT, TOWNSHIP_DEPT, 1)))
          .isEqualTo(ErrorCode.ACCESS_DENIED);
      assertThat(code(() -> step(event, StepAction.ACCEPT, WORKER, 1)))
          .isEqualTo(ErrorCode.ACCESS_DENIED);
      GridEvent dispatched =
          step(
              step(event, StepAction.ACCEPT, VILLAGE_COMMITTEE, 1),
              StepAction.DISPATCH,
              TOWNSHIP,
              1);
      assertThat(code(() -> step(dispatched, StepAction.CLAIM, VILLAGE_COMMITTEE, 2)))
          .isEqualTo(ErrorCode.ACCESS_DENIED);
      assertThat(code(() -> step(dispatched, StepAction.CLAIM, COUNTY_DEPT, 2)))
          .isEqualTo(ErrorCode.NOT_ASSIGNED);
      GridEvent closed =
          step(
              step(
                  step(
                      step(dispatched, StepAction.CLAIM, TOWNSHIP_DEPT, 2),
                      StepAction.HANDLE,
                      TOWNSHIP_DEPT,
                      3),
                  StepAction.VERIFY,
                  TOWNSHIP,
                  4),
              StepAction.CLOSE,
              COUNTY_OFFICE,
              5);
      assertThat(code(() -> step(closed, StepAction.RATE, VILLAGER, 6)))
          .isEqualTo(ErrorCode.NOT_ASSIGNED);
      GridEvent handled =
          step(
              step(dispatched, StepAction.CLAIM, TOWNSHIP_DEPT, 2),
              StepAction.HANDLE,
              TOWNSHIP_DEPT,
              3);
      assertThat(
              code(
                  () ->
                      GridRules.transition(
                          StepAction.VERIFY,
                          transition("E-1", StepAction.VERIFY),
                          OTHER_WORKER,
                          Optional.of(handled),
                          Optional.of(CATALOGUE),
                          Optional.of(OTHER_WORKER_RECORD),
                          tx(time(T0).plusHours(4)))))
          .isEqualTo(ErrorCode.REGION_OUT_OF_SCOPE);
    }

    @Test
    @DisplayName(
        "no rule for the category is NO_DISPATCH_RULE; an unlisted department DEPARTMENT_NOT_FOUND")
    void dispatchDenials() {
      GridEvent dispute =
          reportAs(WORKER, report("E-D", "DISPUTE"), Optional.of(WORKER_RECORD), Optional.empty())
              .record();
      GridEvent accepted = step(dispute, StepAction.ACCEPT, VILLAGE_COMMITTEE, 1);
      assertThat(code(() -> step(accepted, StepAction.DISPATCH, VILLAGE_COMMITTEE, 1)))
          .isEqualTo(ErrorCode.NO_DISPATCH_RULE);
      assertThat(
              code(
                  () ->
                      apply(
                          accepted,
                          StepAction.DISPATCH,
                          TOWNSHIP,
                          new Transition("E-D", null, null, null, "D-X", null, null),
                          1)))
          .isEqualTo(ErrorCode.DEPARTMENT_NOT_FOUND);
    }

    @Test
    @DisplayName(
        "fields of other steps, a missing reason, evidence or outcome are INVALID_ARGUMENT")
    void fields() {
      GridEvent event = reported();
      assertThat(
              code(
                  () ->
                      apply(event, StepAction.REJECT, VILLAGE_COMMITTEE, Transition.of("E-1"), 1)))
          .isEqualTo(ErrorCode.INVALID_ARGUMENT);
      assertThat(
              code(
                  () ->
                      apply(
                          event,
                          StepAction.ACCEPT,
                          VILLAGE_COMMITTEE,
                          new Transition("E-1", null, null, null, null, null, 3),
                          1)))
          .isEqualTo(ErrorCode.INVALID_ARGUMENT);
      assertThat(
              code(() -> apply(event, StepAction.HANDLE, TOWNSHIP_DEPT, Transition.of("E-1"), 1)))
          .isEqualTo(ErrorCode.INVALID_ARGUMENT);
      assertThat(code(() -> apply(event, StepAction.VERIFY, WORKER, Transition.of("E-1"), 1)))
          .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    @DisplayName(
        "a step dated before the previous one is INVALID_STATE; after the transaction INVALID_ARGUMENT")
    void timeOrder() {
      GridEvent accepted = step(reported(), StepAction.ACCEPT, VILLAGE_COMMITTEE, 5);
      Transition early = new Transition("E-1", time(T0).plusHours(4), null, null, null, null, null);
      assertThat(code(() -> apply(accepted, StepAction.DISPATCH, VILLAGE_COMMITTEE, early, 6)))
          .isEqualTo(ErrorCode.INVALID_STATE);
      Transition future =
          new Transition("E-1", time(T0).plusHours(7), null, null, null, null, null);
      assertThat(code(() -> apply(accepted, StepAction.DISPATCH, VILLAGE_COMMITTEE, future, 6)))
          .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    @DisplayName("the same step again by the same caller is a retry and changes nothing")
    void retry() {
      GridEvent accepted = step(reported(), StepAction.ACCEPT, VILLAGE_COMMITTEE, 1);
      var again =
          GridRules.transition(
              StepAction.ACCEPT,
              Transition.of("E-1"),
              VILLAGE_COMMITTEE,
              Optional.of(accepted),
              Optional.of(CATALOGUE),
              Optional.empty(),
              tx(time(T0).plusHours(2)));
      assertThat(again.retry()).isTrue();
      assertThat(again.record()).isEqualTo(accepted);
    }
  }

  @Nested
  @DisplayName("deadlines and escalation")
  class Deadlines {

    @Test
    @DisplayName(
        "a stage within its limit is on time and not escalated (2 h to accept, accepted at 2 h)")
    void onTime() {
      GridEvent accepted = step(reported(), StepAction.ACCEPT, VILLAGE_COMMITTEE, 2);
      assertThat(accepted.lastStep().late()).isFalse();
      assertThat(accepted.escalationLevel()).isZero();
      assertThat(accepted.stageDeadline()).contains(time(T0).plusHours(4));
    }

    @Test
    @DisplayName("past the limit: late and escalated to the township (level 1) by the step itself")
    void level1() {
      GridEvent accepted = step(reported(), StepAction.ACCEPT, VILLAGE_COMMITTEE, 3);
      assertThat(accepted.lastStep().late()).isTrue();
      assertThat(accepted.escalationLevel()).isEqualTo(1);
      assertThat(accepted.escalations())
          .containsExactly(
              new Escalation(1, GridStatus.REPORTED, time(T0).plusHours(2), time(T0).plusHours(3)));
    }

    @Test
    @DisplayName(
        "past the limit by more than the limit again: to the county (level 2), both levels recorded")
    void level2() {
      GridEvent accepted = step(reported(), StepAction.ACCEPT, VILLAGE_COMMITTEE, 5);
      assertThat(accepted.escalationLevel()).isEqualTo(2);
      assertThat(accepted.escalations())
          .extracting(Escalation::level, Escalation::deadline)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(1, time(T0).plusHours(2)),
              org.assertj.core.groups.Tuple.tuple(2, time(T0).plusHours(4)));
      assertThat(GridRules.levelAt(reported(), time(T0).plusHours(4))).isEqualTo(1);
      assertThat(GridRules.levelAt(reported(), time(T0).plusHours(4).plusSeconds(1))).isEqualTo(2);
    }

    @Test
    @DisplayName("escalate records the level reached at the transaction time, and only once")
    void escalate() {
      GridEvent event = reported();
      assertThat(
              code(
                  () ->
                      GridRules.escalate(
                          Transition.of("E-1"),
                          TOWNSHIP,
                          Optional.of(event),
                          tx(time(T0).plusHours(2)))))
          .isEqualTo(ErrorCode.INVALID_STATE);
      GridEvent escalated =
          GridRules.escalate(
              Transition.of("E-1"), TOWNSHIP, Optional.of(event), tx(time(T0).plusHours(3)));
      assertThat(escalated.escalationLevel()).isEqualTo(1);
      assertThat(escalated.status()).isEqualTo(GridStatus.REPORTED);
      assertThat(escalated.steps()).isEqualTo(event.steps());
      assertThat(
              code(
                  () ->
                      GridRules.escalate(
                          Transition.of("E-1"),
                          TOWNSHIP,
                          Optional.of(escalated),
                          tx(time(T0).plusHours(3)))))
          .isEqualTo(ErrorCode.INVALID_STATE);
      assertThat(
              GridRules.escalate(
                      Transition.of("E-1"),
                      COUNTY_OFFICE,
                      Optional.of(escalated),
                      tx(time(T0).plusHours(9)))
                  .escalationLevel())
          .isEqualTo(2);
      assertThat(
              code(
                  () ->
                      GridRules.escalate(
                          Transition.of("E-1"),
                          WORKER,
                          Optional.of(event),
                          tx(time(T0).plusHours(3)))))
          .isEqualTo(ErrorCode.ACCESS_DENIED);
      assertThat(
              code(
                  () ->
                      GridRules.escalate(
                          Transition.of("E-1"),
                          TOWNSHIP,
                          Optional.of(GridFixtures.rated(1)),
                          tx(time(T0).plusHours(90)))))
          .isEqualTo(ErrorCode.INVALID_STATE);
    }

    @Test
    @DisplayName("each stage's clock starts at the step that entered it")
    void stageClock() {
      GridEvent claimed =
          step(
              step(
                  step(reported(), StepAction.ACCEPT, VILLAGE_COMMITTEE, 1),
                  StepAction.DISPATCH,
                  VILLAGE_COMMITTEE,
                  2),
              StepAction.CLAIM,
              TOWNSHIP_DEPT,
              3);
      OffsetDateTime deadline = claimed.stageDeadline().orElseThrow();
      assertThat(deadline).isEqualTo(time(T0).plusHours(3 + 24));
      assertThat(GridRules.levelAt(claimed, deadline)).isZero();
      assertThat(GridRules.levelAt(claimed, deadline.plusSeconds(1))).isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("structure and catalogue")
  class Structure {

    @Test
    @DisplayName(
        "grids: county or township in scope; a village-level code; retries and ALREADY_EXISTS")
    void grids() {
      RegisterGrid cmd = new RegisterGrid("G-9", "九组", GridFixtures.VILLAGE);
      Grid grid = GridRules.registerGrid(cmd, TOWNSHIP, Optional.empty(), tx(time(T0))).record();
      assertThat(grid.registeredBy()).isEqualTo("CountyOrgMSP/TS-100");
      assertThat(GridRules.registerGrid(cmd, TOWNSHIP, Optional.of(grid), tx(time(T0))).retry())
          .isTrue();
      assertThat(
              code(
                  () ->
                      GridRules.registerGrid(
                          new RegisterGrid("G-9", "x", GridFixtures.VILLAGE),
                          TOWNSHIP,
                          Optional.of(grid),
                          tx(time(T0)))))
          .isEqualTo(ErrorCode.ALREADY_EXISTS);
      assertThat(
              code(
                  () ->
                      GridRules.registerGrid(
                          cmd, VILLAGE_COMMITTEE, Optional.empty(), tx(time(T0)))))
          .isEqualTo(ErrorCode.ACCESS_DENIED);
      Actor otherTownship =
          new Actor(
              "CountyOrgMSP",
              "TS-2",
              Role.TOWNSHIP,
              cn.xianglian.chaincode.domain.RegionCode.of("520122101000"));
      assertThat(
              code(
                  () -> GridRules.registerGrid(cmd, otherTownship, Optional.empty(), tx(time(T0)))))
          .isEqualTo(ErrorCode.REGION_OUT_OF_SCOPE);
      assertThat(
              code(
                  () ->
                      new RegisterGrid(
                          "G-9", "x", cn.xianglian.chaincode.domain.RegionCode.of("520122100000"))))
          .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    @DisplayName(
        "catalogue versions come in order; a rule naming an unknown department is INVALID_ARGUMENT")
    void catalogue() {
      DefineCatalogue v1 =
          new DefineCatalogue(
              GridFixtures.COUNTY,
              1,
              CATALOGUE.categories(),
              CATALOGUE.departments(),
              CATALOGUE.rules());
      GridCatalogue stored =
          GridRules.defineCatalogue(v1, COUNTY_OFFICE, Optional.empty(), 0, tx(time(T0))).record();
      assertThat(stored.version()).isEqualTo(1);
      assertThat(
              GridRules.defineCatalogue(v1, COUNTY_OFFICE, Optional.of(stored), 1, tx(time(T0)))
                  .retry())
          .isTrue();
      DefineCatalogue v3 =
          new DefineCatalogue(
              GridFixtures.COUNTY,
              3,
              CATALOGUE.categories(),
              CATALOGUE.departments(),
              CATALOGUE.rules());
      assertThat(
              code(
                  () ->
                      GridRules.defineCatalogue(
                          v3, COUNTY_OFFICE, Optional.empty(), 1, tx(time(T0)))))
          .isEqualTo(ErrorCode.INVALID_STATE);
      assertThat(
              code(
                  () -> GridRules.defineCatalogue(v1, TOWNSHIP, Optional.empty(), 0, tx(time(T0)))))
          .isEqualTo(ErrorCode.ACCESS_DENIED);
      assertThat(
              code(
                  () ->
                      new DefineCatalogue(
                          GridFixtures.COUNTY,
                          1,
                          CATALOGUE.categories(),
                          CATALOGUE.departments(),
                          List.of(new DispatchRule("SANITATION", "520122", "D-NONE")))))
          .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    @DisplayName("workers need personal data, a known grid in scope; reassignment keeps the hash")
    void workers() {
      RegisterWorker cmd = new RegisterWorker("W-5", "GridOrgMSP", "G-1");
      String hash = "ef".repeat(32);
      assertThat(
              code(
                  () ->
                      GridRules.registerWorker(
                          cmd, TOWNSHIP, Optional.of(GRID), Optional.empty(), null, tx(time(T0)))))
          .isEqualTo(ErrorCode.INVALID_ARGUMENT);
      assertThat(
              code(
                  () ->
                      GridRules.registerWorker(
                          cmd, TOWNSHIP, Optional.empty(), Optional.empty(), hash, tx(time(T0)))))
          .isEqualTo(ErrorCode.GRID_NOT_FOUND);
      GridWorker worker =
          GridRules.registerWorker(
                  cmd, TOWNSHIP, Optional.of(GRID), Optional.empty(), hash, tx(time(T0)))
              .record();
      assertThat(worker.personalHash()).isEqualTo(hash);
      GridWorker moved =
          GridRules.assignWorker(
                  new RegisterWorker("W-5", "GridOrgMSP", "G-2"),
                  COUNTY_OFFICE,
                  Optional.of(OTHER_GRID),
                  Optional.of(worker),
                  tx(time(T0)))
              .record();
      assertThat(moved.gridId()).isEqualTo("G-2");
      assertThat(moved.personalHash()).isEqualTo(hash);
      assertThat(
              code(
                  () ->
                      GridRules.assignWorker(
                          new RegisterWorker("W-6", "GridOrgMSP", "G-2"),
                          TOWNSHIP,
                          Optional.of(OTHER_GRID),
                          Optional.empty(),
                          tx(time(T0)))))
          .isEqualTo(ErrorCode.GRID_WORKER_NOT_FOUND);
    }
  }
}
