package cn.xianglian.chaincode.grid.domain;

import static cn.xianglian.chaincode.grid.domain.GridFixtures.CATALOGUE;
import static cn.xianglian.chaincode.grid.domain.GridFixtures.T0;
import static cn.xianglian.chaincode.grid.domain.GridFixtures.TOWNSHIP;
import static cn.xianglian.chaincode.grid.domain.GridFixtures.TOWNSHIP_DEPT;
import static cn.xianglian.chaincode.grid.domain.GridFixtures.VILLAGE_COMMITTEE;
import static cn.xianglian.chaincode.grid.domain.GridFixtures.WORKER;
import static cn.xianglian.chaincode.grid.domain.GridFixtures.reported;
import static cn.xianglian.chaincode.grid.domain.GridFixtures.step;
import static cn.xianglian.chaincode.grid.domain.GridFixtures.time;
import static cn.xianglian.chaincode.grid.domain.GridFixtures.tx;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SLA figures against a hand-computed example of five sanitation events (limits: 2 h to accept, 24
 * h to handle, 48 h in total), counted at T0 + 100 h:
 *
 * <pre>
 * A  every step 1 h apart, handled at +4 h, closed +6 h, rated 5        D-TS-ENV
 * B  every step 9 h apart (accepted +9 h: level 2), handled +36 h,
 *    closed +54 h (after its due time +48 h), rated 2                   D-TS-ENV
 * C  不予受理 at +1 h                                                     —
 * D  reported, never touched: open and past due at +100 h              —
 * E  claimed at +2 h, reassigned to D-ENV, never handled: open, past due D-ENV
 *
 * total: reported 5, rejected 1, handled 2 (A, B) → handled rate 2/4 = 5000 bp;
 *        within 24 h 1 (A) of 2 → 5000 bp; closed 2, on time 1 (A) → 5000 bp;
 *        open overdue 2 (D, E); escalated 1 (B); rated 2, average (5+2)/2 = 3.50.
 * D-TS-ENV: reported 2, handled 2 → 10000 bp, within 24 h 5000, on time 5000, escalated 1, 3.50.
 * D-ENV:    reported 1, handled 0 → 0 bp, no within-24-h or on-time rate, open overdue 1.
 * </pre>
 */
class GridSlaTest {

  static GridEvent eventA() {
    return GridFixtures.rated(1);
  }

  static GridEvent eventB() {
    GridEvent event = reported();
    event = step(event, StepAction.ACCEPT, VILLAGE_COMMITTEE, 9);
    event = step(event, StepAction.DISPATCH, VILLAGE_COMMITTEE, 18);
    event = step(event, StepAction.CLAIM, TOWNSHIP_DEPT, 27);
    event = step(event, StepAction.HANDLE, TOWNSHIP_DEPT, 36);
    event = step(event, StepAction.VERIFY, WORKER, 45);
    event = step(event, StepAction.CLOSE, TOWNSHIP, 54);
    return GridRules.transition(
            StepAction.RATE,
            new Transition(event.eventId(), null, null, null, null, null, 2),
            WORKER,
            Optional.of(event),
            Optional.of(CATALOGUE),
            Optional.of(GridFixtures.WORKER_RECORD),
            tx(time(T0).plusHours(60)))
        .record();
  }

  static GridEvent eventE() {
    GridEvent accepted = step(reported(), StepAction.ACCEPT, VILLAGE_COMMITTEE, 1);
    GridEvent dispatched =
        GridRules.transition(
                StepAction.DISPATCH,
                new Transition("E-1", null, null, null, "D-ENV", null, null),
                TOWNSHIP,
                Optional.of(accepted),
                Optional.of(CATALOGUE),
                Optional.empty(),
                tx(time(T0).plusHours(1)))
            .record();
    return step(dispatched, StepAction.CLAIM, GridFixtures.COUNTY_DEPT, 2);
  }

  static List<GridEvent> example() {
    return List.of(
        eventA(),
        eventB(),
        step(reported(), StepAction.REJECT, VILLAGE_COMMITTEE, 1),
        reported(),
        eventE());
  }

  @Test
  @DisplayName("the example's totals are the hand-computed figures")
  void totals() {
    SlaReport report = GridSla.compute(example(), SlaGroup.DEPARTMENT, time(T0).plusHours(100));
    assertThat(report.total())
        .isEqualTo(new SlaFigures("*", 5, 1, 2, 1, 2, 1, 2, 1, 2, 5000, 5000, 5000, 350));
  }

  @Test
  @DisplayName("by department: events never dispatched belong to no department")
  void byDepartment() {
    SlaReport report = GridSla.compute(example(), SlaGroup.DEPARTMENT, time(T0).plusHours(100));
    assertThat(report.groups())
        .containsExactly(
            new SlaFigures("D-ENV", 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, null, null, null),
            new SlaFigures("D-TS-ENV", 2, 0, 2, 1, 2, 1, 0, 1, 2, 10000, 5000, 5000, 350));
  }

  @Test
  @DisplayName("by grid and by township every event counts once")
  void byRegion() {
    SlaReport byGrid = GridSla.compute(example(), SlaGroup.GRID, time(T0).plusHours(100));
    assertThat(byGrid.groups()).extracting(SlaFigures::key).containsExactly("G-1");
    assertThat(byGrid.groups().get(0))
        .isEqualTo(new SlaFigures("G-1", 5, 1, 2, 1, 2, 1, 2, 1, 2, 5000, 5000, 5000, 350));
    SlaReport byTownship = GridSla.compute(example(), SlaGroup.TOWNSHIP, time(T0).plusHours(100));
    assertThat(byTownship.groups()).extracting(SlaFigures::key).containsExactly("520122100");
  }

  @Test
  @DisplayName("before the due time nothing open is overdue")
  void asOf() {
    SlaReport report = GridSla.compute(example(), SlaGroup.COUNTY, time(T0).plusHours(48));
    assertThat(report.total().openOverdue()).isZero();
  }

  @Test
  @DisplayName("rates are basis points rounded half up, absent without a denominator")
  void basisPoints() {
    assertThat(GridSla.basisPoints(2, 3)).isEqualTo(6667);
    assertThat(GridSla.basisPoints(1, 3)).isEqualTo(3333);
    assertThat(GridSla.basisPoints(1, 8)).isEqualTo(1250);
    assertThat(GridSla.basisPoints(0, 0)).isNull();
  }
}
