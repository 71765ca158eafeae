package cn.xianglian.app.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Server time of the dashboard pages with a county's year in the projection (a benchmark, not a
 * test: it runs only with {@code -Dxl.bench=true}, in its own data directory). Fills the finance
 * read models with 161 villages (11 townships) × 12 months — per village-month {@code
 * xl.bench.vouchers} vouchers (2 lines, 4 steps each), 16 publications (1 in 10 late), 2 anomalies,
 * 3 objections — and the trace tables with 161 × 50 batches, 4 events each; then requests each
 * dashboard page as the county auditor and prints the median and p95 of the server time (MockMvc:
 * controller, queries and template, no network).
 *
 * <pre>{@code ./mvnw -pl client-app -am test -Dtest=DashboardBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dxl.bench=true}</pre>
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = {"xl.demo.enabled=true", "xl.projection.enabled=false"})
@DisplayName("Dashboard benchmark")
class DashboardBenchmark {

  private static final Path dataDir =
      Path.of("target", "dashboard-bench", UUID.randomUUID().toString()).toAbsolutePath();

  @DynamicPropertySource
  static void dataDirectory(DynamicPropertyRegistry registry) {
    registry.add("xl.data.dir", () -> dataDir.toString());
  }

  @Autowired WebApplicationContext context;
  @Autowired JdbcTemplate jdbc;

  @Test
  @DisplayName("dashboard pages with 161 villages × 1 year")
  void dashboards() throws Exception {
    assumeTrue(Boolean.getBoolean("xl.bench"), "benchmark: run with -Dxl.bench=true");
    int vouchersPerMonth = Integer.getInteger("xl.bench.vouchers", 40);
    long fillStart = System.nanoTime();
    fill(vouchersPerMonth);
    double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
    MockMvc mvc =
        MockMvcBuilders.webAppContextSetup(context)
            .apply(SecurityMockMvcConfigurers.springSecurity())
            .build();
    String village = "520122105003";
    String voucher = "BV-" + village + "-2026-06-007";
    List<String> pages =
        List.of(
            "/web/finance",
            "/web/audit",
            "/web/finance/vouchers?village=" + village,
            "/web/finance/anomalies?village=" + village,
            "/web/finance/publications?village=" + village + "&late=true",
            "/web/finance/vouchers/" + voucher,
            "/public/villages/" + village);
    System.out.printf(
        "BENCH dashboard data: %d vouchers, %d steps, %d publications, %d anomalies, %d batches"
            + " filled in %.1f s; load average %.1f%n",
        count("fin_voucher"),
        count("fin_voucher_step"),
        count("fin_publication"),
        count("fin_anomaly"),
        count("tr_batch"),
        fillSeconds,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    for (String page : pages) {
      for (int warm = 0; warm < 5; warm++) {
        request(mvc, page);
      }
      int runs = 30;
      long[] millis = new long[runs];
      for (int r = 0; r < runs; r++) {
        long start = System.nanoTime();
        request(mvc, page);
        millis[r] = (System.nanoTime() - start) / 1_000_000;
      }
      Arrays.sort(millis);
      System.out.printf(
          "BENCH %-60s median %4d ms  p95 %4d ms  max %4d ms%n",
          page, millis[runs / 2], millis[(int) (runs * 0.95)], millis[runs - 1]);
    }
  }

  private static void request(MockMvc mvc, String page) throws Exception {
    MvcResult result = mvc.perform(get(page).with(user("county-auditor"))).andReturn();
    assertThat(result.getResponse().getStatus()).as(page).isEqualTo(200);
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  /** Synthetic rows straight into the read models (they are not on the ledger). */
  private void fill(int vouchersPerMonth) {
    for (int t = 0; t < 11; t++) {
      String township9 = "520122" + String.format("%03d", 100 + t);
      int villages = t < 7 ? 15 : 14; // 7 × 15 + 4 × 14 = 161
      for (int v = 0; v < villages; v++) {
        String village = township9 + String.format("%03d", v + 1);
        var vouchers = new ArrayList<Object[]>();
        var lines = new ArrayList<Object[]>();
        var steps = new ArrayList<Object[]>();
        var publications = new ArrayList<Object[]>();
        var anomalies = new ArrayList<Object[]>();
        var evidence = new ArrayList<Object[]>();
        var objections = new ArrayList<Object[]>();
        for (int m = 1; m <= 12; m++) {
          String period = String.format("2026-%02d", m);
          for (int n = 0; n < vouchersPerMonth; n++) {
            String id = String.format("BV-%s-%s-%03d", village, period, n);
            String tx = UUID.randomUUID().toString().replace("-", "");
            long fen = 10_000L * (1 + (n * 37 % 500));
            vouchers.add(
                new Object[] {
                  id,
                  village,
                  township9 + "000",
                  period,
                  period + "-15",
                  "日常支出 " + n,
                  fen,
                  n % 20 == 0 ? "REJECTED" : "POSTED",
                  "供应商" + (n % 9),
                  tx,
                  1000L + n,
                  "0".repeat(64),
                  "{}"
                });
            lines.add(new Object[] {id, 0, "513", fen, 0L, null});
            lines.add(new Object[] {id, 1, "10201", 0L, fen, "供应商" + (n % 9)});
            String[] statuses = {
              "DRAFT", "SUBMITTED", n % 20 == 0 ? "REJECTED" : "APPROVED", "POSTED"
            };
            for (int s = 0; s < (n % 20 == 0 ? 3 : 4); s++) {
              steps.add(
                  new Object[] {id, s, statuses[s], "TownshipOrgMSP/X", tx + s, period + "-15"});
            }
          }
          for (int p = 0; p < 16; p++) {
            String id = String.format("BP-%s-%s-%02d", village, period, p);
            publications.add(
                new Object[] {
                  id,
                  village,
                  township9 + "000",
                  "XF-SANWU",
                  "CAIW",
                  String.format("CAIW-%02d", p + 1),
                  period,
                  "公开 " + p,
                  "0".repeat(64),
                  period + "-28",
                  p % 10 == 0,
                  "x",
                  UUID.randomUUID().toString(),
                  2000L,
                  "0".repeat(64),
                  "{}"
                });
          }
          for (int a = 0; a < 2; a++) {
            anomalies.add(
                new Object[] {
                  village, period, a, township9 + "000", "PAYMENT_WITHOUT_CONTRACT", "d", 600000L
                });
            evidence.add(
                new Object[] {
                  village, period, a, "voucher", String.format("BV-%s-%s-%03d", village, period, a)
                });
          }
          for (int o = 0; o < 3; o++) {
            objections.add(
                new Object[] {
                  String.format("BO-%s-%s-%d", village, period, o),
                  String.format("BP-%s-%s-00", village, period),
                  village,
                  township9 + "000",
                  "问题",
                  o == 0 ? "OPEN" : "ANSWERED",
                  period + "-20",
                  UUID.randomUUID().toString(),
                  3000L,
                  "0".repeat(64),
                  "{}"
                });
          }
        }
        jdbc.batchUpdate(
            "insert into fin_voucher (voucher_id, village, township, period, voucher_date, summary,"
                + " total_fen, status, counterparty, tx_id, block_number, value_sha256, value_json)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            vouchers);
        jdbc.batchUpdate(
            "insert into fin_voucher_line (voucher_id, line_no, account, debit_fen, credit_fen,"
                + " counterparty) values (?, ?, ?, ?, ?, ?)",
            lines);
        jdbc.batchUpdate(
            "insert into fin_voucher_step (voucher_id, step_no, status, party, tx_id, step_time)"
                + " values (?, ?, ?, ?, ?, ?)",
            steps);
        jdbc.batchUpdate(
            "insert into fin_publication (publication_id, village, township, catalogue_id,"
                + " category_code, item_code, period, title, content_sha256, due_on, late,"
                + " published_at, tx_id, block_number, value_sha256, value_json)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            publications);
        jdbc.batchUpdate(
            "insert into fin_anomaly (village, period, anomaly_no, township, rule, detail,"
                + " amount_fen) values (?, ?, ?, ?, ?, ?, ?)",
            anomalies);
        jdbc.batchUpdate(
            "insert into fin_anomaly_evidence (village, period, anomaly_no, record_type, record_id)"
                + " values (?, ?, ?, ?, ?)",
            evidence);
        jdbc.batchUpdate(
            "insert into fin_objection (objection_id, publication_id, village, township, question,"
                + " status, filed_at, tx_id, block_number, value_sha256, value_json)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            objections);
        var batches = new ArrayList<Object[]>();
        var events = new ArrayList<Object[]>();
        for (int b = 0; b < 50; b++) {
          String batchId = "BB-" + village + "-" + b;
          batches.add(
              new Object[] {
                batchId,
                "贡米",
                "粮食",
                village,
                township9 + "000",
                "P-" + village,
                "ACTIVE",
                UUID.randomUUID().toString(),
                4000L,
                "0".repeat(64),
                "{}"
              });
          for (int e = 0; e < 4; e++) {
            events.add(
                new Object[] {
                  batchId + "-E" + e,
                  batchId,
                  (long) e,
                  "packing",
                  UUID.randomUUID().toString(),
                  4000L,
                  "0".repeat(64),
                  "{}"
                });
          }
        }
        jdbc.batchUpdate(
            "insert into tr_batch (batch_id, product_name, product_category, origin_region,"
                + " township, producer_id, status, tx_id, block_number, value_sha256, value_json)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            batches);
        new FinanceRows(jdbc).refreshFigures(village);
        jdbc.batchUpdate(
            "insert into tr_event (event_id, batch_id, seq, biz_step, tx_id, block_number,"
                + " value_sha256, value_json) values (?, ?, ?, ?, ?, ?, ?, ?)",
            events);
      }
    }
  }
}
