package cn.xianglian.app.grid;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The 息烽 grid demo data as a deterministic plan (seeded generator, no clock): the catalogue, two
 * grids per demo village (永靖镇示范村 of the main demo file, and one INVENTED village per other
 * township, 520122 + township + 201), one worker per grid, departments, and {@value #EVENTS} events
 * across 2025 in every state — some late and escalated, most rated. Each event is a chain of
 * transactions with their business times ({@code at}) in 2025; {@link GridDemoLoader} submits them
 * through the ledger. All names and people are invented.
 */
final class GridDemo {

  /** Number of demo events. */
  static final int EVENTS = 330;

  static final String COUNTY = "520122000000";
  static final String PASSWORD = "Xifeng-2026";
  static final String WORKER_MSP = "TownshipOrgMSP";
  static final String COUNTY_MSP = "CountyOrgMSP";
  static final String SHOWCASE_VILLAGE = "520122100201";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
  private static final OffsetDateTime YEAR_START =
      OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8));

  /** Township code (9 digits) → name, as the main demo file uses them (codes invented there). */
  static final Map<String, String> TOWNSHIPS = new LinkedHashMap<>();

  static {
    TOWNSHIPS.put("520122100", "永靖镇");
    TOWNSHIPS.put("520122101", "温泉镇");
    TOWNSHIPS.put("520122102", "九庄镇");
    TOWNSHIPS.put("520122103", "小寨坝镇");
    TOWNSHIPS.put("520122104", "西山镇");
    TOWNSHIPS.put("520122105", "养龙司镇");
    TOWNSHIPS.put("520122106", "石硐镇");
    TOWNSHIPS.put("520122107", "鹿窝镇");
    TOWNSHIPS.put("520122108", "流长镇");
    TOWNSHIPS.put("520122200", "青山苗族乡");
    TOWNSHIPS.put("520122001", "新华街道");
  }

  /** A demo login and the identity it signs as. */
  record User(
      String username,
      String displayName,
      String mspId,
      String role,
      String region,
      String party) {}

  /** One transaction of the plan: who, which transaction, the argument, optional personal data. */
  record Tx(
      String as, String transaction, Map<String, Object> argument, Map<String, Object> personal) {}

  /** Category: code, name, reporters, accept/dispatch/claim/handle/verify/close/total hours. */
  record Category(
      String code,
      String name,
      List<String> reporters,
      int[] hours,
      String department,
      List<String> titles) {}

  static final List<Category> CATEGORIES =
      List.of(
          new Category(
              "SAFETY_HAZARD",
              "安全隐患",
              List.of("GRID_WORKER", "VILLAGER"),
              new int[] {1, 1, 2, 12, 8, 4, 24},
              "D-XF-SAFETY",
              List.of("危房墙体开裂", "山体滑坡隐患点", "电线私拉乱接", "河道护栏破损")),
          new Category(
              "DISPUTE",
              "矛盾纠纷",
              List.of("GRID_WORKER", "VILLAGER"),
              new int[] {2, 2, 4, 48, 8, 4, 72},
              "D-XF-JUSTICE",
              List.of("宅基地边界纠纷", "土地流转租金纠纷", "邻里用水纠纷", "林地权属争议")),
          new Category(
              "SANITATION",
              "环境卫生",
              List.of("GRID_WORKER", "VILLAGER"),
              new int[] {2, 2, 4, 24, 8, 4, 48},
              "D-XF-ENV",
              List.of("路边垃圾堆放", "生活污水直排", "畜禽粪污外溢", "垃圾收集点满溢")),
          new Category(
              "LIVELIHOOD",
              "民生诉求",
              List.of("GRID_WORKER", "VILLAGER"),
              new int[] {4, 4, 8, 72, 24, 8, 120},
              "D-XF-CIVIL",
              List.of("村组道路坑洼", "饮水管道漏水", "路灯不亮", "独居老人需要帮扶")),
          new Category(
              "PRODUCE_SAFETY",
              "农产品质量安全",
              List.of("GRID_WORKER", "VILLAGER", "CONSUMER"),
              new int[] {2, 2, 4, 24, 8, 4, 48},
              "D-XF-AGRI",
              List.of("疑似使用禁用农药", "农资店销售过期农药", "采收未过安全间隔期", "合格证信息不符")),
          new Category(
              "COMPLAINT",
              "投诉建议",
              List.of("VILLAGER", "CONSUMER"),
              new int[] {4, 4, 8, 72, 24, 8, 120},
              "D-XF-MKT",
              List.of("购买的椪柑与标签产地不符", "农家乐收费不透明", "建议增设快递代收点", "扫码溯源信息打不开")));

  /** Departments: id, name, region. */
  static final List<String[]> DEPARTMENTS =
      List.of(
          new String[] {"D-XF-SAFETY", "息烽县应急管理局", COUNTY},
          new String[] {"D-XF-JUSTICE", "息烽县司法局（人民调解）", COUNTY},
          new String[] {"D-XF-ENV", "贵阳市生态环境局息烽分局", COUNTY},
          new String[] {"D-XF-CIVIL", "息烽县民政局", COUNTY},
          new String[] {"D-XF-AGRI", "息烽县农业农村局执法大队", COUNTY},
          new String[] {"D-XF-MKT", "息烽县市场监督管理局", COUNTY},
          new String[] {"D-YJ-ENV", "永靖镇环卫站", "520122100000"});

  private final Random random = new Random(2025);
  private final List<User> users = new ArrayList<>();
  private final List<Tx> setup = new ArrayList<>();
  private final List<List<Tx>> events = new ArrayList<>();
  private final List<String[]> grids = new ArrayList<>();

  private GridDemo() {}

  /** The plan; the same every time. */
  static GridDemo plan() {
    GridDemo demo = new GridDemo();
    demo.build();
    return demo;
  }

  List<User> users() {
    return users;
  }

  /** Catalogue, grids and workers, in order. */
  List<Tx> setup() {
    return setup;
  }

  /** The events, each a chain of transactions in order (chains are independent). */
  List<List<Tx>> events() {
    return events;
  }

  static String villageOf(String township) {
    return township + "201";
  }

  static String villageName(String township) {
    String name = TOWNSHIPS.get(township);
    return township.equals("520122100") ? "永靖镇示范村" : name + "示范村（虚构）";
  }

  private void build() {
    users.add(
        new User("grid-center", "息烽县网格化服务管理中心", COUNTY_MSP, "county", COUNTY, "XF-GRID-CENTER"));
    users.add(
        new User(
            "grid-village",
            "永靖镇示范村村委会（网格受理）",
            COUNTY_MSP,
            "village",
            SHOWCASE_VILLAGE,
            "V-GRID-520122100201"));
    users.add(
        new User(
            "grid-villager",
            "永靖镇示范村村民（虚构）",
            WORKER_MSP,
            "villager",
            SHOWCASE_VILLAGE,
            "VILLAGER-GRID-01"));
    users.add(
        new User(
            "grid-consumer", "消费者（虚构，贵阳市）", COUNTY_MSP, "consumer", "520100000000", "CONSUMER-01"));
    for (String[] department : DEPARTMENTS) {
      users.add(
          new User(
              "dept-" + department[0].substring(2).toLowerCase(java.util.Locale.ROOT),
              department[1],
              COUNTY_MSP,
              "department",
              department[2],
              department[0]));
    }
    setup.add(new Tx("grid-center", "defineCatalogue", catalogue(), null));
    int workerNo = 0;
    for (String township : TOWNSHIPS.keySet()) {
      String village = villageOf(township);
      for (int g = 1; g <= 2; g++) {
        String gridId = "G-" + village + "-0" + g;
        grids.add(new String[] {gridId, village});
        setup.add(
            new Tx(
                "grid-center",
                "registerGrid",
                map(
                    "gridId",
                    gridId,
                    "name",
                    villageName(township) + (g == 1 ? "一组" : "二组") + "网格",
                    "region",
                    village),
                null));
        String workerId = "W-" + village + "-0" + g;
        String username = "gridworker-" + township.substring(6) + "-" + g;
        users.add(
            new User(
                username,
                villageName(township) + "网格员" + (g == 1 ? "甲" : "乙") + "（虚构）",
                WORKER_MSP,
                "grid_worker",
                village,
                workerId));
        workerNo++;
        setup.add(
            new Tx(
                "grid-center",
                "registerWorker",
                map("workerId", workerId, "mspId", WORKER_MSP, "gridId", gridId),
                map(
                    "name",
                    "网格员" + workerNo + "（虚构）",
                    "phone",
                    "138085" + String.format("%05d", workerNo),
                    "idNumber",
                    idNumber(workerNo))));
      }
    }
    for (int i = 0; i < EVENTS; i++) {
      events.add(event(i));
    }
  }

  private Map<String, Object> catalogue() {
    List<Object> categories = new ArrayList<>();
    List<Object> rules = new ArrayList<>();
    for (Category c : CATEGORIES) {
      int[] h = c.hours();
      categories.add(
          map(
              "code",
              c.code(),
              "name",
              c.name(),
              "reporters",
              c.reporters(),
              "limits",
              map(
                  "acceptHours",
                  h[0],
                  "dispatchHours",
                  h[1],
                  "claimHours",
                  h[2],
                  "handleHours",
                  h[3],
                  "verifyHours",
                  h[4],
                  "closeHours",
                  h[5],
                  "totalHours",
                  h[6])));
      rules.add(
          map("category", c.code(), "regionPrefix", "520122", "departmentId", c.department()));
    }
    rules.add(
        map("category", "SANITATION", "regionPrefix", "520122100", "departmentId", "D-YJ-ENV"));
    List<Object> departments = new ArrayList<>();
    for (String[] d : DEPARTMENTS) {
      departments.add(map("departmentId", d[0], "name", d[1], "region", d[2]));
    }
    return map(
        "county",
        COUNTY,
        "version",
        1,
        "categories",
        categories,
        "departments",
        departments,
        "rules",
        rules);
  }

  /** One event's chain: report, then as many steps as its planned final state needs. */
  private List<Tx> event(int index) {
    String[] grid = grids.get(index % grids.size());
    String gridId = grid[0];
    String village = grid[1];
    boolean showcase = village.equals(SHOWCASE_VILLAGE);
    Category category = pickCategory();
    String reporter;
    if (category.code().equals("COMPLAINT")) {
      reporter = showcase && random.nextBoolean() ? "grid-villager" : "grid-consumer";
    } else if (showcase && random.nextInt(4) == 0) {
      reporter = "grid-villager";
    } else {
      reporter =
          "gridworker-" + village.substring(6, 9) + "-" + gridId.substring(gridId.length() - 1);
    }
    String worker =
        "gridworker-" + village.substring(6, 9) + "-" + gridId.substring(gridId.length() - 1);
    String dispatcher = showcase ? "grid-village" : "grid-center";
    String eventId = "GE-2025-" + String.format("%04d", index + 1);
    int[] h = category.hours();
    int[] level = {0};
    OffsetDateTime at =
        YEAR_START
            .plusDays(random.nextInt(355))
            .plusHours(8 + random.nextInt(10))
            .plusMinutes(random.nextInt(60));
    List<Tx> chain = new ArrayList<>();
    List<String> photos = List.of(sha256Like("photo", index));
    chain.add(
        new Tx(
            reporter,
            "reportEvent",
            map(
                "eventId",
                eventId,
                "gridId",
                gridId,
                "category",
                category.code(),
                "title",
                category.titles().get(random.nextInt(category.titles().size())),
                "location",
                map(
                    "latE6",
                    27_090_000 + random.nextInt(200_000),
                    "lonE6",
                    106_700_000 + random.nextInt(200_000)),
                "photos",
                photos,
                "at",
                format(at)),
            null));
    int roll = random.nextInt(100);
    // Final state: 0-3 REPORTED, 4-6 ACCEPTED, 7-9 DISPATCHED, 10-13 CLAIMED, 14-16 HANDLED,
    // 17-19 VERIFIED, 20-31 CLOSED, 32-35 REJECTED, else RATED.
    int last =
        roll < 4
            ? 0
            : roll < 7
                ? 1
                : roll < 10
                    ? 2
                    : roll < 14
                        ? 3
                        : roll < 17 ? 4 : roll < 20 ? 5 : roll < 32 ? 6 : roll < 36 ? -1 : 7;
    if (last == -1) {
      at = at.plusMinutes(gap(level, h[0]));
      chain.add(step(dispatcher, "rejectEvent", eventId, at, map("note", "经核实不属实或重复上报")));
      return chain;
    }
    String department =
        category.code().equals("SANITATION") && village.startsWith("520122100")
            ? "D-YJ-ENV"
            : category.department();
    String departmentUser = "dept-" + department.substring(2).toLowerCase(java.util.Locale.ROOT);
    String[] names = {
      "acceptEvent",
      "dispatchEvent",
      "claimEvent",
      "handleEvent",
      "verifyEvent",
      "closeEvent",
      "rateEvent"
    };
    for (int s = 0; s < last; s++) {
      at = at.plusMinutes(gap(level, h[s]));
      switch (s) {
        case 0 -> chain.add(step(dispatcher, names[s], eventId, at, map()));
        case 1 -> {
          chain.add(step(dispatcher, names[s], eventId, at, map()));
          if (random.nextInt(20) == 0) {
            at = at.plusMinutes(gap(level, h[2]));
            chain.add(
                step(departmentUser, "returnEvent", eventId, at, map("note", "不属本部门职责，请重新派遣")));
            at = at.plusMinutes(30);
            chain.add(
                step("grid-center", "dispatchEvent", eventId, at, map("departmentId", department)));
          }
        }
        case 2 -> chain.add(step(departmentUser, names[s], eventId, at, map()));
        case 3 ->
            chain.add(
                step(
                    departmentUser,
                    names[s],
                    eventId,
                    at,
                    map("evidence", List.of(sha256Like("evidence", index)), "note", "已现场处置")));
        case 4 -> {
          String verifier = random.nextBoolean() ? worker : (showcase ? "grid-village" : worker);
          if (random.nextInt(12) == 0) {
            chain.add(
                step(verifier, names[s], eventId, at, map("passed", false, "note", "处置不到位，退回整改")));
            at = at.plusMinutes(gap(level, h[3]));
            chain.add(
                step(
                    departmentUser,
                    "handleEvent",
                    eventId,
                    at,
                    map("evidence", List.of(sha256Like("rework", index)), "note", "已整改")));
            at = at.plusMinutes(gap(level, h[4]));
          }
          chain.add(step(verifier, names[s], eventId, at, map("passed", true)));
        }
        case 5 -> chain.add(step(dispatcher, names[s], eventId, at, map()));
        default ->
            chain.add(
                step(
                    reporter,
                    names[s],
                    eventId,
                    at,
                    map("rating", new int[] {5, 5, 5, 4, 4, 4, 3, 2, 5, 4}[random.nextInt(10)])));
      }
    }
    int escalateTo = random.nextBoolean() ? 2 : 1;
    if (last < 6 && random.nextInt(3) > 0 && escalateTo > level[0]) {
      // An open event nobody moved on: 督办 just before two (level 1) or three limits (level 2).
      at = at.plusMinutes(h[last] * 60L * (escalateTo + 1) - 30);
      chain.add(step("grid-center", "escalateEvent", eventId, at, map()));
    }
    return chain;
  }

  /** Minutes to the next step: mostly well within the stage's limit, one in eight past it. */
  private long gap(int[] level, int limitHours) {
    long limit = limitHours * 60L;
    if (random.nextInt(8) == 0) {
      long late = limit + 1 + random.nextInt((int) limit + 1);
      level[0] = Math.max(level[0], late > 2 * limit ? 2 : 1);
      return late;
    }
    return 5 + random.nextInt((int) Math.max(1, limit * 7 / 10));
  }

  private Category pickCategory() {
    int roll = random.nextInt(100);
    return CATEGORIES.get(
        roll < 15 ? 0 : roll < 30 ? 1 : roll < 60 ? 2 : roll < 75 ? 3 : roll < 85 ? 4 : 5);
  }

  private static Tx step(
      String as,
      String transaction,
      String eventId,
      OffsetDateTime at,
      Map<String, Object> fields) {
    Map<String, Object> argument = map("eventId", eventId, "at", format(at));
    argument.putAll(fields);
    return new Tx(as, transaction, argument, null);
  }

  static String format(OffsetDateTime time) {
    return time.format(TIME);
  }

  /** A stable 64-hex-digit stand-in for the SHA-256 of a photo or document kept off the ledger. */
  static String sha256Like(String kind, int index) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest((kind + "/" + index).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An invented 18-digit ID number with a valid GB 11643 check character. */
  static String idNumber(int n) {
    String body = "52012219850101" + String.format("%03d", n);
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body.charAt(i) - '0') * weights[i];
    }
    return body + "10X98765432".charAt(sum % 11);
  }

  static Map<String, Object> map(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
