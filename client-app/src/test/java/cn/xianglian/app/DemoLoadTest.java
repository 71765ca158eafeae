package cn.xianglian.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xianglian.app.batch.BatchReader;
import cn.xianglian.app.identity.UserDirectory;
import cn.xianglian.app.identity.Wallet;
import cn.xianglian.app.system.TraceLedger;
import cn.xianglian.ledger.LedgerClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The demo dataset loads through the real embedded ledger and contract, and only once. */
@SpringBootTest(properties = {"xl.demo.enabled=true", "server.address=127.0.0.1"})
@DisplayName("Demo data on first start")
class DemoLoadTest {

  private static final Path dataDir =
      Path.of("target", "demo-data", UUID.randomUUID().toString()).toAbsolutePath();

  @DynamicPropertySource
  static void dataDirectory(DynamicPropertyRegistry registry) {
    registry.add("xl.data.dir", dataDir::toString);
  }

  @Autowired LedgerClient ledger;
  @Autowired BatchReader batches;
  @Autowired UserDirectory users;
  @Autowired ApplicationContext context;
  @Autowired TraceLedger trace;
  @Autowired Wallet wallet;

  @Test
  @DisplayName("writes the 息烽 dataset, recalls reach children, and a second run writes nothing")
  void loadsOnce() throws Exception {
    long height = ledger.height();
    assertThat(height).isGreaterThan(50);
    assertThat(users.identityOf("county-regulator")).contains("county-regulator");
    assertThat(batches.batch("XF-PG-2026-001-A").status()).isEqualTo("RECALLED");
    assertThat(batches.batch("XF-GM-2026-001-A").certificateNos())
        .containsExactly("HGZ-520122-2026-000001");
    assertThat(batches.batch("XF-PT-2026-001").warningIds()).containsExactly("YJ-520122-2026-001");
    assertThat(batches.batch("XF-RJ-2026-003").parents())
        .containsExactlyInAnyOrder("XF-RJ-2026-001", "XF-RJ-2026-002");
    assertThat(batches.batch("XF-RJ-2026-003").owner()).isEqualTo("CoopOrgMSP/P-520122-0009");
    assertThat(batches.batch("XF-LZJ-2026-001").parents()).containsExactly("XF-RJ-2026-003");

    // The demo village's books: three vouchers approved and posted by the township, in balance.
    JsonNode balance =
        trace.evaluateIn(
            "finance",
            wallet.find("village-bookkeeper").orElseThrow(),
            "trialBalance",
            Map.of("village", "520122100201", "period", "2026-10"));
    assertThat(balance.path("balanced").asBoolean()).as(balance.toString()).isTrue();
    assertThat(balance.path("vouchers").size()).isEqualTo(3);
    assertThat(balance.path("debitFen").asLong()).isEqualTo(1200000 + 6000000 + 38000);
    assertThat(
            trace
                .evaluateIn(
                    "finance",
                    wallet.find("villager-demo").orElseThrow(),
                    "getPublication",
                    "PUB-520122100201-2026-10-CAIW-02")
                .path("itemCode")
                .asString())
        .isEqualTo("CAIW-02");

    // The grid demo (GridDemoLoader): 330 events in all 11 townships, through the grid contract.
    JsonNode sla =
        trace.evaluateIn(
            "grid",
            wallet.find("grid-center").orElseThrow(),
            "getSlaStatistics",
            Map.of("scope", "520122", "groupBy", "TOWNSHIP"));
    assertThat(sla.path("total").path("reported").asInt()).as(sla.toString()).isEqualTo(330);
    assertThat(sla.path("groups").size()).isEqualTo(11);
    assertThat(sla.path("total").path("escalated").asInt()).isPositive();

    ApplicationArguments none = new DefaultApplicationArguments();
    for (ApplicationRunner runner : context.getBeansOfType(ApplicationRunner.class).values()) {
      runner.run(none);
    }

    assertThat(ledger.height()).isEqualTo(height);
  }

  @Test
  @DisplayName(
      "the finance demo village's June 2025 trial balance matches the figures computed by hand")
  void financeDemoYearByHand() {
    var auditor = wallet.find("county-auditor").orElseThrow();
    String village = "520122100203";
    // Opening (2024-12 清产核资): 10201 +8 000 000, 101 +200 000, 151 +30 000 000,
    // 152 −10 000 000, 301 −28 200 000 (fen; debit-positive).
    // January to May, every month: withdrawal 101 +300 000 / 10201 −300 000; office 513 / 101
    // (42 000, 36 500, 51 200, 38 800, 44 600 = 213 100); cleaning 514 / 101 150 000;
    // depreciation 513 / 152 83 333. Subsidies 10201 / 503 3 000 000 in January and April;
    // rent 10201 / 501 1 200 000 in March; project funds 10201 / 241 20 000 000 in April;
    // labour 514 / 213 480 000 and its payment 213 / 10201 480 000 in May.
    // Opening of June:
    //   10201: 8 000 000 − 1 500 000 + 6 000 000 + 1 200 000 + 20 000 000 − 480 000 = 33 220 000
    //   101:   200 000 + 1 500 000 − 213 100 − 750 000 = 736 900
    //   152:   −10 000 000 − 5 × 83 333 = −10 416 665
    //   513:   213 100 + 416 665 = 629 765;  514: 750 000 + 480 000 = 1 230 000
    //   503 −6 000 000, 501 −1 200 000, 241 −20 000 000, 213 0
    //   Σ debit balances = Σ credit balances = 65 816 665.
    // June: withdrawal 300 000; office 29 900; cleaning 150 000; depreciation 83 333;
    //   rent 10201 / 501 1 200 000; road progress payment 153 / 10201 14 400 000.
    //   Debits = 1 200 000 + 300 000 + 14 400 000 + 29 900 + 83 333 + 150 000 = 16 163 233.
    // Closing of June: 10201 33 220 000 + 1 200 000 − 14 700 000 = 19 720 000;
    //   101 736 900 + 300 000 − 179 900 = 857 000; 152 −10 499 998; 153 14 400 000;
    //   501 −2 400 000; 513 742 998; 514 1 380 000. Σ debit = Σ credit = 67 099 998.
    JsonNode june =
        trace.evaluateIn(
            "finance", auditor, "trialBalance", Map.of("village", village, "period", "2025-06"));
    assertThat(june.path("balanced").asBoolean()).as(june.toString()).isTrue();
    assertThat(june.path("openingDebitFen").asLong()).isEqualTo(65_816_665L);
    assertThat(june.path("openingCreditFen").asLong()).isEqualTo(65_816_665L);
    assertThat(june.path("debitFen").asLong()).isEqualTo(16_163_233L);
    assertThat(june.path("creditFen").asLong()).isEqualTo(16_163_233L);
    assertThat(june.path("closingDebitFen").asLong()).isEqualTo(67_099_998L);
    assertThat(june.path("closingCreditFen").asLong()).isEqualTo(67_099_998L);
    assertThat(june.path("vouchers").size()).isEqualTo(6);
    assertRow(june, "10201", 33_220_000L, 1_200_000L, 14_700_000L, 19_720_000L);
    assertRow(june, "101", 736_900L, 300_000L, 179_900L, 857_000L);
    assertRow(june, "151", 30_000_000L, 0, 0, 30_000_000L);
    assertRow(june, "152", -10_416_665L, 0, 83_333L, -10_499_998L);
    assertRow(june, "153", 0, 14_400_000L, 0, 14_400_000L);
    assertRow(june, "213", 0, 0, 0, 0);
    assertRow(june, "241", -20_000_000L, 0, 0, -20_000_000L);
    assertRow(june, "301", -28_200_000L, 0, 0, -28_200_000L);
    assertRow(june, "501", -1_200_000L, 0, 1_200_000L, -2_400_000L);
    assertRow(june, "503", -6_000_000L, 0, 0, -6_000_000L);
    assertRow(june, "513", 629_765L, 113_233L, 0, 742_998L);
    assertRow(june, "514", 1_230_000L, 150_000L, 0, 1_380_000L);

    // The cash count of 30 June matches the books (857 000, as above).
    JsonNode cash = trace.evaluateIn("finance", auditor, "fundStatus", "FUND-HP-CASH");
    assertThat(cash.at("/reconciliations/0/bookFen").asLong()).isEqualTo(857_000L);
    assertThat(cash.at("/reconciliations/0/matched").asBoolean()).isTrue();
    // The dividend of 3 600 000 over shares 5, 4, 4, 3, 3 (19): floors 947 368 (r 8),
    // 757 894 (r 14) twice, 568 421 (r 1) twice = 3 599 998; the two fen left go to the two
    // largest remainders (the 4-share members): 947 368, 757 895, 757 895, 568 421, 568 421.
    JsonNode dividend = trace.evaluateIn("finance", auditor, "getDistribution", "FH-HP-2025");
    List<Long> amounts = new ArrayList<>();
    dividend.path("allocations").forEach(a -> amounts.add(a.path("amountFen").asLong()));
    assertThat(amounts).containsExactly(947_368L, 757_895L, 757_895L, 568_421L, 568_421L);
    // Every month of 2025 is closed, December balances, and income and expenses were carried over.
    JsonNode december =
        trace.evaluateIn(
            "finance", auditor, "trialBalance", Map.of("village", village, "period", "2025-12"));
    assertThat(december.path("balanced").asBoolean()).isTrue();
    for (String carried : List.of("501", "503", "513", "514", "321")) {
      assertThat(rowOf(december, carried).path("closingFen").asLong()).as(carried).isZero();
    }
    // 211: retention 3 600 000 credited in August and paid in December; the dividend payable
    // 3 600 000 credited on 31 December.
    assertThat(rowOf(december, "211").path("closingFen").asLong()).isEqualTo(-3_600_000L);
    JsonNode warnings =
        trace.evaluateIn("finance", auditor, "contractWarnings", Map.of("village", village));
    assertThat(warnings.at("/warnings/0/contractId").asString()).isEqualTo("HT-HP-2025-001");
    assertThat(warnings.at("/warnings/0/overdueInstallments/0/dueOn").asString())
        .as("the fourth quarter's rent was never paid")
        .isEqualTo("2025-12-31");
    JsonNode objections =
        trace.evaluateIn("finance", auditor, "listObjections", "PUB-HP-2025-Q2-XM");
    assertThat(objections.at("/0/status").asString()).isEqualTo("ANSWERED");
  }

  private static JsonNode rowOf(JsonNode balance, String code) {
    for (JsonNode row : balance.path("rows")) {
      if (row.path("code").asString().equals(code)) {
        return row;
      }
    }
    throw new AssertionError("no row " + code + " in " + balance);
  }

  private static void assertRow(
      JsonNode balance, String code, long opening, long debit, long credit, long closing) {
    JsonNode row = rowOf(balance, code);
    assertThat(row.path("openingFen").asLong()).as("opening " + code).isEqualTo(opening);
    assertThat(row.path("debitFen").asLong()).as("debit " + code).isEqualTo(debit);
    assertThat(row.path("creditFen").asLong()).as("credit " + code).isEqualTo(credit);
    assertThat(row.path("closingFen").asLong()).as("closing " + code).isEqualTo(closing);
  }
}
