package cn.xianglian.chaincode.contracttest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.xianglian.ledger.ChaincodeEvent;
import cn.xianglian.ledger.Identity;
import cn.xianglian.ledger.LedgerException;
import cn.xianglian.ledger.Proposal;
import cn.xianglian.ledger.Submitted;
import cn.xianglian.ledger.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code finance} contract (三资) as clients see it, through {@code LedgerClient} only: every
 * transaction, rule and denial. Each rejection asserts the error code and that the state it would
 * have touched is unchanged. Every test books into a village of its own and ids carry a random run
 * suffix, so the suite can run again against a persistent network; dates are relative to today.
 */
public abstract class FinanceContractSuite {

  static final String COUNTY = "520122000000";
  static final String TOWNSHIP = "520122100000";
  static final String COUNTY_MSP = "CountyOrgMSP";
  static final String TOWNSHIP_MSP = "TownshipOrgMSP";

  /** A county whose rules let villages post small vouchers without township approval. */
  static final String LENIENT_COUNTY = "520123000000";

  static final String HASH_A = "a".repeat(64);
  static final String HASH_B = "b".repeat(64);

  private static final JsonMapper JSON = new JsonMapper();
  private static final String RUN = Long.toString(new Random().nextLong() & 0xffffffffL, 36);
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final AtomicInteger COUNTIES = new AtomicInteger(new Random().nextInt(70));
  private static final AtomicInteger VILLAGES = new AtomicInteger(new Random().nextInt(400));

  static final YearMonth THIS_MONTH = YearMonth.now(ZoneOffset.ofHours(8));
  static final YearMonth P1 = THIS_MONTH.minusMonths(3);
  static final YearMonth P2 = THIS_MONTH.minusMonths(2);
  static final YearMonth P3 = THIS_MONTH.minusMonths(1);

  protected abstract TestNetwork network();

  Identity countyClerk;
  Identity township;
  Identity otherTownship;
  Identity auditor;
  String village;
  Identity clerk;
  String otherVillage;
  Identity otherClerk;

  @BeforeEach
  void setUp() {
    countyClerk = person("county", COUNTY_MSP, "county", COUNTY, "COUNTY-NJ");
    township = person("township", TOWNSHIP_MSP, "township", TOWNSHIP, "YONGJING-NJZ");
    otherTownship = person("township", TOWNSHIP_MSP, "township", "520122101000", "XIAOZHAI-NJZ");
    auditor = person("auditor", COUNTY_MSP, "auditor", COUNTY, "AUDIT");
    village = newVillage("520122100");
    clerk = person("clerk", TOWNSHIP_MSP, "village", village, "V" + village);
    otherVillage = newVillage("520122100");
    otherClerk = person("clerk", TOWNSHIP_MSP, "village", otherVillage, "V" + otherVillage);
    ensureChartAndRules(countyClerk, COUNTY, 1_000_000L, true);
  }

  // ---- chart --------------------------------------------------------------------------------

  @Nested
  @DisplayName("defineChart / getChart")
  class DefineChart {

    @Test
    @DisplayName("the bundled 2023 chart has the 42 standard accounts; a retry returns it")
    void template() {
      String county = newCounty();
      Identity owner = person("county", COUNTY_MSP, "county", county, "C" + county);
      String json = chartTemplateJson(county, 1, "2024-01-01");
      String created = submit(owner, "defineChart", json);
      JsonNode chart = tree(evaluate(auditor, "getChart", "{\"county\":\"" + county + "\"}"));
      assertThat(chart.get("accounts")).hasSize(42);
      assertThat(chart.get("accounts").get(0).get("code").asString()).isEqualTo("101");
      assertThat(chart.get("accounts").get(0).get("name").asString()).isEqualTo("库存现金");
      assertThat(chart.get("version").asInt()).isEqualTo(1);
      assertThat(submit(owner, "defineChart", json)).isEqualTo(created);
      assertThat(rejected(owner, "defineChart", json.replace("财会", "财会X")))
          .isEqualTo("ALREADY_EXISTS");
    }

    @Test
    @DisplayName("versions follow each other; explicit accounts; a broken chart is rejected")
    void versions() {
      String county = newCounty();
      Identity owner = person("county", COUNTY_MSP, "county", county, "C" + county);
      assertThat(rejected(owner, "defineChart", chartTemplateJson(county, 2, "2024-01-01")))
          .isEqualTo("INVALID_STATE");
      submit(owner, "defineChart", chartTemplateJson(county, 1, "2024-01-01"));
      String v2 =
          """
          {"county":"%s","version":2,"effectiveFrom":"2025-01-01","standard":"县补充科目",\
          "accounts":[{"code":"101","name":"库存现金","accountClass":"ASSET","side":"DEBIT"},\
          {"code":"301","name":"资本","accountClass":"EQUITY","side":"CREDIT"}]}"""
              .formatted(county);
      assertThat(rejected(owner, "defineChart", v2.replace("2025-01-01", "2023-01-01")))
          .isEqualTo("INVALID_STATE");
      assertThat(
              rejected(owner, "defineChart", v2.replace("\"code\":\"301\"", "\"code\":\"30101\"")))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(rejected(owner, "defineChart", v2.replace("\"ASSET\"", "\"EQUITY\"")))
          .isEqualTo("INVALID_ARGUMENT");
      submit(owner, "defineChart", v2);
      assertThat(
              tree(evaluate(auditor, "getChart", "{\"county\":\"" + county + "\"}"))
                  .get("accounts"))
          .hasSize(2);
      assertThat(
              tree(evaluate(auditor, "getChart", "{\"county\":\"" + county + "\",\"version\":1}"))
                  .get("accounts"))
          .hasSize(42);
    }

    @Test
    @DisplayName("only a county user of that county defines it; unknown templates are refused")
    void denials() {
      String county = newCounty();
      String json = chartTemplateJson(county, 1, "2024-01-01");
      assertThat(rejected(clerk, "defineChart", json)).isEqualTo("ACCESS_DENIED");
      assertThat(rejected(countyClerk, "defineChart", json)).isEqualTo("REGION_OUT_OF_SCOPE");
      Identity owner = person("county", COUNTY_MSP, "county", county, "C" + county);
      assertThat(rejected(owner, "defineChart", json.replace("CAIHUI_2023_14", "CAIHUI_2004_12")))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(codeOf(() -> evaluate(auditor, "getChart", "{\"county\":\"" + county + "\"}")))
          .isEqualTo("CHART_NOT_FOUND");
    }
  }

  // ---- sub-accounts -------------------------------------------------------------------------

  @Nested
  @DisplayName("defineSubAccount")
  class DefineSubAccount {

    @Test
    @DisplayName("a sub-account makes its parent a non-leaf: entries go to the sub-account")
    void leavesOnly() {
      submit(clerk, "defineSubAccount", subAccountJson(village, "10201", "农商银行基本户"));
      JsonNode subs = tree(evaluate(auditor, "listSubAccounts", villageJson(village)));
      assertThat(subs).hasSize(1);
      assertThat(subs.get(0).get("side").asString()).isEqualTo("DEBIT");
      assertThat(
              rejected(
                  clerk,
                  "recordVoucher",
                  voucherJson(id("V"), village, date(P2, 3), "102", "301", 500)))
          .isEqualTo("ACCOUNT_NOT_LEAF");
      submit(
          clerk, "recordVoucher", voucherJson(id("V"), village, date(P2, 3), "10201", "301", 500));
    }

    @Test
    @DisplayName("no sub-account below an account that already has entries, or an unknown one")
    void rules() {
      submit(clerk, "recordVoucher", voucherJson(id("V"), village, date(P2, 3), "101", "301", 500));
      assertThat(rejected(clerk, "defineSubAccount", subAccountJson(village, "10101", "备用金")))
          .isEqualTo("INVALID_STATE");
      assertThat(rejected(clerk, "defineSubAccount", subAccountJson(village, "19901", "无")))
          .isEqualTo("ACCOUNT_NOT_FOUND");
      assertThat(rejected(clerk, "defineSubAccount", subAccountJson(village, "102", "重复")))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(tree(evaluate(auditor, "listSubAccounts", villageJson(village)))).isEmpty();
    }

    @Test
    @DisplayName("a retry returns the same; another village or an auditor is refused")
    void denials() {
      String json = subAccountJson(village, "11201", "应收承包费");
      String created = submit(clerk, "defineSubAccount", json);
      assertThat(submit(clerk, "defineSubAccount", json)).isEqualTo(created);
      assertThat(rejected(clerk, "defineSubAccount", json.replace("应收承包费", "别的")))
          .isEqualTo("ALREADY_EXISTS");
      assertThat(rejected(otherClerk, "defineSubAccount", subAccountJson(village, "11202", "x")))
          .isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(rejected(auditor, "defineSubAccount", subAccountJson(village, "11202", "x")))
          .isEqualTo("ACCESS_DENIED");
      assertThat(tree(evaluate(auditor, "listSubAccounts", villageJson(village)))).hasSize(1);
    }
  }

  // ---- vouchers -----------------------------------------------------------------------------

  @Nested
  @DisplayName("recordVoucher")
  class RecordVoucher {

    @Test
    @DisplayName("records a balanced draft with its attachments; a retry returns the same record")
    void draft() {
      String voucherId = id("V");
      String json = voucherJson(voucherId, village, date(P2, 3), "101", "501", 12_345);
      String created = submit(clerk, "recordVoucher", json);
      JsonNode voucher = tree(evaluate(auditor, "getVoucher", voucherId));
      assertThat(voucher.get("status").asString()).isEqualTo("DRAFT");
      assertThat(voucher.get("totalFen").asLong()).isEqualTo(12_345);
      assertThat(voucher.get("period").asString()).isEqualTo(P2.toString());
      assertThat(voucher.get("attachments").get(0).get("sha256").asString()).isEqualTo(HASH_A);
      assertThat(submit(clerk, "recordVoucher", json)).isEqualTo(created);
      assertThat(
              rejected(
                  clerk,
                  "recordVoucher",
                  json.replace("12345", "12346")
                      .replace("\"creditFen\":12346", "\"creditFen\":12346")))
          .isEqualTo("ALREADY_EXISTS");
      assertThat(evaluate(auditor, "getVoucher", voucherId)).isEqualTo(created);
    }

    @Test
    @DisplayName("bad books are refused with their code and nothing is written")
    void badInput() {
      String voucherId = id("V");
      String date = date(P2, 3);
      String unbalanced =
          linesVoucher(voucherId, village, date, line("101", 100, 0), line("501", 0, 99));
      assertThat(rejected(clerk, "recordVoucher", unbalanced)).isEqualTo("VOUCHER_UNBALANCED");
      assertThat(
              rejected(
                  clerk, "recordVoucher", voucherJson(voucherId, village, date, "109", "501", 1)))
          .isEqualTo("ACCOUNT_NOT_FOUND");
      assertThat(
              rejected(
                  clerk,
                  "recordVoucher",
                  linesVoucher(
                      voucherId, village, date, line("101", -100, 0), line("501", 0, -100))))
          .isEqualTo("AMOUNT_INVALID");
      assertThat(
              rejected(
                  clerk,
                  "recordVoucher",
                  linesVoucher(voucherId, village, date, line("101", 100, 100), line("501", 0, 0))))
          .isEqualTo("AMOUNT_INVALID");
      assertThat(
              rejected(
                  clerk,
                  "recordVoucher",
                  voucherJson(voucherId, village, date, "101", "501", 100)
                      .replace("\"debitFen\":100", "\"debitFen\":1.005")))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(
              rejected(
                  clerk,
                  "recordVoucher",
                  voucherJson(voucherId, village, date, "101", "501", 100).replace(HASH_A, "abc")))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(
              rejected(
                  clerk,
                  "recordVoucher",
                  voucherJson(
                      voucherId,
                      village,
                      THIS_MONTH.plusMonths(1).atDay(1).toString(),
                      "101",
                      "501",
                      100)))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(
              rejected(
                  clerk,
                  "recordVoucher",
                  linesVoucher(voucherId, village, date, line("101", 1, 0))))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(codeOf(() -> evaluate(auditor, "getVoucher", voucherId)))
          .isEqualTo("VOUCHER_NOT_FOUND");
    }

    @Test
    @DisplayName("only the village's own 报账员 records")
    void denials() {
      String voucherId = id("V");
      String json = voucherJson(voucherId, village, date(P2, 3), "101", "501", 100);
      assertThat(rejected(township, "recordVoucher", json)).isEqualTo("ACCESS_DENIED");
      assertThat(rejected(otherClerk, "recordVoucher", json)).isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(codeOf(() -> evaluate(auditor, "getVoucher", voucherId)))
          .isEqualTo("VOUCHER_NOT_FOUND");
    }

    @Test
    @DisplayName("a village without a chart in force cannot book")
    void noChart() {
      String county = newCounty();
      String lonely = county.substring(0, 6) + "100001";
      Identity lonelyClerk = person("clerk", TOWNSHIP_MSP, "village", lonely, "V" + lonely);
      assertThat(
              rejected(
                  lonelyClerk,
                  "recordVoucher",
                  voucherJson(id("V"), lonely, date(P2, 3), "101", "501", 100)))
          .isEqualTo("CHART_NOT_FOUND");
    }
  }

  @Nested
  @DisplayName("submitVoucher / approveVoucher / rejectVoucher / postVoucher")
  class Lifecycle {

    @Test
    @DisplayName("draft → submitted → approved by the township → posted, each step on record")
    void happyPath() {
      String voucherId = recorded(village, clerk, date(P2, 3), "101", "501", 100);
      JsonNode submitted = tree(submit(clerk, "submitVoucher", action(voucherId)));
      assertThat(submitted.get("status").asString()).isEqualTo("SUBMITTED");
      assertThat(submit(clerk, "submitVoucher", action(voucherId)))
          .as("a retry changes nothing")
          .isEqualTo(evaluate(auditor, "getVoucher", voucherId));
      submit(township, "approveVoucher", action(voucherId));
      Submitted posted =
          network()
              .ledger()
              .submit(township, Proposal.of("finance", "postVoucher", action(voucherId)));
      JsonNode voucher = tree(evaluate(auditor, "getVoucher", voucherId));
      assertThat(voucher.get("status").asString()).isEqualTo("POSTED");
      List<String> statuses = new ArrayList<>();
      voucher.get("steps").forEach(step -> statuses.add(step.get("status").asString()));
      assertThat(statuses).containsExactly("DRAFT", "SUBMITTED", "APPROVED", "POSTED");
      assertThat(voucher.get("steps").get(3).get("txId").asString()).isEqualTo(posted.txId());
    }

    @Test
    @DisplayName("steps out of order are INVALID_STATE and change nothing")
    void order() {
      String voucherId = recorded(village, clerk, date(P2, 3), "101", "501", 100);
      assertThat(rejected(township, "approveVoucher", action(voucherId)))
          .isEqualTo("INVALID_STATE");
      assertThat(rejected(township, "postVoucher", action(voucherId))).isEqualTo("INVALID_STATE");
      submit(clerk, "submitVoucher", action(voucherId));
      assertThat(rejected(township, "postVoucher", action(voucherId))).isEqualTo("INVALID_STATE");
      String before = evaluate(auditor, "getVoucher", voucherId);
      assertThat(rejected(clerk, "postVoucher", action(voucherId)))
          .as("this county's rules need township approval for every voucher")
          .isEqualTo("ACCESS_DENIED");
      assertThat(evaluate(auditor, "getVoucher", voucherId)).isEqualTo(before);
    }

    @Test
    @DisplayName("the township rejects; a rejected voucher goes nowhere")
    void reject() {
      String voucherId = recorded(village, clerk, date(P2, 3), "101", "501", 100);
      submit(clerk, "submitVoucher", action(voucherId));
      String reject = "{\"voucherId\":\"%s\",\"reason\":\"缺少发票\"}".formatted(voucherId);
      assertThat(rejected(clerk, "rejectVoucher", reject)).isEqualTo("ACCESS_DENIED");
      JsonNode rejectedVoucher = tree(submit(township, "rejectVoucher", reject));
      assertThat(rejectedVoucher.get("status").asString()).isEqualTo("REJECTED");
      assertThat(rejectedVoucher.get("steps").get(2).get("note").asString()).isEqualTo("缺少发票");
      assertThat(rejected(township, "approveVoucher", action(voucherId)))
          .isEqualTo("INVALID_STATE");
    }

    @Test
    @DisplayName("approval only by a township whose scope covers the village")
    void scope() {
      String voucherId = recorded(village, clerk, date(P2, 3), "101", "501", 100);
      submit(clerk, "submitVoucher", action(voucherId));
      String before = evaluate(auditor, "getVoucher", voucherId);
      assertThat(rejected(otherTownship, "approveVoucher", action(voucherId)))
          .isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(rejected(clerk, "approveVoucher", action(voucherId))).isEqualTo("ACCESS_DENIED");
      assertThat(rejected(otherClerk, "submitVoucher", action(voucherId)))
          .isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(rejected(township, "approveVoucher", action(id("V"))))
          .isEqualTo("VOUCHER_NOT_FOUND");
      assertThat(evaluate(auditor, "getVoucher", voucherId)).isEqualTo(before);
    }

    @Test
    @DisplayName("where the rules allow, a village posts a small voucher without approval")
    void lenientCounty() {
      Identity lenientCounty = person("county", COUNTY_MSP, "county", LENIENT_COUNTY, "XIUWEN");
      ensureChartAndRules(lenientCounty, LENIENT_COUNTY, 1_000_000L, false);
      String lenientVillage = newVillage("520123100");
      Identity lenientClerk =
          person("clerk", TOWNSHIP_MSP, "village", lenientVillage, "V" + lenientVillage);
      String small = recorded(lenientVillage, lenientClerk, date(P2, 3), "101", "501", 100);
      submit(lenientClerk, "submitVoucher", action(small));
      assertThat(tree(submit(lenientClerk, "postVoucher", action(small))).get("status").asString())
          .isEqualTo("POSTED");
    }
  }

  @Nested
  @DisplayName("submitVouchers / approveVouchers / postVouchers (批量送审、批量审核、批量记账)")
  class Bulk {

    @Test
    @DisplayName("a batch goes draft → submitted → approved → posted, one transaction per step")
    void happyPath() throws Exception {
      List<String> ids = recordedBatch(village, clerk, 3);
      JsonNode submitted = tree(submit(clerk, "submitVouchers", batch(ids)));
      assertThat(idsOf(submitted)).containsExactlyElementsOf(ids);
      submitted.forEach(v -> assertThat(v.get("status").asString()).isEqualTo("SUBMITTED"));
      submit(township, "approveVouchers", batch(ids));
      Submitted posted =
          network().ledger().submit(township, Proposal.of("finance", "postVouchers", batch(ids)));
      for (String voucherId : ids) {
        JsonNode voucher = tree(evaluate(auditor, "getVoucher", voucherId));
        List<String> statuses = new ArrayList<>();
        voucher.get("steps").forEach(step -> statuses.add(step.get("status").asString()));
        assertThat(statuses).containsExactly("DRAFT", "SUBMITTED", "APPROVED", "POSTED");
        assertThat(voucher.get("steps").get(3).get("txId").asString()).isEqualTo(posted.txId());
        assertThat(voucher.get("steps").get(3).get("party").asString())
            .isEqualTo("TownshipOrgMSP/YONGJING-NJZ");
      }
      assertThat(event(posted))
          .isEqualTo(
              "VouchersPosted {\"ids\":[\"%s\",\"%s\",\"%s\"],\"regions\":[\"%s\"],\"type\":\"Voucher\"}"
                  .formatted(ids.get(0), ids.get(1), ids.get(2), village));
    }

    @Test
    @DisplayName("one bad voucher in the middle: its code, naming it, and no voucher changes")
    void allOrNothing() {
      List<String> ids = recordedBatch(village, clerk, 3);
      submit(clerk, "submitVoucher", action(ids.get(0)));
      submit(clerk, "submitVoucher", action(ids.get(2)));
      List<String> before = vouchers(ids);
      LedgerException e =
          catchThrowableOfType(
              LedgerException.class, () -> submit(township, "approveVouchers", batch(ids)));
      assertThat(e).isNotNull();
      assertThat(e.stage()).isEqualTo(LedgerException.Stage.ENDORSE);
      assertThat(e.errorCode()).contains("INVALID_STATE");
      assertThat(e.getMessage()).contains(ids.get(1));
      assertThat(vouchers(ids)).as("nothing written").isEqualTo(before);

      List<String> unknown = List.of(ids.get(0), id("V"), ids.get(2));
      assertThat(rejected(township, "approveVouchers", batch(unknown)))
          .isEqualTo("VOUCHER_NOT_FOUND");
      assertThat(vouchers(ids)).isEqualTo(before);

      String inClosedMonth = recorded(village, clerk, date(P1, 5), "101", "501", 100);
      submit(township, "closePeriod", closeJson(village, P1));
      String missing = id("V");
      assertThat(rejected(clerk, "submitVouchers", batch(List.of(missing, inClosedMonth))))
          .as("the first failing voucher in list order decides the code")
          .isEqualTo("VOUCHER_NOT_FOUND");
      assertThat(rejected(clerk, "submitVouchers", batch(List.of(inClosedMonth, missing))))
          .isEqualTo("PERIOD_CLOSED");
      assertThat(tree(evaluate(auditor, "getVoucher", inClosedMonth)).get("status").asString())
          .isEqualTo("DRAFT");
    }

    @Test
    @DisplayName(
        "1..200 distinct ids: empty, 201, duplicates or a malformed id are INVALID_ARGUMENT")
    void bounds() {
      String voucherId = recorded(village, clerk, date(P2, 3), "101", "501", 100);
      String before = evaluate(auditor, "getVoucher", voucherId);
      List<String> many = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        many.add(id("V"));
      }
      assertThat(rejected(clerk, "submitVouchers", batch(many)))
          .as("200 ids pass the bound; the first unknown one decides")
          .isEqualTo("VOUCHER_NOT_FOUND");
      many.add(voucherId);
      assertThat(rejected(clerk, "submitVouchers", batch(many))).isEqualTo("INVALID_ARGUMENT");
      assertThat(rejected(clerk, "submitVouchers", batch(List.of()))).isEqualTo("INVALID_ARGUMENT");
      assertThat(rejected(clerk, "submitVouchers", batch(List.of(voucherId, voucherId))))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(rejected(clerk, "submitVouchers", batch(List.of(voucherId, "-bad"))))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(rejected(clerk, "submitVouchers", "{}")).isEqualTo("INVALID_ARGUMENT");
      assertThat(rejected(clerk, "submitVouchers", action(voucherId)))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(evaluate(auditor, "getVoucher", voucherId)).isEqualTo(before);
    }

    @Test
    @DisplayName("roles and regions as for single steps; a township may batch all its villages")
    void denials() throws Exception {
      List<String> mine = recordedBatch(village, clerk, 2);
      List<String> theirs = recordedBatch(otherVillage, otherClerk, 1);
      List<String> mixed = List.of(mine.get(0), theirs.get(0), mine.get(1));
      List<String> before = vouchers(mixed);
      assertThat(rejected(clerk, "submitVouchers", batch(mixed))).isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(rejected(township, "submitVouchers", batch(mine))).isEqualTo("ACCESS_DENIED");
      assertThat(rejected(auditor, "postVouchers", batch(mine))).isEqualTo("ACCESS_DENIED");
      assertThat(vouchers(mixed)).isEqualTo(before);

      submit(clerk, "submitVouchers", batch(mine));
      submit(otherClerk, "submitVouchers", batch(theirs));
      before = vouchers(mixed);
      assertThat(rejected(clerk, "approveVouchers", batch(mine))).isEqualTo("ACCESS_DENIED");
      assertThat(rejected(otherTownship, "approveVouchers", batch(mixed)))
          .isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(vouchers(mixed)).isEqualTo(before);
      Submitted approved =
          network()
              .ledger()
              .submit(township, Proposal.of("finance", "approveVouchers", batch(mixed)));
      String regions =
          village.compareTo(otherVillage) < 0
              ? "\"" + village + "\",\"" + otherVillage + "\""
              : "\"" + otherVillage + "\",\"" + village + "\"";
      assertThat(event(approved)).startsWith("VouchersApproved ").contains(regions);
      before = vouchers(mixed);
      assertThat(rejected(clerk, "postVouchers", batch(mine)))
          .as("this county's rules need township approval: the township posts")
          .isEqualTo("ACCESS_DENIED");
      assertThat(vouchers(mixed)).isEqualTo(before);
    }

    @Test
    @DisplayName("a retry returns the vouchers unchanged; done ones in a new batch are left alone")
    void retry() {
      List<String> ids = recordedBatch(village, clerk, 3);
      List<String> firstTwo = ids.subList(0, 2);
      String answer = submit(clerk, "submitVouchers", batch(firstTwo));
      List<String> after = vouchers(firstTwo);
      assertThat(submit(clerk, "submitVouchers", batch(firstTwo))).isEqualTo(answer);
      assertThat(vouchers(firstTwo)).isEqualTo(after);
      JsonNode all = tree(submit(clerk, "submitVouchers", batch(ids)));
      assertThat(vouchers(firstTwo)).as("already submitted by this clerk").isEqualTo(after);
      assertThat(all.get(2).get("status").asString()).isEqualTo("SUBMITTED");
      assertThat(all.get(2).get("steps")).hasSize(2);
      submit(township, "approveVouchers", batch(ids));
      assertThat(rejected(clerk, "submitVouchers", batch(ids)))
          .as("approved is past submitted: not a retry")
          .isEqualTo("INVALID_STATE");
    }

    @Test
    @DisplayName("posting in batches gives the same trial balance as posting one by one")
    void sameBooks() {
      String[][] entries = {
        {"101", "501", "30000"},
        {"102", "501", "120000"},
        {"513", "101", "4500"},
        {"151", "102", "80000"},
        {"101", "102", "20000"}
      };
      List<String> bulk = new ArrayList<>();
      for (String[] e : entries) {
        posted(village, clerk, date(P2, 4), e[0], e[1], Long.parseLong(e[2]));
        bulk.add(recorded(otherVillage, otherClerk, date(P2, 4), e[0], e[1], Long.parseLong(e[2])));
      }
      submit(otherClerk, "submitVouchers", batch(bulk));
      submit(township, "approveVouchers", batch(bulk));
      submit(township, "postVouchers", batch(bulk));
      JsonNode single = trialBalance(village, P2);
      JsonNode batched = trialBalance(otherVillage, P2);
      assertThat(batched.get("balanced").asBoolean()).isTrue();
      assertThat(batched.get("rows")).isEqualTo(single.get("rows"));
      for (String total : List.of("debitFen", "creditFen", "closingDebitFen", "closingCreditFen")) {
        assertThat(batched.get(total)).as(total).isEqualTo(single.get(total));
      }
      assertThat(batched.get("debitFen").asLong()).isEqualTo(254500);
      assertThat(batched.get("vouchers")).hasSize(entries.length);
    }
  }

  List<String> recordedBatch(String village, Identity clerk, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(recorded(village, clerk, date(P2, 3 + i), "101", "501", 100 + i));
    }
    return ids;
  }

  List<String> vouchers(List<String> ids) {
    return ids.stream().map(voucherId -> evaluate(auditor, "getVoucher", voucherId)).toList();
  }

  static List<String> idsOf(JsonNode vouchers) {
    List<String> ids = new ArrayList<>();
    vouchers.forEach(v -> ids.add(v.get("voucherId").asString()));
    return ids;
  }

  static String batch(List<String> voucherIds) {
    return voucherIds.stream()
        .map(voucherId -> "\"" + voucherId + "\"")
        .collect(java.util.stream.Collectors.joining(",", "{\"voucherIds\":[", "]}"));
  }

  /** The name and payload of the chaincode event a submitted transaction set. */
  String event(Submitted done) throws Exception {
    CompletableFuture<ChaincodeEvent> seen = new CompletableFuture<>();
    Subscription subscription =
        network()
            .ledger()
            .onChaincodeEvents(
                done.blockNumber(),
                event -> {
                  if (event.txId().equals(done.txId())) {
                    seen.complete(event);
                  }
                });
    try {
      ChaincodeEvent event = seen.get(30, TimeUnit.SECONDS);
      return event.eventName() + " " + new String(event.payload(), StandardCharsets.UTF_8);
    } finally {
      subscription.close();
    }
  }

  @Nested
  @DisplayName("approval rules and 四议两公开 decisions")
  class Decisions {

    @Test
    @DisplayName("a large amount needs a decision of the village covering it")
    void largeAmount() {
      String date = date(P2, 10);
      String large = voucherJson(id("V"), village, date, "151", "102", 2_000_000);
      assertThat(rejected(clerk, "recordVoucher", large)).isEqualTo("DECISION_REQUIRED");
      String small = id("D");
      submit(clerk, "recordDecision", decisionJson(small, village, date(P2, 1), 1_500_000));
      assertThat(rejected(clerk, "recordVoucher", withDecision(large, small)))
          .isEqualTo("DECISION_REQUIRED");
      String later = id("D");
      submit(clerk, "recordDecision", decisionJson(later, village, date(P2, 20), 3_000_000));
      assertThat(rejected(clerk, "recordVoucher", withDecision(large, later)))
          .as("decided after the voucher date")
          .isEqualTo("DECISION_REQUIRED");
      String foreign = id("D");
      submit(
          otherClerk,
          "recordDecision",
          decisionJson(foreign, otherVillage, date(P2, 1), 3_000_000));
      assertThat(rejected(clerk, "recordVoucher", withDecision(large, foreign)))
          .isEqualTo("DECISION_REQUIRED");
      assertThat(rejected(clerk, "recordVoucher", withDecision(large, id("D"))))
          .isEqualTo("DECISION_NOT_FOUND");
      String good = id("D");
      submit(clerk, "recordDecision", decisionJson(good, village, date(P2, 1), 2_000_000));
      String voucherId =
          tree(submit(clerk, "recordVoucher", withDecision(large, good)))
              .get("voucherId")
              .asString();
      submit(clerk, "submitVoucher", action(voucherId));
      submit(township, "approveVoucher", action(voucherId));
      submit(township, "postVoucher", action(voucherId));
      assertThat(tree(evaluate(auditor, "getVoucher", voucherId)).get("decisionId").asString())
          .isEqualTo(good);
    }

    @Test
    @DisplayName("decisions: village only, positive amount, idempotent")
    void recordDecision() {
      String decisionId = id("D");
      String json = decisionJson(decisionId, village, date(P2, 1), 100);
      assertThat(rejected(township, "recordDecision", json)).isEqualTo("ACCESS_DENIED");
      assertThat(rejected(otherClerk, "recordDecision", json)).isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(
              rejected(
                  clerk, "recordDecision", json.replace("\"amountFen\":100", "\"amountFen\":0")))
          .isEqualTo("AMOUNT_INVALID");
      String created = submit(clerk, "recordDecision", json);
      assertThat(submit(clerk, "recordDecision", json)).isEqualTo(created);
      assertThat(evaluate(auditor, "getDecision", decisionId)).isEqualTo(created);
      assertThat(rejected(clerk, "recordDecision", json.replace("修路", "修桥")))
          .isEqualTo("ALREADY_EXISTS");
    }

    @Test
    @DisplayName("rules are county data: versioned, positive threshold, county users only")
    void rules() {
      String county = newCounty();
      Identity owner = person("county", COUNTY_MSP, "county", county, "C" + county);
      String json = rulesJson(county, 1, 500_000, true);
      assertThat(rejected(clerk, "defineApprovalRules", json)).isEqualTo("ACCESS_DENIED");
      assertThat(rejected(owner, "defineApprovalRules", rulesJson(county, 1, 0, true)))
          .isEqualTo("AMOUNT_INVALID");
      assertThat(rejected(owner, "defineApprovalRules", rulesJson(county, 3, 5, true)))
          .isEqualTo("INVALID_STATE");
      submit(owner, "defineApprovalRules", json);
      JsonNode rules =
          tree(
              evaluate(
                  auditor,
                  "getApprovalRules",
                  "{\"county\":\"%s\",\"date\":\"%s\"}".formatted(county, date(P2, 1))));
      assertThat(rules.get("largeAmountFen").asLong()).isEqualTo(500_000);
      assertThat(rules.get("version").asInt()).isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("reverseVoucher")
  class Reverse {

    @Test
    @DisplayName("a posted voucher is corrected by a red-ink reversal that nets it to zero")
    void reversal() {
      String original = posted(village, clerk, date(P2, 3), "101", "501", 700);
      String reversal = id("V");
      JsonNode draft =
          tree(submit(clerk, "reverseVoucher", reverseJson(reversal, original, date(P2, 20))));
      assertThat(draft.get("reverses").asString()).isEqualTo(original);
      assertThat(draft.get("totalFen").asLong()).isEqualTo(-700);
      assertThat(draft.get("lines").get(0).get("debitFen").asLong()).isEqualTo(-700);
      post(reversal, clerk);
      JsonNode balance = trialBalance(village, P2);
      assertThat(row(balance, "101").get("closingFen").asLong()).isZero();
      assertThat(row(balance, "501").get("closingFen").asLong()).isZero();
      assertThat(rejected(clerk, "reverseVoucher", reverseJson(id("V"), original, date(P2, 21))))
          .isEqualTo("ALREADY_REVERSED");
    }

    @Test
    @DisplayName("only posted, unreversed vouchers of one's own village are reversed")
    void denials() {
      String draft = recorded(village, clerk, date(P2, 3), "101", "501", 100);
      assertThat(rejected(clerk, "reverseVoucher", reverseJson(id("V"), draft, date(P2, 4))))
          .isEqualTo("INVALID_STATE");
      assertThat(rejected(clerk, "reverseVoucher", reverseJson(id("V"), id("V"), date(P2, 4))))
          .isEqualTo("VOUCHER_NOT_FOUND");
      String original = posted(village, clerk, date(P2, 3), "101", "501", 100);
      assertThat(
              rejected(otherClerk, "reverseVoucher", reverseJson(id("V"), original, date(P2, 4))))
          .isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(rejected(clerk, "reverseVoucher", reverseJson(id("V"), original, date(P2, 1))))
          .isEqualTo("INVALID_ARGUMENT");
      String reversal = id("V");
      submit(clerk, "reverseVoucher", reverseJson(reversal, original, date(P2, 4)));
      post(reversal, clerk);
      assertThat(rejected(clerk, "reverseVoucher", reverseJson(id("V"), reversal, date(P2, 5))))
          .isEqualTo("INVALID_STATE");
    }
  }

  @Nested
  @DisplayName("closePeriod (月结)")
  class ClosePeriod {

    @Test
    @DisplayName("a closed month rejects back-dated vouchers; corrections go into an open month")
    void locks() {
      String original = posted(village, clerk, date(P1, 3), "101", "501", 100);
      String draft = recorded(village, clerk, date(P1, 4), "101", "501", 50);
      JsonNode close = tree(submit(township, "closePeriod", closeJson(village, P1)));
      assertThat(close.get("postedVouchers").asInt()).isEqualTo(1);
      assertThat(close.get("debitFen").asLong()).isEqualTo(100);
      assertThat(
              rejected(
                  clerk,
                  "recordVoucher",
                  voucherJson(id("V"), village, date(P1, 5), "101", "501", 1)))
          .isEqualTo("PERIOD_CLOSED");
      assertThat(rejected(clerk, "submitVoucher", action(draft))).isEqualTo("PERIOD_CLOSED");
      assertThat(rejected(clerk, "reverseVoucher", reverseJson(id("V"), original, date(P1, 28))))
          .isEqualTo("PERIOD_CLOSED");
      String reversal = id("V");
      submit(clerk, "reverseVoucher", reverseJson(reversal, original, date(P2, 1)));
      post(reversal, clerk);
      assertThat(submit(township, "closePeriod", closeJson(village, P1)))
          .as("a retry returns the close")
          .isEqualTo(close.toString());
    }

    @Test
    @DisplayName("months close in order, after they end, with nothing waiting for approval")
    void rules() {
      String waiting = recorded(village, clerk, date(P1, 3), "101", "501", 100);
      submit(clerk, "submitVoucher", action(waiting));
      assertThat(rejected(township, "closePeriod", closeJson(village, P1)))
          .isEqualTo("INVALID_STATE");
      String reject = "{\"voucherId\":\"%s\",\"reason\":\"重做\"}".formatted(waiting);
      submit(township, "rejectVoucher", reject);
      submit(township, "closePeriod", closeJson(village, P1));
      assertThat(rejected(township, "closePeriod", closeJson(village, P3)))
          .isEqualTo("INVALID_STATE");
      assertThat(rejected(township, "closePeriod", closeJson(village, P1.minusMonths(1))))
          .isEqualTo("PERIOD_CLOSED");
      submit(township, "closePeriod", closeJson(village, P2));
      submit(township, "closePeriod", closeJson(village, P3));
      assertThat(rejected(township, "closePeriod", closeJson(village, THIS_MONTH)))
          .isEqualTo("INVALID_STATE");
      assertThat(rejected(clerk, "closePeriod", closeJson(otherVillage, P1)))
          .isEqualTo("ACCESS_DENIED");
      assertThat(rejected(otherTownship, "closePeriod", closeJson(otherVillage, P1)))
          .isEqualTo("REGION_OUT_OF_SCOPE");
    }
  }

  // ---- auditor views ------------------------------------------------------------------------

  @Nested
  @DisplayName("trialBalance / accountDetail")
  class Views {

    @Test
    @DisplayName("the trial balance of a hand-computed month, traceable to vouchers and txs")
    void handComputed() {
      submit(clerk, "defineSubAccount", subAccountJson(village, "10201", "农商银行"));
      // P1: capital 8 000.00 into the bank; cash withdrawal 500.00.
      posted(village, clerk, date(P1, 2), "10201", "301", 800_000);
      posted(village, clerk, date(P1, 9), "101", "10201", 50_000);
      // P2: lease income 3 000.00 into the bank, office costs 120.50 in cash, a draft (ignored).
      String income = posted(village, clerk, date(P2, 5), "10201", "501", 300_000);
      String costs = posted(village, clerk, date(P2, 6), "513", "101", 12_050);
      recorded(village, clerk, date(P2, 7), "513", "101", 99_999);

      JsonNode balance = trialBalance(village, P2);
      assertThat(balance.get("balanced").asBoolean()).isTrue();
      assertRow(row(balance, "101"), 50_000, 0, 12_050, 37_950);
      assertRow(row(balance, "10201"), 750_000, 300_000, 0, 1_050_000);
      assertRow(row(balance, "102"), 750_000, 300_000, 0, 1_050_000);
      assertRow(row(balance, "301"), -800_000, 0, 0, -800_000);
      assertRow(row(balance, "501"), 0, 0, 300_000, -300_000);
      assertRow(row(balance, "513"), 0, 12_050, 0, 12_050);
      assertThat(row(balance, "102").get("leaf").asBoolean()).isFalse();
      assertThat(balance.get("openingDebitFen").asLong()).isEqualTo(800_000);
      assertThat(balance.get("openingCreditFen").asLong()).isEqualTo(800_000);
      assertThat(balance.get("debitFen").asLong()).isEqualTo(312_050);
      assertThat(balance.get("creditFen").asLong()).isEqualTo(312_050);
      assertThat(balance.get("closingDebitFen").asLong()).isEqualTo(1_100_000);
      assertThat(balance.get("closingCreditFen").asLong()).isEqualTo(1_100_000);
      List<String> sources = new ArrayList<>();
      balance.get("vouchers").forEach(v -> sources.add(v.get("voucherId").asString()));
      assertThat(sources).containsExactly(income, costs);
      assertThat(balance.get("vouchers").get(0).get("postedTxId").asString())
          .isEqualTo(
              tree(evaluate(auditor, "getVoucher", income))
                  .get("steps")
                  .get(3)
                  .get("txId")
                  .asString());

      JsonNode detail =
          tree(
              evaluate(
                  auditor,
                  "accountDetail",
                  "{\"village\":\"%s\",\"account\":\"102\",\"period\":\"%s\"}"
                      .formatted(village, P2)));
      assertThat(detail.get("openingFen").asLong()).isEqualTo(750_000);
      assertThat(detail.get("entries")).hasSize(1);
      assertThat(detail.get("entries").get(0).get("voucherId").asString()).isEqualTo(income);
      assertThat(detail.get("entries").get(0).get("balanceFen").asLong()).isEqualTo(1_050_000);
      assertThat(detail.get("closingFen").asLong()).isEqualTo(1_050_000);

      JsonNode close = tree(submit(township, "closePeriod", closeJson(village, P1)));
      assertThat(close.get("balances")).hasSize(3);
      assertThat(trialBalance(village, P2))
          .as("from P1's close snapshot plus P2's vouchers: the same figures")
          .isEqualTo(balance);
    }

    @Test
    @DisplayName(
        "anomalies: split payments, a round-sum withdrawal, back-dated entries, with evidence")
    void anomalies() {
      String a = posted(village, clerk, date(P2, 3), "513", "101", 600_000);
      String b = posted(village, clerk, date(P2, 4), "513", "101", 600_000);
      String withdrawal = posted(village, clerk, date(P2, 5), "101", "102", 500_000);
      JsonNode report =
          tree(evaluate(auditor, "anomalies", booksJson(village, P2))).get("anomalies");
      JsonNode split = find(report, "SPLIT_UNDER_THRESHOLD");
      assertThat(split.get("counterparty").asString()).isEqualTo("某合作社");
      assertThat(split.get("amountFen").asLong()).isEqualTo(1_200_000);
      assertThat(split.get("voucherIds").toString()).contains(a, b).doesNotContain(withdrawal);
      assertThat(find(report, "PAYMENT_WITHOUT_CONTRACT").get("voucherIds").get(0).asString())
          .isEqualTo(a);
      assertThat(find(report, "ROUND_SUM_CASH_WITHDRAWAL").get("voucherIds").get(0).asString())
          .isEqualTo(withdrawal);
      assertThat(find(report, "BACK_DATED_ENTRY").get("voucherIds").get(0).asString()).isEqualTo(a);
      assertThat(codeOf(() -> evaluate(otherClerk, "anomalies", booksJson(village, P2))))
          .isEqualTo("REGION_OUT_OF_SCOPE");
    }

    @Test
    @DisplayName("books are read by the village, its township, county staff and auditors only")
    void readers() {
      String query = booksJson(village, P2);
      evaluate(clerk, "trialBalance", query);
      evaluate(township, "trialBalance", query);
      evaluate(countyClerk, "trialBalance", query);
      assertThat(codeOf(() -> evaluate(otherClerk, "trialBalance", query)))
          .isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(codeOf(() -> evaluate(otherTownship, "listVouchers", query)))
          .isEqualTo("REGION_OUT_OF_SCOPE");
      Identity villager = person("villager", TOWNSHIP_MSP, "villager", village, "P" + village);
      assertThat(codeOf(() -> evaluate(villager, "trialBalance", query)))
          .isEqualTo("ACCESS_DENIED");
      assertThat(
              codeOf(
                  () ->
                      evaluate(
                          auditor,
                          "accountDetail",
                          "{\"village\":\"%s\",\"account\":\"109\",\"period\":\"%s\"}"
                              .formatted(village, P2))))
          .isEqualTo("ACCOUNT_NOT_FOUND");
    }
  }

  // ---- contracts register ---------------------------------------------------------------------

  @Nested
  @DisplayName("registerContract / contractStatus / listContracts")
  class Contracts {

    @Test
    @DisplayName(
        "a lease with a schedule; receipts naming it settle it; unpaid past dues are overdue")
    void lease() {
      String contractId = id("C");
      String json = contractJson(contractId, village, 90_000);
      String created = submit(clerk, "registerContract", json);
      assertThat(submit(clerk, "registerContract", json)).isEqualTo(created);
      assertThat(rejected(clerk, "registerContract", json.replace("某合作社", "别人")))
          .isEqualTo("ALREADY_EXISTS");
      String receipt = id("V");
      submit(
          clerk,
          "recordVoucher",
          linesVoucher(
              receipt,
              village,
              date(P1, 15),
              "{\"account\":\"101\",\"debitFen\":45000,\"creditFen\":0,\"contractId\":\""
                  + contractId
                  + "\"}",
              line("501", 0, 45_000)));
      post(receipt, clerk);
      JsonNode status = tree(evaluate(auditor, "contractStatus", contractId));
      assertThat(status.get("settledFen").asLong()).isEqualTo(45_000);
      assertThat(status.get("overdueFen").asLong()).as("P2 half, P3 whole").isEqualTo(45_000);
      assertThat(status.get("voucherIds").get(0).asString()).isEqualTo(receipt);
      assertThat(tree(evaluate(township, "listContracts", villageJson(village)))).hasSize(1);
    }

    @Test
    @DisplayName("assets depreciate in the register; resources name their contract")
    void registers() {
      String assetId = id("A");
      String asset =
          """
          {"assetId":"%s","village":"%s","category":"机器设备","name":"拖拉机","location":"仓库",\
          "acquiredOn":"%s","costFen":600000,"usefulLifeMonths":60,"residualFen":0}"""
              .formatted(assetId, village, date(P3.minusMonths(3), 15));
      String created = submit(clerk, "registerAsset", asset);
      assertThat(submit(clerk, "registerAsset", asset)).isEqualTo(created);
      JsonNode status = tree(evaluate(auditor, "assetStatus", assetId));
      assertThat(status.get("monthsDepreciated").asInt()).isEqualTo(3);
      assertThat(status.get("accumulatedFen").asLong()).isEqualTo(30_000);
      String dispose =
          "{\"assetId\":\"%s\",\"disposedOn\":\"%s\",\"reason\":\"报废\"}"
              .formatted(assetId, date(P3, 1));
      assertThat(rejected(otherClerk, "disposeAsset", dispose)).isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(tree(submit(clerk, "disposeAsset", dispose)).get("status").asString())
          .isEqualTo("DISPOSED");
      assertThat(rejected(clerk, "disposeAsset", dispose.replace("报废", "出售")))
          .isEqualTo("INVALID_STATE");
      assertThat(tree(evaluate(township, "listAssets", villageJson(village)))).hasSize(1);
      assertThat(codeOf(() -> evaluate(auditor, "assetStatus", id("A"))))
          .isEqualTo("ASSET_NOT_FOUND");

      String contractId = id("C");
      submit(clerk, "registerContract", contractJson(contractId, village, 90_000));
      String resource =
          """
          {"resourceId":"%s","village":"%s","kind":"LAND","name":"后山坡地","location":"三组",\
          "areaSqm":6667,"contractId":"%s"}""";
      submit(clerk, "registerResource", resource.formatted(id("R"), village, contractId));
      assertThat(rejected(clerk, "registerResource", resource.formatted(id("R"), village, id("C"))))
          .isEqualTo("CONTRACT_NOT_FOUND");
      assertThat(tree(evaluate(auditor, "listResources", villageJson(village)))).hasSize(1);
    }

    @Test
    @DisplayName("refusals: schedule not adding up, another village, unknown contract on a line")
    void denials() {
      String contractId = id("C");
      assertThat(
              rejected(
                  clerk,
                  "registerContract",
                  contractJson(contractId, village, 90_000)
                      .replace("\"amountFen\":90000", "\"amountFen\":90001")))
          .isEqualTo("AMOUNT_INVALID");
      assertThat(
              rejected(otherClerk, "registerContract", contractJson(contractId, village, 90_000)))
          .isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(codeOf(() -> evaluate(auditor, "contractStatus", contractId)))
          .isEqualTo("CONTRACT_NOT_FOUND");
      submit(otherClerk, "registerContract", contractJson(contractId, otherVillage, 90_000));
      assertThat(
              rejected(
                  clerk,
                  "recordVoucher",
                  linesVoucher(
                      id("V"),
                      village,
                      date(P2, 1),
                      "{\"account\":\"101\",\"debitFen\":1,\"creditFen\":0,\"contractId\":\""
                          + contractId
                          + "\"}",
                      line("501", 0, 1))))
          .isEqualTo("CONTRACT_NOT_FOUND");
    }
  }

  // ---- disclosure ---------------------------------------------------------------------------

  @Nested
  @DisplayName("defineCatalogue / publishDisclosure / fileObjection / answerObjection")
  class Disclosure {

    String catalogueId;

    @BeforeEach
    void catalogue() {
      catalogueId = ("XF" + RUN + SEQUENCE.incrementAndGet()).toUpperCase(java.util.Locale.ROOT);
      submit(
          countyClerk, "defineCatalogue", catalogueJson(COUNTY, catalogueId, "XIFENG_SANWU_3X16"));
    }

    @Test
    @DisplayName("the 息烽 template: 3 categories of 16 items each, marked to be confirmed")
    void templates() {
      JsonNode catalogue =
          tree(
              evaluate(
                  auditor,
                  "getCatalogue",
                  "{\"county\":\"%s\",\"catalogueId\":\"%s\"}".formatted(COUNTY, catalogueId)));
      assertThat(catalogue.get("categories")).hasSize(3);
      catalogue.get("categories").forEach(c -> assertThat(c.get("items")).hasSize(16));
      assertThat(catalogue.get("toBeConfirmed").asBoolean()).isTrue();
      String caiwu = catalogueId + "B";
      submit(countyClerk, "defineCatalogue", catalogueJson(COUNTY, caiwu, "CAIWU_2011"));
      assertThat(
              tree(evaluate(
                      auditor,
                      "getCatalogue",
                      "{\"county\":\"%s\",\"catalogueId\":\"%s\"}".formatted(COUNTY, caiwu)))
                  .get("categories"))
          .hasSize(8);
      assertThat(
              rejected(clerk, "defineCatalogue", catalogueJson(COUNTY, caiwu + "C", "CAIWU_2011")))
          .isEqualTo("ACCESS_DENIED");
    }

    @Test
    @DisplayName("a publication is immutable, hashed, and flagged when late")
    void publish() {
      String onTime = id("PUB");
      JsonNode current =
          tree(
              submit(
                  clerk,
                  "publishDisclosure",
                  publicationJson(onTime, village, catalogueId, "CAIW-02", THIS_MONTH.toString())));
      assertThat(current.get("late").asBoolean()).isFalse();
      assertThat(current.get("categoryCode").asString()).isEqualTo("CAIW");
      assertThat(current.get("contentSha256").asString()).isEqualTo(HASH_A);
      String late = id("PUB");
      JsonNode old =
          tree(
              submit(
                  clerk,
                  "publishDisclosure",
                  publicationJson(
                      late, village, catalogueId, "CAIW-03", P1.minusYears(1).toString())));
      assertThat(old.get("late").asBoolean()).isTrue();
      String json = publicationJson(onTime, village, catalogueId, "CAIW-02", THIS_MONTH.toString());
      assertThat(submit(clerk, "publishDisclosure", json)).isEqualTo(current.toString());
      assertThat(rejected(clerk, "publishDisclosure", json.replace(HASH_A, HASH_B)))
          .isEqualTo("ALREADY_EXISTS");
      assertThat(
              tree(
                  evaluate(
                      auditor,
                      "listPublications",
                      "{\"village\":\"%s\",\"period\":\"%s\"}".formatted(village, THIS_MONTH))))
          .hasSize(1);
    }

    @Test
    @DisplayName("disclosure status: every item of the catalogue, published, late, due or overdue")
    void status() {
      String pubId = id("PUB");
      submit(
          clerk,
          "publishDisclosure",
          publicationJson(pubId, village, catalogueId, "CAIW-02", THIS_MONTH.toString()));
      JsonNode now =
          tree(
              evaluate(
                  auditor,
                  "disclosureStatus",
                  "{\"village\":\"%s\",\"catalogueId\":\"%s\",\"period\":\"%s\"}"
                      .formatted(village, catalogueId, THIS_MONTH)));
      assertThat(now.get("items")).hasSize(48);
      assertThat(now.get("overdue").asInt()).isZero();
      assertThat(item(now, "CAIW-02").get("status").asString()).isEqualTo("PUBLISHED");
      assertThat(item(now, "CAIW-02").get("publicationIds").get(0).asString()).isEqualTo(pubId);
      assertThat(item(now, "CAIW-01").get("status").asString()).isEqualTo("DUE");
      String old = P1.minusYears(1).toString();
      submit(
          clerk,
          "publishDisclosure",
          publicationJson(id("PUB"), village, catalogueId, "CAIW-01", old));
      JsonNode past =
          tree(
              evaluate(
                  auditor,
                  "disclosureStatus",
                  "{\"village\":\"%s\",\"catalogueId\":\"%s\",\"period\":\"%s\"}"
                      .formatted(village, catalogueId, old)));
      assertThat(item(past, "CAIW-01").get("status").asString()).isEqualTo("PUBLISHED_LATE");
      assertThat(past.get("overdue").asInt()).isEqualTo(47);
      JsonNode anomalies =
          tree(evaluate(auditor, "anomalies", booksJson(village, YearMonth.parse(old))))
              .get("anomalies");
      assertThat(find(anomalies, "LATE_DISCLOSURE")).isNotNull();
    }

    @Test
    @DisplayName("publications need a known catalogue item and one's own village")
    void publishDenials() {
      String pubId = id("PUB");
      String period = P2.toString();
      assertThat(
              rejected(
                  clerk,
                  "publishDisclosure",
                  publicationJson(pubId, village, catalogueId, "CAIW-99", period)))
          .isEqualTo("CATALOGUE_NOT_FOUND");
      assertThat(
              rejected(
                  clerk,
                  "publishDisclosure",
                  publicationJson(pubId, village, catalogueId + "X", "CAIW-01", period)))
          .isEqualTo("CATALOGUE_NOT_FOUND");
      assertThat(
              rejected(
                  otherClerk,
                  "publishDisclosure",
                  publicationJson(pubId, village, catalogueId, "CAIW-01", period)))
          .isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(
              rejected(
                  township,
                  "publishDisclosure",
                  publicationJson(pubId, village, catalogueId, "CAIW-01", period)))
          .isEqualTo("ACCESS_DENIED");
      assertThat(codeOf(() -> evaluate(auditor, "getPublication", pubId)))
          .isEqualTo("PUBLICATION_NOT_FOUND");
    }

    @Test
    @DisplayName(
        "a villager objects, known to the public only by a salted hash; the village answers")
    void objection() {
      String pubId = id("PUB");
      submit(
          clerk,
          "publishDisclosure",
          publicationJson(pubId, village, catalogueId, "CAIW-03", P2.toString()));
      Identity villager = person("villager", TOWNSHIP_MSP, "villager", village, "P" + village);
      String objectionId = id("OBJ");
      String filed =
          network()
              .ledger()
              .submit(villager, objectionProposal(objectionId, pubId, "0123456789abcdef-salt"))
              .resultText();
      JsonNode objection = tree(filed);
      assertThat(filed).doesNotContain("李四", "13900000000", "11010519491231002X");
      assertThat(objection.get("objectorHash").asString()).matches("[0-9a-f]{64}");
      assertThat(objection.get("status").asString()).isEqualTo("OPEN");
      assertThat(
              network()
                  .ledger()
                  .submit(villager, objectionProposal(objectionId, pubId, "0123456789abcdef-salt"))
                  .resultText())
          .as("a retry returns the objection")
          .isEqualTo(filed);

      String answer =
          "{\"objectionId\":\"%s\",\"answer\":\"已核实，附票据。\",\"documentSha256\":\"%s\"}"
              .formatted(objectionId, HASH_B);
      assertThat(rejected(otherClerk, "answerObjection", answer)).isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(rejected(township, "answerObjection", answer)).isEqualTo("ACCESS_DENIED");
      JsonNode answered = tree(submit(clerk, "answerObjection", answer));
      assertThat(answered.get("status").asString()).isEqualTo("ANSWERED");
      assertThat(answered.get("answer").get("late").asBoolean()).isFalse();
      assertThat(submit(clerk, "answerObjection", answer)).isEqualTo(answered.toString());
      assertThat(rejected(clerk, "answerObjection", answer.replace("已核实", "再核实")))
          .isEqualTo("INVALID_STATE");
      assertThat(tree(evaluate(township, "listObjections", pubId))).hasSize(1);
      assertThat(evaluate(auditor, "getObjection", objectionId)).isEqualTo(answered.toString());
    }

    @Test
    @DisplayName("objections need personal data, a known publication and the villager's village")
    void objectionDenials() {
      String pubId = id("PUB");
      submit(
          clerk,
          "publishDisclosure",
          publicationJson(pubId, village, catalogueId, "CAIW-03", P2.toString()));
      Identity villager = person("villager", TOWNSHIP_MSP, "villager", village, "P" + village);
      Identity stranger =
          person("villager", TOWNSHIP_MSP, "villager", otherVillage, "P" + otherVillage);
      String objectionId = id("OBJ");
      String bare =
          "{\"objectionId\":\"%s\",\"publicationId\":\"%s\",\"question\":\"为何?\"}"
              .formatted(objectionId, pubId);
      assertThat(
              codeOf(
                  () ->
                      network()
                          .ledger()
                          .submit(villager, Proposal.of("finance", "fileObjection", bare))))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(
              codeOf(
                  () ->
                      network()
                          .ledger()
                          .submit(villager, objectionProposal(objectionId, pubId, "short"))))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(
              codeOf(
                  () ->
                      network()
                          .ledger()
                          .submit(
                              stranger,
                              objectionProposal(objectionId, pubId, "0123456789abcdef-salt"))))
          .isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(
              codeOf(
                  () ->
                      network()
                          .ledger()
                          .submit(
                              clerk,
                              objectionProposal(objectionId, pubId, "0123456789abcdef-salt"))))
          .isEqualTo("ACCESS_DENIED");
      assertThat(
              codeOf(
                  () ->
                      network()
                          .ledger()
                          .submit(
                              villager,
                              objectionProposal(objectionId, id("PUB"), "0123456789abcdef-salt"))))
          .isEqualTo("PUBLICATION_NOT_FOUND");
      assertThat(codeOf(() -> evaluate(auditor, "getObjection", objectionId)))
          .isEqualTo("OBJECTION_NOT_FOUND");
      assertThat(
              rejected(
                  clerk,
                  "answerObjection",
                  "{\"objectionId\":\"%s\",\"answer\":\"答复\"}".formatted(objectionId)))
          .isEqualTo("OBJECTION_NOT_FOUND");
    }
  }

  // ---- funds register -----------------------------------------------------------------------

  @Nested
  @DisplayName("registerFundAccount / reconcileFund / fundStatus / listFundAccounts")
  class Funds {

    @Test
    @DisplayName(
        "a bank account's balance comes from posted vouchers; reconciliations show the difference")
    void reconcile() {
      submit(clerk, "defineSubAccount", subAccountJson(village, "10201", "农商银行基本户"));
      String fundId = id("FUND");
      String json = bankJson(fundId, village, "10201");
      String created = submit(clerk, "registerFundAccount", json);
      assertThat(submit(clerk, "registerFundAccount", json)).isEqualTo(created);
      assertThat(rejected(clerk, "registerFundAccount", json.replace("基本户", "一般户")))
          .isEqualTo("ALREADY_EXISTS");
      // P1: 8 000.00 capital into the bank; P2: 500.00 withdrawn as cash; a P2 draft is ignored.
      String capital = posted(village, clerk, date(P1, 2), "10201", "301", 800_000);
      String withdrawal = posted(village, clerk, date(P2, 9), "101", "10201", 50_000);
      recorded(village, clerk, date(P2, 10), "513", "10201", 99_999);

      String reconciliationId = id("REC");
      String reconcile = reconcileJson(reconciliationId, fundId, date(P2, 28), 750_000);
      JsonNode matched = tree(submit(clerk, "reconcileFund", reconcile));
      assertThat(submit(clerk, "reconcileFund", reconcile))
          .as("a retry returns the same record")
          .isEqualTo(matched.toString());
      assertThat(
              rejected(
                  clerk,
                  "reconcileFund",
                  reconcileJson(reconciliationId, fundId, date(P2, 28), 750_001)))
          .isEqualTo("ALREADY_EXISTS");
      assertThat(matched.get("bookFen").asLong()).isEqualTo(750_000);
      assertThat(matched.get("differenceFen").asLong()).isZero();
      assertThat(matched.get("matched").asBoolean()).isTrue();
      assertThat(matched.get("voucherIds").toString()).contains(capital, withdrawal);
      JsonNode short100 =
          tree(
              submit(
                  clerk, "reconcileFund", reconcileJson(id("REC"), fundId, date(P1, 28), 800_100)));
      assertThat(short100.get("bookFen").asLong())
          .as("P2's withdrawal is later")
          .isEqualTo(800_000);
      assertThat(short100.get("differenceFen").asLong()).isEqualTo(100);
      assertThat(short100.get("matched").asBoolean()).isFalse();

      JsonNode status = tree(evaluate(auditor, "fundStatus", fundId));
      assertThat(status.get("balance").get("balanceFen").asLong()).isEqualTo(750_000);
      assertThat(status.get("reconciliations")).hasSize(2);
      assertThat(status.get("reconciliations").get(0).get("asOf").asString())
          .as("in date order")
          .isEqualTo(date(P1, 28));
      assertThat(tree(evaluate(township, "listFundAccounts", villageJson(village)))).hasSize(1);

      submit(township, "closePeriod", closeJson(village, P1));
      JsonNode afterClose =
          tree(
              submit(
                  clerk, "reconcileFund", reconcileJson(id("REC"), fundId, date(P2, 28), 750_000)));
      assertThat(afterClose.get("fromClose").asString()).isEqualTo(P1.toString());
      assertThat(afterClose.get("bookFen").asLong())
          .as("the P1 close snapshot plus P2's vouchers give the same balance")
          .isEqualTo(750_000);
      assertThat(afterClose.get("voucherIds").toString())
          .contains(withdrawal)
          .doesNotContain(capital);
    }

    @Test
    @DisplayName("refusals: wrong class, non-leaf, unknown or taken account, scope, bad statement")
    void denials() {
      submit(clerk, "defineSubAccount", subAccountJson(village, "10201", "农商银行基本户"));
      String cash =
          """
          {"fundAccountId":"%s","village":"%s","kind":"CASH","account":"10201","name":"现金",\
          "openedOn":"2024-01-01"}""";
      assertThat(rejected(clerk, "registerFundAccount", cash.formatted(id("FUND"), village)))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(rejected(clerk, "registerFundAccount", bankJson(id("FUND"), village, "102")))
          .isEqualTo("ACCOUNT_NOT_LEAF");
      assertThat(rejected(clerk, "registerFundAccount", bankJson(id("FUND"), village, "10299")))
          .isEqualTo("ACCOUNT_NOT_FOUND");
      assertThat(
              rejected(otherClerk, "registerFundAccount", bankJson(id("FUND"), village, "10201")))
          .isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(rejected(auditor, "registerFundAccount", bankJson(id("FUND"), village, "10201")))
          .isEqualTo("ACCESS_DENIED");
      String fundId = id("FUND");
      submit(clerk, "registerFundAccount", bankJson(fundId, village, "10201"));
      assertThat(rejected(clerk, "registerFundAccount", bankJson(id("FUND"), village, "10201")))
          .as("one fund account per book account")
          .isEqualTo("INVALID_STATE");
      assertThat(tree(evaluate(auditor, "listFundAccounts", villageJson(village)))).hasSize(1);

      assertThat(
              rejected(
                  clerk, "reconcileFund", reconcileJson(id("REC"), id("FUND"), date(P2, 1), 0)))
          .isEqualTo("FUND_ACCOUNT_NOT_FOUND");
      assertThat(
              rejected(clerk, "reconcileFund", reconcileJson(id("REC"), fundId, date(P2, 1), -1)))
          .isEqualTo("AMOUNT_INVALID");
      assertThat(
              rejected(
                  clerk,
                  "reconcileFund",
                  reconcileJson(
                      id("REC"), fundId, THIS_MONTH.plusMonths(2).atDay(1).toString(), 0)))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(
              rejected(
                  otherClerk, "reconcileFund", reconcileJson(id("REC"), fundId, date(P2, 1), 0)))
          .isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(
              rejected(clerk, "reconcileFund", reconcileJson(id("REC"), fundId, "2023-12-31", 0)))
          .as("before the account was opened")
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(tree(evaluate(auditor, "fundStatus", fundId)).get("reconciliations")).isEmpty();
      assertThat(codeOf(() -> evaluate(otherClerk, "fundStatus", fundId)))
          .isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(codeOf(() -> evaluate(auditor, "fundStatus", id("FUND"))))
          .isEqualTo("FUND_ACCOUNT_NOT_FOUND");
    }
  }

  // ---- contract warnings --------------------------------------------------------------------

  @Nested
  @DisplayName("contractWarnings")
  class ContractWarnings {

    @Test
    @DisplayName(
        "overdue installments with unpaid amounts and days; expiring contracts; paid ones left out")
    void warnings() {
      LocalDate today = LocalDate.now(ZoneOffset.ofHours(8));
      String lease = id("C");
      submit(clerk, "registerContract", contractJson(lease, village, 90_000));
      String receipt = id("V");
      submit(
          clerk,
          "recordVoucher",
          linesVoucher(
              receipt,
              village,
              date(P1, 15),
              "{\"account\":\"101\",\"debitFen\":45000,\"creditFen\":0,\"contractId\":\""
                  + lease
                  + "\"}",
              line("501", 0, 45_000)));
      post(receipt, clerk);
      String expiring = id("C");
      submit(
          clerk,
          "registerContract",
          """
          {"contractId":"%s","village":"%s","direction":"EXPENSE","counterparty":"保洁公司",\
          "subject":"村庄保洁服务","startDate":"%s","endDate":"%s","amountFen":20000,\
          "schedule":[{"dueOn":"%s","amountFen":20000}],"documentSha256":"%s"}"""
              .formatted(
                  expiring, village, date(P1, 1), today.plusDays(10), today.plusDays(5), HASH_B));
      String quiet = id("C");
      submit(
          clerk,
          "registerContract",
          contractJson(quiet, village, 90_000)
              .replace(date(P1, 28), date(THIS_MONTH.plusMonths(1), 1))
              .replace(date(P2, 28), date(THIS_MONTH.plusMonths(2), 1))
              .replace(date(P3, 28), date(THIS_MONTH.plusMonths(3), 1)));

      JsonNode warnings =
          tree(evaluate(auditor, "contractWarnings", villageJson(village))).get("warnings");
      assertThat(warnings).hasSize(2);
      JsonNode overdue =
          warnings.get(0).get("contractId").asString().equals(lease)
              ? warnings.get(0)
              : warnings.get(1);
      JsonNode soon = overdue == warnings.get(0) ? warnings.get(1) : warnings.get(0);
      assertThat(overdue.get("overdueFen").asLong())
          .as("15 000 of P2 and 30 000 of P3")
          .isEqualTo(45_000);
      assertThat(overdue.get("overdueInstallments")).hasSize(2);
      assertThat(overdue.get("overdueInstallments").get(0).get("unpaidFen").asLong())
          .isEqualTo(15_000);
      assertThat(overdue.get("overdueInstallments").get(0).get("daysOverdue").asLong())
          .isEqualTo(java.time.temporal.ChronoUnit.DAYS.between(P2.atDay(28), today));
      assertThat(overdue.get("voucherIds").get(0).asString()).isEqualTo(receipt);
      assertThat(overdue.get("expiring").asBoolean()).isFalse();
      assertThat(soon.get("contractId").asString()).isEqualTo(expiring);
      assertThat(soon.get("expiring").asBoolean()).isTrue();
      assertThat(soon.get("overdueInstallments")).isEmpty();
      assertThat(codeOf(() -> evaluate(otherClerk, "contractWarnings", villageJson(village))))
          .isEqualTo("REGION_OUT_OF_SCOPE");
    }
  }

  // ---- shareholding co-operatives -----------------------------------------------------------

  @Nested
  @DisplayName("registerCooperative / registerMember / distributeDividend")
  class Cooperatives {

    String cooperativeId;

    @BeforeEach
    void cooperative() {
      cooperativeId = id("COOP");
      submit(clerk, "registerCooperative", cooperativeJson(cooperativeId, village));
    }

    @Test
    @DisplayName(
        "members are pseudonymous; a dividend splits by shares, the odd fen to the largest remainder")
    void dividend() {
      String a = member(cooperativeId, "M-A", 3, "张三", "11010519491231002X");
      member(cooperativeId, "M-B", 3, "王五", "520122198001010019");
      member(cooperativeId, "M-C", 1, "赵六", "520122198502020020");
      JsonNode members = tree(evaluate(auditor, "listMembers", cooperativeId));
      assertThat(members).hasSize(3);
      assertThat(members.toString()).doesNotContain("张三", "13900000000", "11010519491231002X");
      assertThat(members.get(0).get("memberHash").asString()).hasSize(64);
      assertThat(a).isEqualTo(members.get(0).toString());
      assertThat(
              network()
                  .ledger()
                  .submit(
                      clerk, memberProposal(cooperativeId, "M-A", 3, "张三", "11010519491231002X"))
                  .resultText())
          .as("a retry with the same person and salt")
          .isEqualTo(a);
      assertThat(
              codeOf(
                  () ->
                      network()
                          .ledger()
                          .submit(
                              clerk,
                              memberProposal(cooperativeId, "M-A", 3, "别人", "11010519491231002X"))))
          .isEqualTo("ALREADY_EXISTS");

      // 1 000.00 yuan over 7 shares: 100000 × 3 / 7 = 42857 remainder 1 (twice);
      // 100000 × 1 / 7 = 14285 remainder 5. Floors add up to 99 999; the odd fen goes to the
      // largest remainder (5, member M-C): 42857 + 42857 + 14286 = 100000.
      String voucherId = posted(village, clerk, date(P2, 20), "322", "211", 100_000);
      String distributionId = id("DIV");
      String json = dividendJson(distributionId, cooperativeId, P2.getYear(), 100_000, voucherId);
      JsonNode distribution = tree(submit(clerk, "distributeDividend", json));
      assertThat(distribution.get("totalShares").asLong()).isEqualTo(7);
      assertThat(distribution.get("rule").asString()).isEqualTo("FLOOR_THEN_LARGEST_REMAINDER");
      JsonNode allocations = distribution.get("allocations");
      assertThat(allocations.get(0).get("amountFen").asLong()).isEqualTo(42_857);
      assertThat(allocations.get(1).get("amountFen").asLong()).isEqualTo(42_857);
      assertThat(allocations.get(2).get("memberId").asString()).isEqualTo("M-C");
      assertThat(allocations.get(2).get("amountFen").asLong()).isEqualTo(14_286);
      assertThat(distribution.get("voucherPostedTxId").asString())
          .isEqualTo(
              tree(evaluate(auditor, "getVoucher", voucherId))
                  .get("steps")
                  .get(3)
                  .get("txId")
                  .asString());
      assertThat(submit(clerk, "distributeDividend", json)).isEqualTo(distribution.toString());
      assertThat(tree(evaluate(auditor, "getDistribution", distributionId)))
          .isEqualTo(distribution);
      assertThat(
              rejected(
                  clerk,
                  "distributeDividend",
                  dividendJson(id("DIV"), cooperativeId, P2.getYear(), 100_000, voucherId)))
          .as("one distribution per voucher")
          .isEqualTo("INVALID_STATE");
      assertThat(tree(evaluate(township, "listDistributions", cooperativeId))).hasSize(1);
    }

    @Test
    @DisplayName("refusals: no personal data, unknown co-operative, scope, amounts, voucher state")
    void denials() {
      assertThat(
              codeOf(
                  () ->
                      network()
                          .ledger()
                          .submit(
                              clerk,
                              Proposal.of(
                                  "finance",
                                  "registerMember",
                                  memberJson(cooperativeId, "M-X", 1)))))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(
              codeOf(
                  () ->
                      network()
                          .ledger()
                          .submit(
                              clerk,
                              memberProposal(id("COOP"), "M-X", 1, "张三", "11010519491231002X"))))
          .isEqualTo("COOPERATIVE_NOT_FOUND");
      assertThat(
              codeOf(
                  () ->
                      network()
                          .ledger()
                          .submit(
                              otherClerk,
                              memberProposal(cooperativeId, "M-X", 1, "张三", "11010519491231002X"))))
          .isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(
              codeOf(
                  () ->
                      network()
                          .ledger()
                          .submit(
                              clerk,
                              memberProposal(cooperativeId, "M-X", 0, "张三", "11010519491231002X"))))
          .as("shares must be at least 1")
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(
              codeOf(
                  () ->
                      network()
                          .ledger()
                          .submit(
                              auditor,
                              memberProposal(cooperativeId, "M-X", 1, "张三", "11010519491231002X"))))
          .isEqualTo("ACCESS_DENIED");
      assertThat(tree(evaluate(auditor, "listMembers", cooperativeId))).isEmpty();

      String voucherId = posted(village, clerk, date(P2, 20), "322", "211", 100_000);
      int year = P2.getYear();
      assertThat(
              rejected(
                  clerk,
                  "distributeDividend",
                  dividendJson(id("DIV"), cooperativeId, year, 100_000, voucherId)))
          .as("no members")
          .isEqualTo("INVALID_STATE");
      member(cooperativeId, "M-A", 2, "张三", "11010519491231002X");
      assertThat(
              rejected(
                  clerk,
                  "distributeDividend",
                  dividendJson(id("DIV"), cooperativeId, year, 99_999, voucherId)))
          .isEqualTo("AMOUNT_INVALID");
      assertThat(
              rejected(
                  clerk,
                  "distributeDividend",
                  dividendJson(id("DIV"), cooperativeId, year - 1, 100_000, voucherId)))
          .isEqualTo("INVALID_STATE");
      String draft = recorded(village, clerk, date(P2, 21), "322", "211", 5_000);
      assertThat(
              rejected(
                  clerk,
                  "distributeDividend",
                  dividendJson(id("DIV"), cooperativeId, year, 5_000, draft)))
          .isEqualTo("INVALID_STATE");
      String elsewhere = posted(otherVillage, otherClerk, date(P2, 20), "322", "211", 100_000);
      assertThat(
              rejected(
                  clerk,
                  "distributeDividend",
                  dividendJson(id("DIV"), cooperativeId, year, 100_000, elsewhere)))
          .isEqualTo("VOUCHER_NOT_FOUND");
      assertThat(
              rejected(
                  otherClerk,
                  "distributeDividend",
                  dividendJson(id("DIV"), cooperativeId, year, 100_000, voucherId)))
          .isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(
              rejected(
                  clerk,
                  "distributeDividend",
                  dividendJson(id("DIV"), id("COOP"), year, 100_000, voucherId)))
          .isEqualTo("COOPERATIVE_NOT_FOUND");
      assertThat(tree(evaluate(auditor, "listDistributions", cooperativeId))).isEmpty();
      assertThat(codeOf(() -> evaluate(auditor, "getDistribution", id("DIV"))))
          .isEqualTo("DISTRIBUTION_NOT_FOUND");
      assertThat(codeOf(() -> evaluate(otherClerk, "listMembers", cooperativeId)))
          .isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(
              rejected(
                  clerk,
                  "registerCooperative",
                  cooperativeJson(cooperativeId, village).replace("股份经济合作社", "社")))
          .isEqualTo("ALREADY_EXISTS");
      assertThat(tree(evaluate(auditor, "listCooperatives", villageJson(village)))).hasSize(1);
    }

    String member(
        String cooperativeId, String memberId, long shares, String name, String idNumber) {
      return network()
          .ledger()
          .submit(clerk, memberProposal(cooperativeId, memberId, shares, name, idNumber))
          .resultText();
    }
  }

  // ---- general ledger -----------------------------------------------------------------------

  @Nested
  @DisplayName("generalLedger (总账)")
  class GeneralLedger {

    @Test
    @DisplayName(
        "per account and month: opening, debits, credits, closing, and the vouchers behind")
    void handComputed() {
      submit(clerk, "defineSubAccount", subAccountJson(village, "10201", "农商银行"));
      // 2024-12: capital 8 000.00 into the bank (the 2025 opening balance).
      posted(village, clerk, "2024-12-15", "10201", "301", 800_000);
      // 2025-01: lease income 3 000.00 into the bank; 500.00 withdrawn; office costs 120.50 cash.
      String income = posted(village, clerk, "2025-01-05", "10201", "501", 300_000);
      String withdrawal = posted(village, clerk, "2025-01-10", "101", "10201", 50_000);
      String office = posted(village, clerk, "2025-01-20", "513", "101", 12_050);
      // 2025-03: other income 1 200.00 in cash; a 2026 voucher is outside the year.
      String other = posted(village, clerk, "2025-03-08", "101", "504", 120_000);
      posted(village, clerk, "2026-01-08", "101", "504", 7_700);

      JsonNode ledger = generalLedger(village, "2025", null);
      // 10201: opening 8 000.00; Jan +3 000.00 −500.00 = 10 500.00; unchanged to December.
      JsonNode bank = account(ledger, "10201");
      assertYear(bank, 800_000, 300_000, 50_000, 1_050_000);
      assertMonth(bank, 1, 800_000, 300_000, 50_000, 1_050_000, income, withdrawal);
      assertMonth(bank, 2, 1_050_000, 0, 0, 1_050_000);
      assertMonth(bank, 12, 1_050_000, 0, 0, 1_050_000);
      assertThat(account(ledger, "102").get("leaf").asBoolean()).isFalse();
      assertYear(account(ledger, "102"), 800_000, 300_000, 50_000, 1_050_000);
      // 101: Jan +500.00 −120.50 = 379.50; Mar +1 200.00 = 1 579.50.
      JsonNode cash = account(ledger, "101");
      assertYear(cash, 0, 170_000, 12_050, 157_950);
      assertMonth(cash, 1, 0, 50_000, 12_050, 37_950, withdrawal, office);
      assertMonth(cash, 3, 37_950, 120_000, 0, 157_950, other);
      assertYear(account(ledger, "301"), -800_000, 0, 0, -800_000);
      assertYear(account(ledger, "501"), 0, 0, 300_000, -300_000);
      assertYear(account(ledger, "504"), 0, 0, 120_000, -120_000);
      assertYear(account(ledger, "513"), 0, 12_050, 0, 12_050);
      assertThat(
              account(ledger, "10201")
                  .get("months")
                  .get(0)
                  .get("vouchers")
                  .get(0)
                  .get("postedTxId")
                  .asString())
          .isEqualTo(
              tree(evaluate(auditor, "getVoucher", income))
                  .get("steps")
                  .get(3)
                  .get("txId")
                  .asString());

      JsonNode onlyBank = generalLedger(village, "2025", "102");
      assertThat(onlyBank.get("accounts")).hasSize(2);

      submit(township, "closePeriod", closeJson(village, YearMonth.of(2024, 12)));
      JsonNode fromClose = generalLedger(village, "2025", null);
      assertThat(fromClose.get("fromClose").asString()).isEqualTo("2024-12");
      assertThat(fromClose.get("accounts"))
          .as("the 2024-12 close snapshot plus 2025's vouchers: the same figures")
          .isEqualTo(ledger.get("accounts"));
    }

    @Test
    @DisplayName("read by the books' readers only; unknown accounts and bad years are refused")
    void denials() {
      String query = "{\"village\":\"%s\",\"year\":\"2025\"}".formatted(village);
      assertThat(codeOf(() -> evaluate(otherClerk, "generalLedger", query)))
          .isEqualTo("REGION_OUT_OF_SCOPE");
      Identity villager = person("villager", TOWNSHIP_MSP, "villager", village, "P" + village);
      assertThat(codeOf(() -> evaluate(villager, "generalLedger", query)))
          .isEqualTo("ACCESS_DENIED");
      assertThat(codeOf(() -> evaluate(auditor, "generalLedger", query.replace("2025", "25"))))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(
              codeOf(
                  () ->
                      evaluate(
                          auditor, "generalLedger", query.replace("}", ",\"account\":\"109\"}"))))
          .isEqualTo("ACCOUNT_NOT_FOUND");
      assertThat(generalLedger(village, "2025", null).get("accounts")).isEmpty();
    }
  }

  JsonNode generalLedger(String village, String year, String account) {
    String query =
        account == null
            ? "{\"village\":\"%s\",\"year\":\"%s\"}".formatted(village, year)
            : "{\"village\":\"%s\",\"year\":\"%s\",\"account\":\"%s\"}"
                .formatted(village, year, account);
    return tree(evaluate(auditor, "generalLedger", query));
  }

  static JsonNode account(JsonNode ledger, String code) {
    for (JsonNode account : ledger.get("accounts")) {
      if (account.get("code").asString().equals(code)) {
        return account;
      }
    }
    throw new AssertionError("no account " + code + " in " + ledger);
  }

  static void assertYear(JsonNode account, long opening, long debit, long credit, long closing) {
    assertRow(account, opening, debit, credit, closing);
    assertThat(account.get("months")).hasSize(12);
  }

  static void assertMonth(
      JsonNode account,
      int month,
      long opening,
      long debit,
      long credit,
      long closing,
      String... voucherIds) {
    JsonNode figures = account.get("months").get(month - 1);
    assertRow(figures, opening, debit, credit, closing);
    List<String> behind = new ArrayList<>();
    figures.get("vouchers").forEach(v -> behind.add(v.get("voucherId").asString()));
    assertThat(behind).as("vouchers behind month " + month).containsExactly(voucherIds);
  }

  static String bankJson(String fundAccountId, String village, String account) {
    return """
        {"fundAccountId":"%s","village":"%s","kind":"BANK","account":"%s","name":"基本户",\
        "bankName":"息烽农商银行","accountNoLast4":"0201","openedOn":"2024-01-01"}"""
        .formatted(fundAccountId, village, account);
  }

  static String reconcileJson(
      String reconciliationId, String fundAccountId, String asOf, long fen) {
    return """
        {"reconciliationId":"%s","fundAccountId":"%s","asOf":"%s","statementFen":%d}"""
        .formatted(reconciliationId, fundAccountId, asOf, fen);
  }

  static String cooperativeJson(String cooperativeId, String village) {
    return """
        {"cooperativeId":"%s","village":"%s","name":"示范村股份经济合作社","foundedOn":"2020-06-01"}"""
        .formatted(cooperativeId, village);
  }

  static String memberJson(String cooperativeId, String memberId, long shares) {
    return """
        {"cooperativeId":"%s","memberId":"%s","shares":%d,"joinedOn":"2020-06-01"}"""
        .formatted(cooperativeId, memberId, shares);
  }

  static Proposal memberProposal(
      String cooperativeId, String memberId, long shares, String name, String idNumber) {
    return Proposal.of("finance", "registerMember", memberJson(cooperativeId, memberId, shares))
        .withTransient(
            "member",
            "{\"name\":\"%s\",\"phone\":\"13900000000\",\"idNumber\":\"%s\"}"
                .formatted(name, idNumber))
        .withTransient("member.salt", "member-salt-" + memberId + "-0123456789");
  }

  static String dividendJson(
      String distributionId, String cooperativeId, int year, long totalFen, String voucherId) {
    return """
        {"distributionId":"%s","cooperativeId":"%s","year":"%d","totalFen":%d,"voucherId":"%s"}"""
        .formatted(distributionId, cooperativeId, year, totalFen, voucherId);
  }

  // ---- helpers ------------------------------------------------------------------------------

  static String id(String kind) {
    return "F" + RUN + "-" + kind + "-" + SEQUENCE.incrementAndGet();
  }

  /** A fresh village code below {@code township9}. */
  static String newVillage(String township9) {
    return township9 + "%03d".formatted(1 + VILLAGES.incrementAndGet() % 999);
  }

  /** A fresh county code (province 52, city 01, county 30..99) for configuration tests. */
  static String newCounty() {
    return "5201%02d000000".formatted(30 + COUNTIES.incrementAndGet() % 70);
  }

  static String date(YearMonth month, int day) {
    return month.atDay(day).toString();
  }

  Identity person(String label, String msp, String role, String region, String party) {
    return network()
        .identity(
            label + "-" + party,
            msp,
            Map.of("xl.role", role, "xl.region", region, "xl.party", party));
  }

  /** Defines the 2023 chart and approval rules for {@code county} unless it has them. */
  void ensureChartAndRules(Identity owner, String county, long largeAmountFen, boolean all) {
    String query = "{\"county\":\"" + county + "\"}";
    try {
      evaluate(owner, "getChart", query);
    } catch (LedgerException absent) {
      submit(owner, "defineChart", chartTemplateJson(county, 1, "2024-01-01"));
      submit(owner, "defineApprovalRules", rulesJson(county, 1, largeAmountFen, all));
    }
  }

  String recorded(
      String village, Identity clerk, String date, String debit, String credit, long fen) {
    String voucherId = id("V");
    submit(clerk, "recordVoucher", voucherJson(voucherId, village, date, debit, credit, fen));
    return voucherId;
  }

  String posted(
      String village, Identity clerk, String date, String debit, String credit, long fen) {
    String voucherId = recorded(village, clerk, date, debit, credit, fen);
    post(voucherId, clerk);
    return voucherId;
  }

  void post(String voucherId, Identity clerk) {
    submit(clerk, "submitVoucher", action(voucherId));
    submit(township, "approveVoucher", action(voucherId));
    submit(township, "postVoucher", action(voucherId));
  }

  JsonNode trialBalance(String village, YearMonth period) {
    return tree(evaluate(auditor, "trialBalance", booksJson(village, period)));
  }

  static JsonNode row(JsonNode balance, String code) {
    for (JsonNode row : balance.get("rows")) {
      if (row.get("code").asString().equals(code)) {
        return row;
      }
    }
    throw new AssertionError("no row " + code + " in " + balance);
  }

  static JsonNode find(JsonNode anomalies, String rule) {
    for (JsonNode anomaly : anomalies) {
      if (anomaly.get("rule").asString().equals(rule)) {
        return anomaly;
      }
    }
    throw new AssertionError("no " + rule + " in " + anomalies);
  }

  static JsonNode item(JsonNode status, String itemCode) {
    for (JsonNode item : status.get("items")) {
      if (item.get("itemCode").asString().equals(itemCode)) {
        return item;
      }
    }
    throw new AssertionError("no item " + itemCode + " in " + status);
  }

  static void assertRow(JsonNode row, long opening, long debit, long credit, long closing) {
    assertThat(row.get("openingFen").asLong()).as("opening " + row).isEqualTo(opening);
    assertThat(row.get("debitFen").asLong()).as("debit " + row).isEqualTo(debit);
    assertThat(row.get("creditFen").asLong()).as("credit " + row).isEqualTo(credit);
    assertThat(row.get("closingFen").asLong()).as("closing " + row).isEqualTo(closing);
  }

  String submit(Identity caller, String transaction, String argument) {
    return network()
        .ledger()
        .submit(caller, Proposal.of("finance", transaction, argument))
        .resultText();
  }

  String evaluate(Identity caller, String transaction, String argument) {
    return new String(
        network().ledger().evaluate(caller, Proposal.of("finance", transaction, argument)),
        StandardCharsets.UTF_8);
  }

  /** The error code of a rejected submit (the submit must fail at endorsement). */
  String rejected(Identity caller, String transaction, String argument) {
    LedgerException e =
        catchThrowableOfType(LedgerException.class, () -> submit(caller, transaction, argument));
    assertThat(e).as("%s must be rejected", transaction).isNotNull();
    assertThat(e.stage()).isEqualTo(LedgerException.Stage.ENDORSE);
    return e.errorCode().orElseThrow();
  }

  static String codeOf(Runnable call) {
    LedgerException e = catchThrowableOfType(LedgerException.class, call::run);
    assertThat(e).as("call must fail").isNotNull();
    return e.errorCode().orElseThrow();
  }

  static JsonNode tree(String json) {
    return JSON.readTree(json);
  }

  static String chartTemplateJson(String county, int version, String effectiveFrom) {
    return """
        {"county":"%s","version":%d,"effectiveFrom":"%s",\
        "standard":"财会〔2023〕14号","template":"CAIHUI_2023_14"}"""
        .formatted(county, version, effectiveFrom);
  }

  static String rulesJson(String county, int version, long largeAmountFen, boolean all) {
    return """
        {"county":"%s","version":%d,"effectiveFrom":"2024-01-01","largeAmountFen":%d,\
        "approvalForAll":%b}"""
        .formatted(county, version, largeAmountFen, all);
  }

  static String subAccountJson(String village, String code, String name) {
    return """
        {"village":"%s","code":"%s","name":"%s"}"""
        .formatted(village, code, name);
  }

  static String line(String account, long debit, long credit) {
    return """
        {"account":"%s","debitFen":%d,"creditFen":%d}"""
        .formatted(account, debit, credit);
  }

  static String linesVoucher(String voucherId, String village, String date, String... lines) {
    return """
        {"voucherId":"%s","village":"%s","date":"%s","summary":"记账","lines":[%s]}"""
        .formatted(voucherId, village, date, String.join(",", lines));
  }

  static String voucherJson(
      String voucherId, String village, String date, String debit, String credit, long fen) {
    return """
        {"voucherId":"%s","village":"%s","date":"%s","summary":"收到租金",\
        "lines":[{"account":"%s","debitFen":%d,"creditFen":0,"counterparty":"某合作社"},\
        {"account":"%s","debitFen":0,"creditFen":%d}],\
        "attachments":[{"name":"收据.pdf","sha256":"%s"}]}"""
        .formatted(voucherId, village, date, debit, fen, credit, fen, HASH_A);
  }

  static String withDecision(String voucherJson, String decisionId) {
    return voucherJson.substring(0, voucherJson.length() - 1)
        + ",\"decisionId\":\""
        + decisionId
        + "\"}";
  }

  static String decisionJson(String decisionId, String village, String decidedOn, long fen) {
    return """
        {"decisionId":"%s","village":"%s","subject":"村道修路工程","decidedOn":"%s",\
        "amountFen":%d,"minutesSha256":"%s"}"""
        .formatted(decisionId, village, decidedOn, fen, HASH_A)
        .replace("村道修路工程", "修路");
  }

  static String reverseJson(String voucherId, String reverses, String date) {
    return """
        {"voucherId":"%s","reverses":"%s","date":"%s","summary":"红字冲销：金额错误"}"""
        .formatted(voucherId, reverses, date);
  }

  /** A lease of 900.00 yuan in three installments due in P1, P2 and P3 (the 28th). */
  static String contractJson(String contractId, String village, long amountFen) {
    return """
        {"contractId":"%s","village":"%s","direction":"INCOME","counterparty":"某合作社",\
        "subject":"集体土地承包","startDate":"%s","endDate":"%s","amountFen":%d,\
        "schedule":[{"dueOn":"%s","amountFen":30000},{"dueOn":"%s","amountFen":30000},\
        {"dueOn":"%s","amountFen":30000}],"documentSha256":"%s"}"""
        .formatted(
            contractId,
            village,
            date(P1, 1),
            THIS_MONTH.plusYears(1).atDay(1),
            amountFen,
            date(P1, 28),
            date(P2, 28),
            date(P3, 28),
            HASH_B);
  }

  static String action(String voucherId) {
    return "{\"voucherId\":\"" + voucherId + "\"}";
  }

  static String closeJson(String village, YearMonth period) {
    return "{\"village\":\"%s\",\"period\":\"%s\"}".formatted(village, period);
  }

  static String booksJson(String village, YearMonth period) {
    return "{\"village\":\"%s\",\"period\":\"%s\"}".formatted(village, period);
  }

  static String villageJson(String village) {
    return "{\"village\":\"" + village + "\"}";
  }

  static String catalogueJson(String county, String catalogueId, String template) {
    return """
        {"county":"%s","catalogueId":"%s","version":1,"name":"村务公开目录",\
        "publishWithinDays":10,"answerWithinDays":15,"toBeConfirmed":false,"template":"%s"}"""
        .formatted(county, catalogueId, template);
  }

  static String publicationJson(
      String publicationId, String village, String catalogueId, String item, String period) {
    return """
        {"publicationId":"%s","village":"%s","catalogueId":"%s","itemCode":"%s",\
        "period":"%s","title":"财务收支公开","contentSha256":"%s"}"""
        .formatted(publicationId, village, catalogueId, item, period, HASH_A);
  }

  static Proposal objectionProposal(String objectionId, String publicationId, String salt) {
    return Proposal.of(
            "finance",
            "fileObjection",
            "{\"objectionId\":\"%s\",\"publicationId\":\"%s\",\"question\":\"这笔支出的依据是什么？\"}"
                .formatted(objectionId, publicationId))
        .withTransient(
            "objector",
            "{\"name\":\"李四\",\"phone\":\"13900000000\",\"idNumber\":\"11010519491231002X\"}")
        .withTransient("objector.salt", salt);
  }
}
