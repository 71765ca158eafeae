package cn.xianglian.app.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A year of books (2025) of one 息烽 demo village, 永靖镇黄坪村 (an invented village, code 520122100203),
 * as demo steps that go through the same ledger path as everything else: the 清产核资 opening entry
 * (December 2024, with its 村民代表会议 decision), every month a cash withdrawal, office costs, cleaning
 * labour and the office building's depreciation; quarterly 村级运转 subsidies; a land lease with
 * quarterly rent (the fourth installment is never paid: an overdue warning); county project funds
 * for an industry road with its 四议两公开 decision, contract, payment, completion into fixed assets and
 * retention payment; a labour accrual and payment; a wrong entry corrected by a red-ink reversal;
 * the year-end transfers and a dividend over the shareholding co-operative's members; month closes
 * every month; funds and cash reconciliations; quarterly disclosures, a project disclosure, a
 * villager's objection and its answer. Every voucher is recorded and submitted by the village 报账员,
 * approved and posted by the township 农经站 (村财乡管).
 *
 * <p>Amounts are integer 分. The generator keeps its own running balances only to fill in the
 * year-end transfers and the reconciliations; the test of the demo checks the ledger's trial
 * balance against figures computed by hand.
 */
final class FinanceDemoYear {

  static final String VILLAGE = "520122100203";
  static final String BOOKKEEPER = "hp-bookkeeper";
  static final String VILLAGER = "hp-villager";
  static final String TOWNSHIP = "yongjing-nongjing";
  static final String LEASE = "HT-HP-2025-001";
  static final String ROAD = "HT-HP-2025-002";
  static final String COOPERATIVE = "HP-GFJJHZS";
  static final String CATALOGUE = "XF-SANWU";

  /** Monthly office costs (办公费, 513), January to December. */
  static final long[] OFFICE = {
    42_000, 36_500, 51_200, 38_800, 44_600, 29_900, 56_000, 33_300, 47_500, 39_900, 41_200, 62_800
  };

  static final long WITHDRAWAL = 300_000;
  static final long CLEANING = 150_000;
  static final long DEPRECIATION = 83_333;
  static final long SUBSIDY = 3_000_000;
  static final long RENT = 1_200_000;
  static final long DIVIDEND = 3_600_000;

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PASSWORD = "Xifeng-2026";
  private static final String ROAD_BUILDER = "息烽县筑安建设工程有限公司";
  private static final String LESSEE = "息烽县永靖镇禾丰贡米种植专业合作社";

  private final List<DemoData.Step> steps = new ArrayList<>();
  private final Map<String, Long> balances = new TreeMap<>();
  private int sequence;

  private FinanceDemoYear() {}

  /** The two users of the village: its 报账员 and a villager (invented). */
  static List<DemoData.User> users() {
    return List.of(
        new DemoData.User(
            BOOKKEEPER,
            PASSWORD,
            "永靖镇黄坪村（虚构）村集体经济组织报账员",
            BOOKKEEPER,
            "TownshipOrgMSP",
            Map.of("xl.role", "village", "xl.region", VILLAGE, "xl.party", "V-" + VILLAGE)),
        new DemoData.User(
            VILLAGER,
            PASSWORD,
            "永靖镇黄坪村（虚构）村民",
            VILLAGER,
            "TownshipOrgMSP",
            Map.of(
                "xl.role", "villager", "xl.region", VILLAGE, "xl.party", "VILLAGER-" + VILLAGE)));
  }

  /** The village's year, in order; the county's chart, rules and catalogue must exist already. */
  static List<DemoData.Step> steps() {
    FinanceDemoYear year = new FinanceDemoYear();
    year.build();
    return List.copyOf(year.steps);
  }

  private void build() {
    book(
        "defineSubAccount",
        """
        {"village":"%s","code":"10201","name":"息烽农商银行基本户"}"""
            .formatted(VILLAGE));
    decision("DEC-HP-2024-01", "2024年度清产核资结果及期初建账（村民代表会议确认）", "2024-12-20", 38_200_000);
    decision("DEC-HP-2024-02", "集体坡地出租给禾丰贡米合作社（四议两公开）", "2024-12-10", 14_400_000);
    voucher(
        "2024-12-31",
        "清产核资期初建账",
        "DEC-HP-2024-01",
        line("10201", 8_000_000, 0),
        line("101", 200_000, 0),
        line("151", 30_000_000, 0),
        line("152", 0, 10_000_000),
        line("301", 0, 28_200_000));
    close("2024-12");
    registers();

    for (int m = 1; m <= 12; m++) {
      YearMonth month = YearMonth.of(2025, m);
      voucher(
          day(month, 5), "提取备用金", null, line("101", WITHDRAWAL, 0), line("10201", 0, WITHDRAWAL));
      if (m == 1 || m == 4 || m == 7 || m == 10) {
        voucher(
            day(month, 15),
            "收到村级组织运转经费补助",
            null,
            line("10201", SUBSIDY, 0),
            line("503", 0, SUBSIDY));
      }
      if (m == 4) {
        decision("DEC-HP-2025-01", "黄坪村产业路硬化项目（四议两公开）", "2025-04-02", 20_000_000);
        voucher(
            day(month, 10),
            "收到县级财政衔接资金（产业路项目）",
            "DEC-HP-2025-01",
            line("10201", 20_000_000, 0),
            line("241", 0, 20_000_000));
        registerRoadContract();
      }
      if (m == 7) {
        String wrong =
            voucher(
                day(month, 8),
                "支付办公用品费",
                null,
                line("514", OFFICE[6], 0),
                line("101", 0, OFFICE[6]));
        reverse(wrong, day(month, 9));
      }
      voucher(
          day(month, 12),
          "支付办公用品及水电费",
          null,
          line("513", OFFICE[m - 1], 0),
          line("101", 0, OFFICE[m - 1]));
      if (m == 5) {
        voucher(
            day(month, 20),
            "计提村道清障临时用工劳务费",
            null,
            line("514", 480_000, 0),
            line("213", 0, 480_000));
        voucher(
            day(month, 26), "支付临时用工劳务费", null, line("213", 480_000, 0), line("10201", 0, 480_000));
      }
      if (m == 6) {
        voucher(
            day(month, 20),
            "支付产业路工程进度款（80%）",
            "DEC-HP-2025-01",
            line("153", 14_400_000, 0),
            contractLine("10201", 0, 14_400_000, ROAD_BUILDER, ROAD));
      }
      voucher(
          day(month, 25), "支付村庄保洁劳务费", null, line("514", CLEANING, 0), line("101", 0, CLEANING));
      if (m == 3 || m == 6 || m == 9) {
        voucher(
            day(month, 27),
            "收到集体坡地租金（第" + (m / 3) + "季度）",
            null,
            contractLine("10201", RENT, 0, LESSEE, LEASE),
            line("501", 0, RENT));
      }
      if (m == 8) {
        voucher(
            day(month, 18),
            "产业路竣工验收转入固定资产",
            "DEC-HP-2025-01",
            line("151", 18_000_000, 0),
            line("153", 0, 14_400_000),
            line("211", 0, 3_600_000));
        voucher(
            day(month, 18),
            "项目资金形成资产转入公积公益金",
            "DEC-HP-2025-01",
            line("241", 18_000_000, 0),
            line("311", 0, 18_000_000));
        book(
            "registerAsset",
            """
            {"assetId":"ZC-HP-2025-001","village":"%s","category":"公益性基础设施","name":"黄坪村产业路",\
            "location":"黄坪村二组至四组","acquiredOn":"2025-08-18","costFen":18000000,\
            "usefulLifeMonths":0,"residualFen":0}"""
                .formatted(VILLAGE));
      }
      voucher(
          day(month, 28),
          "计提办公楼折旧",
          null,
          line("513", DEPRECIATION, 0),
          line("152", 0, DEPRECIATION));
      if (m == 12) {
        voucher(
            day(month, 20),
            "支付产业路工程质保金（20%）",
            null,
            line("211", 3_600_000, 0),
            contractLine("10201", 0, 3_600_000, ROAD_BUILDER, ROAD));
        yearEnd();
      }
      if (m == 6) {
        reconcile("RC-HP-CASH-2025-06", "FUND-HP-CASH", "2025-06-30", balance("101"));
      }
      close(month.toString());
      if (m % 3 == 0) {
        publish(
            "PUB-HP-2025-Q" + (m / 3),
            "CAIW-02",
            "2025-Q" + (m / 3),
            "2025年第" + (m / 3) + "季度财务收支公开");
      }
      if (m == 6) {
        publish("PUB-HP-2025-Q2-XM", "CAIW-05", "2025-Q2", "产业路项目资金使用专项公开");
        objection();
      }
    }
    reconcile("RC-HP-BANK-2025-12", "FUND-HP-BANK", "2025-12-31", balance("10201"));
  }

  private void registers() {
    book(
        "registerFundAccount",
        """
        {"fundAccountId":"FUND-HP-BANK","village":"%s","kind":"BANK","account":"10201",\
        "name":"村集体经济组织基本户","bankName":"息烽农商银行永靖支行","accountNoLast4":"0203",\
        "openedOn":"2018-03-01"}"""
            .formatted(VILLAGE));
    book(
        "registerFundAccount",
        """
        {"fundAccountId":"FUND-HP-CASH","village":"%s","kind":"CASH","account":"101",\
        "name":"村集体库存现金","openedOn":"2018-03-01"}"""
            .formatted(VILLAGE));
    StringBuilder schedule = new StringBuilder();
    for (int year = 2025; year <= 2027; year++) {
      for (int quarter = 1; quarter <= 4; quarter++) {
        if (!schedule.isEmpty()) {
          schedule.append(',');
        }
        schedule.append(
            "{\"dueOn\":\"%s\",\"amountFen\":%d}"
                .formatted(YearMonth.of(year, quarter * 3).atEndOfMonth(), RENT));
      }
    }
    book(
        "registerContract",
        """
        {"contractId":"%s","village":"%s","direction":"INCOME","counterparty":"%s",\
        "subject":"集体坡地120亩出租（贡米种植）","startDate":"2025-01-01","endDate":"2027-12-31",\
        "amountFen":14400000,"schedule":[%s],"documentSha256":"%s","decisionId":"DEC-HP-2024-02"}"""
            .formatted(LEASE, VILLAGE, LESSEE, schedule, sha256("合同 " + LEASE)));
    book(
        "registerResource",
        """
        {"resourceId":"ZY-HP-001","village":"%s","kind":"LAND","name":"后山坡地","location":"黄坪村三组",\
        "areaSqm":80000,"contractId":"%s"}"""
            .formatted(VILLAGE, LEASE));
    book(
        "registerResource",
        """
        {"resourceId":"ZY-HP-002","village":"%s","kind":"FOREST","name":"集体公益林","location":"黄坪村五组",\
        "areaSqm":426000}"""
            .formatted(VILLAGE));
    book(
        "registerAsset",
        """
        {"assetId":"ZC-HP-2015-001","village":"%s","category":"房屋及建筑物","name":"村委会办公楼",\
        "location":"黄坪村一组","acquiredOn":"2015-01-15","costFen":30000000,\
        "usefulLifeMonths":360,"residualFen":0}"""
            .formatted(VILLAGE));
    book(
        "registerCooperative",
        """
        {"cooperativeId":"%s","village":"%s","name":"息烽县永靖镇黄坪村股份经济合作社（虚构）",\
        "foundedOn":"2020-06-18"}"""
            .formatted(COOPERATIVE, VILLAGE));
    String[][] members = {
      {"HP-M-001", "5", "陈明", "520122197003150013"},
      {"HP-M-002", "4", "罗芳", "520122197508220027"},
      {"HP-M-003", "4", "王建国", "520122196811050031"},
      {"HP-M-004", "3", "杨秀英", "520122198204120048"},
      {"HP-M-005", "3", "李德成", "520122199001300052"}
    };
    for (String[] member : members) {
      Map<String, JsonNode> secrets = new LinkedHashMap<>();
      secrets.put(
          "member",
          JSON.readTree(
              "{\"name\":\"%s\",\"phone\":\"1390851%04d\",\"idNumber\":\"%s\"}"
                  .formatted(
                      member[2], Integer.parseInt(member[0].substring(5)), checked(member[3]))));
      steps.add(
          new DemoData.Step(
              BOOKKEEPER,
              "finance",
              "registerMember",
              JSON.readTree(
                  "{\"cooperativeId\":\"%s\",\"memberId\":\"%s\",\"shares\":%s,\"joinedOn\":\"2020-06-18\"}"
                      .formatted(COOPERATIVE, member[0], member[1])),
              secrets));
    }
  }

  private void registerRoadContract() {
    book(
        "registerContract",
        """
        {"contractId":"%s","village":"%s","direction":"EXPENSE","counterparty":"%s",\
        "subject":"黄坪村产业路硬化工程施工","startDate":"2025-05-15","endDate":"2026-05-14",\
        "amountFen":18000000,"schedule":[{"dueOn":"2025-06-20","amountFen":14400000},\
        {"dueOn":"2025-12-20","amountFen":3600000}],"documentSha256":"%s","decisionId":"DEC-HP-2025-01"}"""
            .formatted(ROAD, VILLAGE, ROAD_BUILDER, sha256("合同 " + ROAD)));
  }

  /** 结转本年收益 and 收益分配: income and expenses into 321, the year's result into 322, a dividend. */
  private void yearEnd() {
    decision("DEC-HP-2025-02", "2025年度收益分配及股份分红方案（四议两公开）", "2025-12-15", 20_000_000);
    long income501 = -balance("501");
    long income503 = -balance("503");
    voucher(
        "2025-12-31",
        "结转本年收入",
        "DEC-HP-2025-02",
        line("501", income501, 0),
        line("503", income503, 0),
        line("321", 0, income501 + income503));
    long costs513 = balance("513");
    long costs514 = balance("514");
    voucher(
        "2025-12-31",
        "结转本年费用",
        "DEC-HP-2025-02",
        line("321", costs513 + costs514, 0),
        line("513", 0, costs513),
        line("514", 0, costs514));
    long result = -balance("321");
    voucher(
        "2025-12-31",
        "结转本年收益至收益分配",
        "DEC-HP-2025-02",
        line("321", result, 0),
        line("322", 0, result));
    String dividend =
        voucher(
            "2025-12-31",
            "2025年度股份分红",
            "DEC-HP-2025-02",
            line("322", DIVIDEND, 0),
            line("211", 0, DIVIDEND));
    book(
        "distributeDividend",
        """
        {"distributionId":"FH-HP-2025","cooperativeId":"%s","year":"2025","totalFen":%d,"voucherId":"%s"}"""
            .formatted(COOPERATIVE, DIVIDEND, dividend));
  }

  // ---- step builders ------------------------------------------------------------------------

  private record Line(
      String account, long debitFen, long creditFen, String counterparty, String contractId) {}

  private static Line line(String account, long debit, long credit) {
    return new Line(account, debit, credit, null, null);
  }

  private static Line contractLine(
      String account, long debit, long credit, String counterparty, String contractId) {
    return new Line(account, debit, credit, counterparty, contractId);
  }

  /** Records, submits, approves and posts a voucher; returns its id. */
  private String voucher(String date, String summary, String decisionId, Line... lines) {
    String voucherId = "PZ-HP-%s-%03d".formatted(date.substring(0, 7), ++sequence);
    StringBuilder json = new StringBuilder();
    for (Line line : lines) {
      if (!json.isEmpty()) {
        json.append(',');
      }
      json.append(
          "{\"account\":\"%s\",\"debitFen\":%d,\"creditFen\":%d%s%s}"
              .formatted(
                  line.account(),
                  line.debitFen(),
                  line.creditFen(),
                  line.counterparty() == null
                      ? ""
                      : ",\"counterparty\":\"" + line.counterparty() + "\"",
                  line.contractId() == null
                      ? ""
                      : ",\"contractId\":\"" + line.contractId() + "\""));
      balances.merge(line.account(), line.debitFen() - line.creditFen(), Long::sum);
    }
    book(
        "recordVoucher",
        """
        {"voucherId":"%s","village":"%s","date":"%s","summary":"%s","lines":[%s],\
        "attachments":[{"name":"%s.pdf","sha256":"%s"}]%s}"""
            .formatted(
                voucherId,
                VILLAGE,
                date,
                summary,
                json,
                voucherId,
                sha256("原始凭证 " + voucherId),
                decisionId == null ? "" : ",\"decisionId\":\"" + decisionId + "\""));
    post(voucherId);
    return voucherId;
  }

  private void reverse(String original, String date) {
    String voucherId = "PZ-HP-%s-%03d".formatted(date.substring(0, 7), ++sequence);
    book(
        "reverseVoucher",
        """
        {"voucherId":"%s","reverses":"%s","date":"%s","summary":"红字冲销：误记公益支出，应为管理费用"}"""
            .formatted(voucherId, original, date));
    // the reversal negates the original's lines: 514 and 101 back to where they were
    balances.merge("514", -OFFICE[6], Long::sum);
    balances.merge("101", OFFICE[6], Long::sum);
    post(voucherId);
  }

  private void post(String voucherId) {
    String action = "{\"voucherId\":\"" + voucherId + "\"}";
    book("submitVoucher", action);
    step(TOWNSHIP, "approveVoucher", action);
    step(TOWNSHIP, "postVoucher", action);
  }

  private void close(String period) {
    step(
        TOWNSHIP,
        "closePeriod",
        "{\"village\":\"%s\",\"period\":\"%s\"}".formatted(VILLAGE, period));
  }

  private void decision(String decisionId, String subject, String decidedOn, long amountFen) {
    book(
        "recordDecision",
        """
        {"decisionId":"%s","village":"%s","subject":"%s","decidedOn":"%s","amountFen":%d,\
        "minutesSha256":"%s","resolutionSha256":"%s"}"""
            .formatted(
                decisionId,
                VILLAGE,
                subject,
                decidedOn,
                amountFen,
                sha256("会议记录 " + decisionId),
                sha256("决议公告 " + decisionId)));
  }

  private void reconcile(String reconciliationId, String fundAccountId, String asOf, long fen) {
    book(
        "reconcileFund",
        """
        {"reconciliationId":"%s","fundAccountId":"%s","asOf":"%s","statementFen":%d}"""
            .formatted(reconciliationId, fundAccountId, asOf, fen));
  }

  private void publish(String publicationId, String item, String period, String title) {
    book(
        "publishDisclosure",
        """
        {"publicationId":"%s","village":"%s","catalogueId":"%s","itemCode":"%s","period":"%s",\
        "title":"%s","contentSha256":"%s"}"""
            .formatted(publicationId, VILLAGE, CATALOGUE, item, period, title, sha256(title)));
  }

  private void objection() {
    Map<String, JsonNode> secrets = new LinkedHashMap<>();
    secrets.put(
        "objector",
        JSON.readTree(
            "{\"name\":\"黄小梅\",\"phone\":\"13908510099\",\"idNumber\":\"%s\"}"
                .formatted(checked("52012219880808006"))));
    steps.add(
        new DemoData.Step(
            VILLAGER,
            "finance",
            "fileObjection",
            JSON.readTree(
                """
                {"objectionId":"ZX-HP-2025-001","publicationId":"PUB-HP-2025-Q2-XM",\
                "question":"产业路进度款144,000元是按什么标准支付的？工程质量谁来验收？"}"""),
            secrets));
    book(
        "answerObjection",
        """
        {"objectionId":"ZX-HP-2025-001","answer":"进度款按施工合同HT-HP-2025-002约定的80%%支付，\
        经2025年4月2日村民代表会议决议（DEC-HP-2025-01）；竣工后由镇农经站、村监委会和村民代表共同验收，\
        余款20%%作为质保金。","documentSha256":"%s"}"""
            .formatted(sha256("答复 ZX-HP-2025-001")));
  }

  private void book(String transaction, String json) {
    step(BOOKKEEPER, transaction, json);
  }

  private void step(String as, String transaction, String json) {
    steps.add(new DemoData.Step(as, "finance", transaction, JSON.readTree(json), Map.of()));
  }

  private long balance(String account) {
    return balances.getOrDefault(account, 0L);
  }

  private static String day(YearMonth month, int day) {
    return month.atDay(Math.min(day, month.lengthOfMonth())).toString();
  }

  /** An 18-digit ID number: the first 17 digits of {@code digits} and its check character. */
  static String checked(String digits) {
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (digits.charAt(i) - '0') * weights[i];
    }
    return digits.substring(0, 17) + "10X98765432".charAt(sum % 11);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
