package cn.xianglian.app.grid;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xianglian.chaincode.common.CanonicalJson;
import cn.xianglian.chaincode.domain.Actor;
import cn.xianglian.chaincode.domain.RegionCode;
import cn.xianglian.chaincode.domain.Role;
import cn.xianglian.chaincode.domain.Tx;
import cn.xianglian.chaincode.grid.domain.DefineCatalogue;
import cn.xianglian.chaincode.grid.domain.Grid;
import cn.xianglian.chaincode.grid.domain.GridCatalogue;
import cn.xianglian.chaincode.grid.domain.GridEvent;
import cn.xianglian.chaincode.grid.domain.GridRules;
import cn.xianglian.chaincode.grid.domain.GridSla;
import cn.xianglian.chaincode.grid.domain.GridStatus;
import cn.xianglian.chaincode.grid.domain.GridWorker;
import cn.xianglian.chaincode.grid.domain.RegisterGrid;
import cn.xianglian.chaincode.grid.domain.RegisterWorker;
import cn.xianglian.chaincode.grid.domain.ReportEvent;
import cn.xianglian.chaincode.grid.domain.SlaFigures;
import cn.xianglian.chaincode.grid.domain.SlaGroup;
import cn.xianglian.chaincode.grid.domain.Step;
import cn.xianglian.chaincode.grid.domain.StepAction;
import cn.xianglian.chaincode.grid.domain.Transition;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The grid demo plan, run through the contract's pure rules (no ledger): every transaction of it is
 * accepted in order, and the result is the dataset the demo promises — a few hundred events across
 * 2025 in every state, some late and escalated, most rated.
 */
@DisplayName("The grid demo plan")
class GridDemoTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Tx NOW = new Tx("tx", OffsetDateTime.parse("2026-11-24T12:00:00+08:00"));

  static List<GridEvent> events;

  @BeforeAll
  static void replay() {
    GridDemo plan = GridDemo.plan();
    Map<String, Actor> actors = new HashMap<>();
    for (GridDemo.User user : plan.users()) {
      actors.put(
          user.username(),
          new Actor(
              user.mspId(),
              user.party(),
              Role.valueOf(user.role().toUpperCase(Locale.ROOT)),
              RegionCode.of(user.region())));
    }
    GridCatalogue catalogue = null;
    Map<String, Grid> grids = new HashMap<>();
    Map<String, GridWorker> workers = new HashMap<>();
    for (GridDemo.Tx tx : plan.setup()) {
      Actor actor = actors.get(tx.as());
      switch (tx.transaction()) {
        case "defineCatalogue" ->
            catalogue =
                GridRules.defineCatalogue(
                        parse(tx, DefineCatalogue.class), actor, Optional.empty(), 0, NOW)
                    .record();
        case "registerGrid" -> {
          Grid grid =
              GridRules.registerGrid(parse(tx, RegisterGrid.class), actor, Optional.empty(), NOW)
                  .record();
          grids.put(grid.gridId(), grid);
        }
        default -> {
          RegisterWorker cmd = parse(tx, RegisterWorker.class);
          workers.put(
              cmd.workerId(),
              GridRules.registerWorker(
                      cmd,
                      actor,
                      Optional.ofNullable(grids.get(cmd.gridId())),
                      Optional.empty(),
                      "00".repeat(32),
                      NOW)
                  .record());
        }
      }
    }
    events = new ArrayList<>();
    for (List<GridDemo.Tx> chain : plan.events()) {
      GridEvent event = null;
      for (GridDemo.Tx tx : chain) {
        Actor actor = actors.get(tx.as());
        Optional<GridWorker> worker = Optional.ofNullable(workers.get(actor.partyId()));
        if (tx.transaction().equals("reportEvent")) {
          ReportEvent cmd = parse(tx, ReportEvent.class);
          event =
              GridRules.report(
                      cmd,
                      actor,
                      Optional.ofNullable(grids.get(cmd.gridId())),
                      Optional.of(catalogue),
                      worker,
                      Optional.empty(),
                      null,
                      NOW)
                  .record();
        } else if (tx.transaction().equals("escalateEvent")) {
          event = GridRules.escalate(parse(tx, Transition.class), actor, Optional.of(event), NOW);
        } else {
          StepAction action =
              StepAction.valueOf(tx.transaction().replace("Event", "").toUpperCase(Locale.ROOT));
          var decided =
              GridRules.transition(
                  action,
                  parse(tx, Transition.class),
                  actor,
                  Optional.of(event),
                  Optional.of(catalogue),
                  worker,
                  NOW);
          assertThat(decided.retry()).as(tx.toString()).isFalse();
          event = decided.record();
        }
      }
      events.add(event);
    }
  }

  static <T> T parse(GridDemo.Tx tx, Class<T> type) {
    return CanonicalJson.read(JSON.writeValueAsString(tx.argument()), type);
  }

  @Test
  @DisplayName("holds 330 events reported across 2025, in every state")
  void everyState() {
    assertThat(events).hasSize(GridDemo.EVENTS);
    assertThat(events).allMatch(e -> e.reportedAt().getYear() == 2025);
    Set<GridStatus> states = events.stream().map(GridEvent::status).collect(Collectors.toSet());
    assertThat(states).isEqualTo(EnumSet.allOf(GridStatus.class));
  }

  @Test
  @DisplayName(
      "some steps are late, some events escalated to the township and the county, most rated")
  void lateEscalatedRated() {
    assertThat(events.stream().flatMap(e -> e.steps().stream()).filter(Step::late).count())
        .isGreaterThan(20);
    assertThat(events.stream().filter(e -> e.escalationLevel() == 1).count()).isGreaterThan(5);
    assertThat(events.stream().filter(e -> e.escalationLevel() == 2).count()).isGreaterThan(5);
    assertThat(events.stream().filter(e -> e.status() == GridStatus.RATED).count())
        .isGreaterThan(GridDemo.EVENTS / 2);
    assertThat(events.stream().filter(e -> e.returns() > 0)).isNotEmpty();
    assertThat(events.stream().filter(e -> e.reworks() > 0)).isNotEmpty();
  }

  @Test
  @DisplayName("complaints come from consumers and villagers; every township has events")
  void reportersAndTownships() {
    assertThat(events.stream().filter(e -> e.reporterRole() == Role.CONSUMER)).isNotEmpty();
    assertThat(events.stream().filter(e -> e.reporterRole() == Role.VILLAGER)).isNotEmpty();
    assertThat(events.stream().map(e -> e.region().township9()).distinct())
        .hasSize(GridDemo.TOWNSHIPS.size());
  }

  @Test
  @DisplayName(
      "its county figures are plausible for a demonstration (德清 95 % handled, 宜城 90 % in 24 h)")
  void figures() {
    SlaFigures total = GridSla.compute(events, SlaGroup.COUNTY, NOW.time()).total();
    assertThat(total.handledRateBp()).isBetween(6_000, 9_900);
    assertThat(total.within24hRateBp()).isBetween(5_000, 9_900);
    assertThat(total.onTimeRateBp()).isBetween(5_000, 9_900);
  }
}
