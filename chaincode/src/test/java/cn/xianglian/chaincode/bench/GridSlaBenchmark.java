package cn.xianglian.chaincode.bench;

import cn.xianglian.chaincode.domain.Actor;
import cn.xianglian.chaincode.domain.RegionCode;
import cn.xianglian.chaincode.domain.Role;
import cn.xianglian.chaincode.domain.Tx;
import cn.xianglian.chaincode.grid.domain.Category;
import cn.xianglian.chaincode.grid.domain.Department;
import cn.xianglian.chaincode.grid.domain.DispatchRule;
import cn.xianglian.chaincode.grid.domain.Grid;
import cn.xianglian.chaincode.grid.domain.GridCatalogue;
import cn.xianglian.chaincode.grid.domain.GridEvent;
import cn.xianglian.chaincode.grid.domain.GridRules;
import cn.xianglian.chaincode.grid.domain.GridSla;
import cn.xianglian.chaincode.grid.domain.GridWorker;
import cn.xianglian.chaincode.grid.domain.Limits;
import cn.xianglian.chaincode.grid.domain.ReportEvent;
import cn.xianglian.chaincode.grid.domain.SlaGroup;
import cn.xianglian.chaincode.grid.domain.SlaReport;
import cn.xianglian.chaincode.grid.domain.StepAction;
import cn.xianglian.chaincode.grid.domain.Transition;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * Harness (not a test) for {@link GridSla#compute}: builds {@code events} event records with the
 * pure domain (11 townships × 10 villages × 3 grids, every state, about a tenth late), then times
 * the SLA figures per grid, township and department: {@code warmups} unmeasured rounds, then {@code
 * rounds} measured ones; prints median and maximum per grouping (issue 7 asks ≤ 1 s for 100,000
 * events).
 *
 * <pre>
 * java -Xmx2g -cp ... cn.xianglian.chaincode.bench.GridSlaBenchmark [events=100000] [warmups=5] [rounds=10]
 * </pre>
 */
public final class GridSlaBenchmark {

  private static final OffsetDateTime YEAR = OffsetDateTime.parse("2025-01-01T08:00:00+08:00");
  private static final StepAction[] LOOP = {
    StepAction.ACCEPT,
    StepAction.DISPATCH,
    StepAction.CLAIM,
    StepAction.HANDLE,
    StepAction.VERIFY,
    StepAction.CLOSE,
    StepAction.RATE
  };

  private GridSlaBenchmark() {}

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    long buildStart = System.nanoTime();
    List<GridEvent> events = events(count, new Random(7));
    System.out.printf(
        Locale.ROOT,
        "built %d events in %.1f s; jdk=%s cores=%d maxHeap=%d MiB%n",
        events.size(),
        (System.nanoTime() - buildStart) / 1e9,
        Runtime.version(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    OffsetDateTime asOf = YEAR.plusYears(1);
    for (SlaGroup group : List.of(SlaGroup.GRID, SlaGroup.TOWNSHIP, SlaGroup.DEPARTMENT)) {
      for (int i = 0; i < warmups; i++) {
        GridSla.compute(events, group, asOf);
      }
      long[] times = new long[rounds];
      SlaReport report = null;
      for (int i = 0; i < rounds; i++) {
        long start = System.nanoTime();
        report = GridSla.compute(events, group, asOf);
        times[i] = System.nanoTime() - start;
      }
      Arrays.sort(times);
      System.out.printf(
          Locale.ROOT,
          "SLA by %s over %d events: median %.1f ms, max %.1f ms (%d groups); total %s%n",
          group,
          events.size(),
          times[rounds / 2] / 1e6,
          times[rounds - 1] / 1e6,
          report.groups().size(),
          report.total());
    }
  }

  static List<GridEvent> events(int count, Random random) {
    RegionCode county = RegionCode.of("520122000000");
    Limits limits = new Limits(2, 2, 4, 24, 8, 4, 48);
    List<Department> departments = new ArrayList<>();
    List<DispatchRule> rules = new ArrayList<>();
    for (int t = 0; t < 11; t++) {
      String township = "520122%03d".formatted(100 + t);
      departments.add(new Department("D-" + t, "环卫站" + t, RegionCode.of(township + "000")));
      rules.add(new DispatchRule("SANITATION", township, "D-" + t));
    }
    GridCatalogue catalogue =
        new GridCatalogue(
            county,
            1,
            List.of(
                new Category(
                    "SANITATION", "环境卫生", List.of(Role.GRID_WORKER, Role.VILLAGER), limits)),
            departments,
            rules,
            "bench",
            YEAR,
            "tx");
    List<GridEvent> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int township = i % 11;
      int villageNo = (i / 11) % 10;
      int gridNo = (i / 110) % 3;
      RegionCode village =
          RegionCode.of("520122%03d%03d".formatted(100 + township, 201 + villageNo));
      String gridId = "G-" + village.code() + "-" + gridNo;
      Grid grid = new Grid(gridId, "网格", village, "bench", YEAR, "tx");
      Actor worker = new Actor("GridOrgMSP", "W-" + gridId, Role.GRID_WORKER, village);
      GridWorker workerRecord =
          new GridWorker("W-" + gridId, "GridOrgMSP", gridId, "00", "bench", YEAR, "tx");
      Actor villageOffice = new Actor("CountyOrgMSP", "V", Role.VILLAGE, village);
      Actor department =
          new Actor(
              "CountyOrgMSP",
              "D-" + township,
              Role.DEPARTMENT,
              RegionCode.of("520122%03d000".formatted(100 + township)));
      OffsetDateTime at = YEAR.plusMinutes(random.nextInt(360 * 24 * 60));
      GridEvent event =
          GridRules.report(
                  new ReportEvent(
                      "E-" + i, gridId, "SANITATION", "垃圾", null, null, List.of(), null),
                  worker,
                  Optional.of(grid),
                  Optional.of(catalogue),
                  Optional.of(workerRecord),
                  Optional.empty(),
                  null,
                  new Tx("tx", at))
              .record();
      int steps = random.nextInt(10) < 7 ? LOOP.length : random.nextInt(LOOP.length);
      for (int s = 0; s < steps; s++) {
        StepAction action = LOOP[s];
        at =
            at.plusMinutes(
                random.nextInt(10) == 0 ? 600 + random.nextInt(3000) : 30 + random.nextInt(90));
        Actor actor =
            switch (action) {
              case CLAIM, HANDLE -> department;
              case VERIFY, RATE -> worker;
              default -> villageOffice;
            };
        event =
            GridRules.transition(
                    action,
                    new Transition(
                        event.eventId(),
                        null,
                        null,
                        action == StepAction.HANDLE ? List.of("ab".repeat(32)) : null,
                        null,
                        action == StepAction.VERIFY ? Boolean.TRUE : null,
                        action == StepAction.RATE ? 1 + random.nextInt(5) : null),
                    actor,
                    Optional.of(event),
                    Optional.of(catalogue),
                    Optional.of(workerRecord),
                    new Tx("tx", at))
                .record();
      }
      events.add(event);
    }
    return events;
  }
}
