package cn.xianglian.app.projection;

import static cn.xianglian.app.projection.LedgerCounts.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.xianglian.ledger.LedgerClient;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

/**
 * The server-rendered pages over the projected demo dataset, as the demo users: who sees what (403
 * pages outside role and region), unknown ids (404 pages), the producer's form with CSRF and
 * Chinese validation messages, the public history and verification pages, and the access log.
 */
@DisplayName("Pages")
class WebPagesTest extends DemoLedgerContext {

  private static final String AUDITOR = "county-auditor";
  private static final String PRODUCER = "coop-yongjing";
  private static final String TOWNSHIP = "wenquan-station";

  @Autowired WebApplicationContext context;
  @Autowired LedgerClient ledger;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;

  MockMvc mvc;

  @BeforeEach
  void setUp() {
    mvc =
        MockMvcBuilders.webAppContextSetup(context)
            .apply(SecurityMockMvcConfigurers.springSecurity())
            .build();
    catchUp();
  }

  private void catchUp() {
    var projector = new BlockProjector(jdbc, transactions, BlockProjector.MidBlockHook.NONE);
    if (projector.checkpoint().lastBlock() == ledger.height() - 1) {
      return;
    }
    try (var runner = new ProjectionRunner(ledger, projector, null)) {
      runner.start();
      await("projection", () -> runner.checkpoint() == ledger.height() - 1);
    }
  }

  @Nested
  @DisplayName("login")
  class Login {

    @Test
    @DisplayName("a page needs a login: anonymous users are sent to the login form")
    void anonymousIsRedirected() throws Exception {
      MvcResult result = mvc.perform(get("/web/audit")).andReturn();
      assertThat(result.getResponse().getStatus()).isEqualTo(302);
      assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login");
    }

    @Test
    @DisplayName("the form logs a demo user in and lands on their own page")
    void formLogin_() throws Exception {
      MvcResult result =
          mvc.perform(formLogin("/login").user(PRODUCER).password("Xifeng-2026")).andReturn();
      assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/web");
      assertThat(body(get("/web").with(user(PRODUCER)), 302)).isEmpty();
    }

    @Test
    @DisplayName("a login without the CSRF token is refused")
    void loginNeedsCsrf() throws Exception {
      MvcResult result =
          mvc.perform(post("/login").param("username", PRODUCER).param("password", "Xifeng-2026"))
              .andReturn();
      assertThat(result.getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    @DisplayName("the login page is Chinese by default and English with ?lang=en")
    void languages() throws Exception {
      assertThat(body(get("/login"), 200)).contains("用户名");
      assertThat(body(get("/login").param("lang", "en"), 200)).contains("User name");
    }
  }

  @Nested
  @DisplayName("the county overview")
  class Audit {

    @Test
    @DisplayName("shows per township recalls and warnings, each a link to its records")
    void overview() throws Exception {
      String page = body(get("/web/audit").with(user(AUDITOR)), 200);
      assertThat(page).contains("溯源监管总览").contains("/web/audit/recalls?township=5201221");
    }

    @Test
    @DisplayName("drills from a recall figure to its ledger transaction and a proof link")
    void drillDown() throws Exception {
      String township =
          jdbc.queryForObject(
              "select b.township from tr_recall r join tr_batch b on b.batch_id = r.batch_id"
                  + " where r.recall_id = 'ZH-520122-2026-001'",
              String.class);
      String txId =
          jdbc.queryForObject(
              "select tx_id from tr_recall where recall_id = 'ZH-520122-2026-001'", String.class);
      String page =
          body(get("/web/audit/recalls").param("township", township).with(user(AUDITOR)), 200);
      assertThat(page)
          .contains("ZH-520122-2026-001")
          .contains(txId)
          .contains("/public/verify/recall/ZH-520122-2026-001")
          .contains("在账本上核验");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {PRODUCER, TOWNSHIP})
    @DisplayName("is a 403 page for producers and township users")
    void deniedOutsideTheRole(String username) throws Exception {
      assertThat(body(get("/web/audit").with(user(username)), 403)).contains("无权查看");
      assertThat(
              body(
                  get("/web/audit/recalls").param("township", "520122101000").with(user(username)),
                  403))
          .contains("无权查看");
    }

    @Test
    @DisplayName("is a 403 page for a township outside the auditor's region, 404 for unknown kinds")
    void outsideTheRegion() throws Exception {
      body(get("/web/audit/recalls").param("township", "520111001000").with(user(AUDITOR)), 403);
      assertThat(
              body(
                  get("/web/audit/spaceships")
                      .param("township", "520122101000")
                      .with(user(AUDITOR)),
                  404))
          .contains("不存在");
    }
  }

  @Nested
  @DisplayName("the producer's pages")
  class Producer {

    @Test
    @DisplayName("list only the producer's own batches")
    void myBatches() throws Exception {
      String page = body(get("/web/my/batches").with(user(PRODUCER)), 200);
      assertThat(page).contains("XF-GM-2026-001").doesNotContain("XF-PG-2026-001");
    }

    @Test
    @DisplayName("are a 403 page for anyone but a producer")
    void deniedToOthers() throws Exception {
      body(get("/web/my/batches").with(user(AUDITOR)), 403);
      body(get("/web/my/batches/new").with(user(TOWNSHIP)), 403);
    }

    @Test
    @DisplayName("the form refuses a post without the CSRF token")
    void formNeedsCsrf() throws Exception {
      body(post("/web/my/batches").with(user(PRODUCER)).param("batchId", "WEB-1"), 403);
    }

    @Test
    @DisplayName("the form answers bad input with Chinese messages and writes nothing")
    void validation() throws Exception {
      long height = ledger.height();
      String page =
          body(
              post("/web/my/batches")
                  .with(user(PRODUCER))
                  .with(csrf())
                  .param("batchId", "坏 id")
                  .param("productCode", "rice")
                  .param("amount", "0")
                  .param("producedAt", "2999-01-01T08:00"),
              200);
      assertThat(page)
          .contains("批次号只能包含字母")
          .contains("请填写产品名称")
          .contains("产品编码格式为 XL-")
          .contains("数量必须大于 0")
          .contains("生产时间不能晚于现在");
      assertThat(ledger.height()).isEqualTo(height);
    }

    @Test
    @DisplayName("the form registers a batch on the ledger as the producer, then lists it")
    void register() throws Exception {
      String batchId = "WEB-" + System.nanoTime();
      var logger =
          (ch.qos.logback.classic.Logger)
              org.slf4j.LoggerFactory.getLogger(cn.xianglian.app.system.TraceLedger.class);
      var logged =
          new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
      logged.start();
      logger.addAppender(logged);
      MvcResult result;
      try {
        result =
            mvc.perform(
                    post("/web/my/batches")
                        .with(user(PRODUCER))
                        .with(csrf())
                        .param("batchId", batchId)
                        .param("productName", "息烽贡米")
                        .param("category", "粮食")
                        .param("productCode", "XL-RICE")
                        .param("amount", "800")
                        .param("uom", "KGM")
                        .param("site", "5号田")
                        .param("productionType", "PLANTING")
                        .param("producedAt", "2026-10-01T08:00"))
                .andReturn();
      } finally {
        logger.detachAppender(logged);
      }
      assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/web/my/batches");
      Object txId = result.getFlashMap().get("txId");
      assertThat(txId).isNotNull();
      // The commit's log line carries the tx id in the MDC (structured logs show it as a field).
      assertThat(logged.list)
          .anyMatch(
              event ->
                  txId.equals(event.getMDCPropertyMap().get("txId"))
                      && event.getFormattedMessage().contains("trace:createBatch"));
      catchUp();
      assertThat(
              jdbc.queryForObject(
                  "select producer_id from tr_batch where batch_id = ?", String.class, batchId))
          .isEqualTo("P-520122-0001");
      assertThat(body(get("/web/my/batches").with(user(PRODUCER)), 200)).contains(batchId);
    }
  }

  @Nested
  @DisplayName("the public pages")
  class Public {

    @Test
    @DisplayName("show a batch's history without login, each record with a proof link")
    void batchHistory() throws Exception {
      String page = body(get("/public/batches/XF-GM-2026-001"), 200);
      assertThat(page)
          .contains("XF-GM-2026-001")
          .contains("/public/verify/event/XF-GM-2026-001:commissioning")
          .contains("在账本上核验");
      assertThat(body(get("/public/batches/XF-GM-2026-001").param("lang", "en"), 200))
          .contains("Verify on the ledger");
    }

    @Test
    @DisplayName("answer unknown ids with a 404 page")
    void unknown() throws Exception {
      assertThat(body(get("/public/batches/NO-SUCH-BATCH"), 404)).contains("不存在");
      body(get("/public/verify/batch/NO-SUCH-BATCH"), 404);
      body(get("/public/verify/spaceship/X"), 404);
    }

    @Test
    @DisplayName("the verify page says 已在账本上核验, and 已被篡改 once the row is changed in SQL")
    void verifyPage() throws Exception {
      assertThat(body(get("/public/verify/batch/XF-MHT-2026-001"), 200)).contains("已在账本上核验");
      jdbc.update("update tr_batch set quantity_amount = '1' where batch_id = 'XF-MHT-2026-001'");
      try {
        assertThat(body(get("/public/verify/batch/XF-MHT-2026-001"), 200)).contains("已被篡改");
      } finally {
        try (var runner =
            new ProjectionRunner(
                ledger,
                new BlockProjector(jdbc, transactions, BlockProjector.MidBlockHook.NONE),
                null)) {
          runner.rebuild();
          await("rebuild", () -> runner.checkpoint() == ledger.height() - 1);
        }
      }
    }

    @Test
    @DisplayName("every read is written to the access log")
    void accessLog() throws Exception {
      long before = count();
      body(get("/public/batches/XF-GM-2026-001"), 200);
      body(get("/web/my/batches").with(user(PRODUCER)), 200);
      assertThat(count()).isEqualTo(before + 2);
      assertThat(
              jdbc.queryForObject(
                  "select username from xl_access_log where page = '/web/my/batches'"
                      + " order by id desc limit 1",
                  String.class))
          .isEqualTo(PRODUCER);
    }

    private long count() {
      return jdbc.queryForObject("select count(*) from xl_access_log", Long.class);
    }
  }

  @Nested
  @DisplayName("the exports")
  class Exports {

    @Test
    @DisplayName("CSV of the county's batches: a header and one row per projected batch")
    void batchesCsv() throws Exception {
      MvcResult result =
          mvc.perform(get("/web/export/batches.csv").with(user(AUDITOR))).andReturn();
      assertThat(result.getResponse().getStatus()).isEqualTo(200);
      assertThat(result.getResponse().getContentType()).startsWith("text/csv");
      String csv = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
      var lines = csv.lines().toList();
      assertThat(lines.getFirst())
          .isEqualTo(
              "\uFEFFbatch_id,product_name,product_category,"
                  + "product_code,quantity_amount,quantity_uom,origin_region,township,producer_id,status,"
                  + "produced_at,tx_id,block_number,value_sha256");
      long batches = jdbc.queryForObject("select count(*) from tr_batch", Long.class);
      assertThat(lines).hasSize((int) batches + 1);
      assertThat(csv).contains("XF-GM-2026-001,").contains("贡米");
    }

    @Test
    @DisplayName("XLSX of the ledger transactions reads back with one row per transaction")
    void transactionsXlsx() throws Exception {
      MvcResult result =
          mvc.perform(get("/web/export/transactions.xlsx").with(user(AUDITOR))).andReturn();
      assertThat(result.getResponse().getStatus()).isEqualTo(200);
      try (var workbook =
          new org.apache.poi.xssf.usermodel.XSSFWorkbook(
              new java.io.ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
        var sheet = workbook.getSheetAt(0);
        long transactions = jdbc.queryForObject("select count(*) from xl_transaction", Long.class);
        assertThat(sheet.getPhysicalNumberOfRows()).isEqualTo((int) transactions + 1);
        assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("tx_id");
        long firstBlock =
            jdbc.queryForObject("select min(block_number) from xl_transaction", Long.class);
        assertThat(sheet.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(firstBlock);
      }
    }

    @Test
    @DisplayName("a producer exports only its own batches, and not the transactions (403)")
    void producerScope() throws Exception {
      String csv = body(get("/web/export/batches.csv").with(user(PRODUCER)), 200);
      long own =
          jdbc.queryForObject(
              "select count(*) from tr_batch where producer_id = 'P-520122-0001'", Long.class);
      assertThat(csv.lines()).hasSize((int) own + 1);
      assertThat(csv).doesNotContain("XF-PG-2026-001");
      body(get("/web/export/transactions.csv").with(user(PRODUCER)), 403);
      body(get("/web/export/batches.pdf").with(user(AUDITOR)), 404);
      body(get("/web/export/batches.csv").with(user(TOWNSHIP)), 403);
    }
  }

  private String body(RequestBuilder request, int status) throws Exception {
    MvcResult result = mvc.perform(request).andReturn();
    String text = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(result.getResponse().getStatus()).as(text).isEqualTo(status);
    return text;
  }
}
