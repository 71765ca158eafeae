package cn.xianglian.chaincode.grid.domain;

import cn.xianglian.chaincode.domain.Actor;
import cn.xianglian.chaincode.domain.RegionCode;
import cn.xianglian.chaincode.domain.Role;
import cn.xianglian.chaincode.domain.Tx;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** A small county for the grid domain tests: one township, two villages, two departments. */
final class GridFixtures {

  static final RegionCode COUNTY = RegionCode.of("520122000000");
  static final RegionCode VILLAGE = RegionCode.of("520122100201");
  static final RegionCode OTHER_VILLAGE = RegionCode.of("520122101202");
  static final String T0 = "2025-03-01T08:00:00+08:00";

  /**
   * 环境卫生: 2 h to accept, 2 to dispatch, 4 to claim, 24 to handle, 8 to verify, 4 to close; 48 h.
   */
  static final Limits SANITATION_LIMITS = new Limits(2, 2, 4, 24, 8, 4, 48);

  static final Grid GRID =
      new Grid("G-1", "一组网格", VILLAGE, "CountyOrgMSP/TS", time(T0).minusDays(30), "tx-grid");
  static final Grid OTHER_GRID =
      new Grid("G-2", "二组网格", OTHER_VILLAGE, "CountyOrgMSP/TS", time(T0).minusDays(30), "tx-grid2");

  static final Actor WORKER = actor("GridOrgMSP", "W-1", Role.GRID_WORKER, VILLAGE);
  static final Actor OTHER_WORKER = actor("GridOrgMSP", "W-2", Role.GRID_WORKER, OTHER_VILLAGE);
  static final Actor VILLAGE_COMMITTEE = actor("CountyOrgMSP", "V-201", Role.VILLAGE, VILLAGE);
  static final Actor TOWNSHIP =
      actor("CountyOrgMSP", "TS-100", Role.TOWNSHIP, RegionCode.of("520122100000"));
  static final Actor COUNTY_OFFICE = actor("CountyOrgMSP", "XF", Role.COUNTY, COUNTY);
  static final Actor TOWNSHIP_DEPT =
      actor("CountyOrgMSP", "D-TS-ENV", Role.DEPARTMENT, RegionCode.of("520122100000"));
  static final Actor COUNTY_DEPT = actor("CountyOrgMSP", "D-ENV", Role.DEPARTMENT, COUNTY);
  static final Actor VILLAGER = actor("PortalMSP", "villager-1", Role.VILLAGER, VILLAGE);
  static final Actor CONSUMER =
      actor("PortalMSP", "consumer-1", Role.CONSUMER, RegionCode.of("520100000000"));

  static final GridWorker WORKER_RECORD =
      new GridWorker("W-1", "GridOrgMSP", "G-1", "ab".repeat(32), "x", time(T0), "tx-w");
  static final GridWorker OTHER_WORKER_RECORD =
      new GridWorker("W-2", "GridOrgMSP", "G-2", "cd".repeat(32), "x", time(T0), "tx-w2");

  static final GridCatalogue CATALOGUE =
      new GridCatalogue(
          COUNTY,
          1,
          List.of(
              new Category(
                  "SANITATION",
                  "环境卫生",
                  List.of(Role.GRID_WORKER, Role.VILLAGER),
                  SANITATION_LIMITS),
              new Category(
                  "COMPLAINT",
                  "投诉建议",
                  List.of(Role.VILLAGER, Role.CONSUMER),
                  new Limits(4, 4, 8, 72, 24, 8, 120)),
              new Category(
                  "DISPUTE", "矛盾纠纷", List.of(Role.GRID_WORKER), new Limits(2, 2, 4, 48, 8, 4, 72))),
          List.of(
              new Department("D-ENV", "县生态环境分局", COUNTY),
              new Department("D-TS-ENV", "永靖镇环卫站", RegionCode.of("520122100000")),
              new Department("D-MKT", "县市场监管局", COUNTY)),
          List.of(
              new DispatchRule("SANITATION", "520122", "D-ENV"),
              new DispatchRule("SANITATION", "520122100", "D-TS-ENV"),
              new DispatchRule("COMPLAINT", "520122", "D-MKT")),
          "CountyOrgMSP/XF",
          time(T0).minusDays(60),
          "tx-cat");

  private GridFixtures() {}

  static Actor actor(String msp, String party, Role role, RegionCode region) {
    return new Actor(msp, party, role, region);
  }

  static OffsetDateTime time(String text) {
    return OffsetDateTime.parse(text);
  }

  static Tx tx(OffsetDateTime time) {
    return new Tx("tx-" + time.toEpochSecond(), time);
  }

  static ReportEvent report(String eventId, String category) {
    return new ReportEvent(eventId, "G-1", category, "垃圾堆放", null, null, List.of(), null);
  }

  /** A sanitation event reported by the grid worker at {@code T0}. */
  static GridEvent reported() {
    return GridRules.report(
            report("E-1", "SANITATION"),
            WORKER,
            Optional.of(GRID),
            Optional.of(CATALOGUE),
            Optional.of(WORKER_RECORD),
            Optional.empty(),
            null,
            tx(time(T0)))
        .record();
  }

  /** {@code event} after {@code action} by {@code actor}, {@code hours} after {@code T0}. */
  static GridEvent step(GridEvent event, StepAction action, Actor actor, int hours) {
    return GridRules.transition(
            action,
            transition(event.eventId(), action),
            actor,
            Optional.of(event),
            Optional.of(CATALOGUE),
            actor.role() == Role.GRID_WORKER ? Optional.of(WORKER_RECORD) : Optional.empty(),
            tx(time(T0).plusHours(hours)))
        .record();
  }

  /** The minimal valid argument of {@code action}. */
  static Transition transition(String eventId, StepAction action) {
    return new Transition(
        eventId,
        null,
        action == StepAction.REJECT || action == StepAction.RETURN ? "不属实" : null,
        action == StepAction.HANDLE ? List.of("0a".repeat(32)) : null,
        null,
        action == StepAction.VERIFY ? Boolean.TRUE : null,
        action == StepAction.RATE ? 5 : null);
  }

  /** A sanitation event taken through its whole loop, each step {@code hours} after the last. */
  static GridEvent rated(int hours) {
    GridEvent event = reported();
    event = step(event, StepAction.ACCEPT, VILLAGE_COMMITTEE, hours);
    event = step(event, StepAction.DISPATCH, VILLAGE_COMMITTEE, 2 * hours);
    event = step(event, StepAction.CLAIM, TOWNSHIP_DEPT, 3 * hours);
    event = step(event, StepAction.HANDLE, TOWNSHIP_DEPT, 4 * hours);
    event = step(event, StepAction.VERIFY, WORKER, 5 * hours);
    event = step(event, StepAction.CLOSE, TOWNSHIP, 6 * hours);
    return step(event, StepAction.RATE, WORKER, 7 * hours);
  }
}
