package cn.xianglian.app.projection;

import static cn.xianglian.app.projection.LedgerCounts.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.xianglian.ledger.LedgerClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

/**
 * The finance pages (三资) over the projected demo ledger, as the demo users: the auditor's
 * cross-village overview and its drill-down to ledger transactions, who is refused which page (role
 * and region), unknown ids, the village committee publishing a disclosure and answering an
 * objection (with Chinese validation messages), and the public page that shows and verifies it.
 */
@DisplayName("Finance pages")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FinancePagesTest extends DemoLedgerContext {

  private static final String VILLAGE = "520122100201";
  private static final String AUDITOR = "county-auditor";
  private static final String NONGJING = "yongjing-nongjing";
  private static final String OTHER_TOWNSHIP = "wenquan-station";
  private static final String BOOKKEEPER = "village-bookkeeper";
  private static final String VILLAGER = "villager-demo";
  private static final String PRODUCER = "coop-yongjing";

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
  @DisplayName("the projection")
  class Projection {

    @Test
    @DisplayName(
        "holds the demo vouchers with their lines and steps, each step's transaction known")
    void vouchers() {
      assertThat(count("select count(*) from fin_voucher where village = ?", VILLAGE)).isEqualTo(3);
      assertThat(count("select count(*) from fin_voucher_line")).isGreaterThanOrEqualTo(6);
      assertThat(
              count(
                  "select count(*) from fin_voucher_step s left join xl_transaction t"
                      + " on t.tx_id = s.tx_id where t.tx_id is null"))
          .isZero();
      assertThat(count("select count(*) from fin_publication where village = ?", VILLAGE))
          .isGreaterThanOrEqualTo(1);
    }

    @Test
    @DisplayName("finds the anomalies the contract's own query finds for the demo month")
    void anomaliesAgreeWithTheContract() throws Exception {
      String fromLedger =
          body(
              get("/api/v1/finance/villages/" + VILLAGE + "/anomalies")
                  .param("period", "2026-10")
                  .with(user(AUDITOR)),
              200);
      List<String> projected =
          jdbc.queryForList(
              "select rule from fin_anomaly where village = ? and period = '2026-10'"
                  + " order by anomaly_no",
              String.class,
              VILLAGE);
      for (String rule : projected) {
        assertThat(fromLedger).contains("\"" + rule + "\"");
      }
      assertThat(fromLedger.split("\"rule\"", -1).length - 1).isEqualTo(projected.size());
    }
  }

  @Nested
  @DisplayName("the auditor's overview")
  class Overview {

    @Test
    @DisplayName("shows the village's vouchers, approvals and anomalies, each a link")
    void overview() throws Exception {
      String page = body(get("/web/finance").with(user(AUDITOR)), 200);
      assertThat(page)
          .contains("三资监管总览")
          .contains("data-village=\"" + VILLAGE + "\"")
          .contains("/web/finance/vouchers?village=" + VILLAGE)
          .contains("/web/finance/anomalies?village=" + VILLAGE)
          .contains("step=APPROVED");
    }

    @Test
    @DisplayName("drills from the approvals to a voucher and its ledger transactions and blocks")
    void drillToTransactions() throws Exception {
      String list =
          body(
              get("/web/finance/vouchers")
                  .param("village", VILLAGE)
                  .param("step", "APPROVED")
                  .with(user(AUDITOR)),
              200);
      String voucherId =
          jdbc.queryForObject(
              "select min(voucher_id) from fin_voucher where village = ?", String.class, VILLAGE);
      assertThat(list).contains(voucherId);
      String page = body(get("/web/finance/vouchers/" + voucherId).with(user(AUDITOR)), 200);
      String approvalTx =
          jdbc.queryForObject(
              "select tx_id from fin_voucher_step where voucher_id = ? and status = 'APPROVED'",
              String.class,
              voucherId);
      Long block =
          jdbc.queryForObject(
              "select block_number from xl_transaction where tx_id = ?", Long.class, approvalTx);
      assertThat(page)
          .contains(approvalTx)
          .contains(">" + block + "<")
          .contains("/public/verify/voucher/" + voucherId);
    }

    @Test
    @DisplayName("the township 农经站 sees its own villages")
    void township() throws Exception {
      assertThat(body(get("/web/finance").with(user(NONGJING)), 200)).contains(VILLAGE);
      assertThat(body(get("/web/finance").with(user(OTHER_TOWNSHIP)), 200)).doesNotContain(VILLAGE);
    }
  }

  @Nested
  @DisplayName("denials")
  class Denials {

    static final String[] OVERSIGHT_PAGES = {
      "/web/finance",
      "/web/finance/vouchers?village=" + VILLAGE,
      "/web/finance/anomalies?village=" + VILLAGE,
      "/web/finance/publications?village=" + VILLAGE,
      "/web/finance/objections?village=" + VILLAGE
    };

    @ParameterizedTest(name = "{0} is refused every oversight page")
    @ValueSource(strings = {PRODUCER, BOOKKEEPER, VILLAGER})
    void roles(String username) throws Exception {
      for (String page : OVERSIGHT_PAGES) {
        assertThat(body(get(page).with(user(username)), 403)).as(page).contains("无权查看");
      }
      String voucherId = anyVoucher();
      body(get("/web/finance/vouchers/" + voucherId).with(user(username)), 403);
    }

    @Test
    @DisplayName("a township is refused another township's villages and vouchers")
    void region() throws Exception {
      for (String page : OVERSIGHT_PAGES) {
        if (!page.equals("/web/finance")) {
          body(get(page).with(user(OTHER_TOWNSHIP)), 403);
        }
      }
      body(get("/web/finance/vouchers/" + anyVoucher()).with(user(OTHER_TOWNSHIP)), 403);
    }

    @ParameterizedTest(name = "{0} is refused the village committee's pages")
    @ValueSource(strings = {AUDITOR, NONGJING, VILLAGER, PRODUCER})
    void villagePages(String username) throws Exception {
      body(get("/web/village").with(user(username)), 403);
      body(
          post("/web/village/publications")
              .param("publicationId", "X-1")
              .with(user(username))
              .with(csrf()),
          403);
    }

    @Test
    @DisplayName("anonymous users are sent to the login form; the public page needs no login")
    void anonymous() throws Exception {
      for (String page : List.of("/web/finance", "/web/village")) {
        MvcResult result = mvc.perform(get(page)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
      }
      assertThat(body(get("/public/villages/" + VILLAGE), 200)).contains("村务公开");
    }

    @Test
    @DisplayName("unknown ids and malformed villages are 404 pages")
    void unknown() throws Exception {
      assertThat(body(get("/web/finance/vouchers/NO-SUCH").with(user(AUDITOR)), 404))
          .contains("不存在");
      body(get("/web/finance/vouchers").param("village", "abc").with(user(AUDITOR)), 404);
      body(get("/web/finance/anomalies").param("village", "12").with(user(AUDITOR)), 404);
      body(
          get("/web/finance/vouchers")
              .param("village", VILLAGE)
              .param("step", "NOPE")
              .with(user(AUDITOR)),
          404);
      body(get("/public/villages/520122999999"), 404);
      body(get("/public/villages/x"), 404);
      body(get("/public/verify/voucher/NO-SUCH"), 404);
    }
  }

  @Nested
  @DisplayName("the village committee")
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class Village {

    @Test
    @Order(1)
    @DisplayName("is told in Chinese what is wrong with the form, and nothing reaches the ledger")
    void validation() throws Exception {
      long height = ledger.height();
      String page =
          body(
              post("/web/village/publications")
                  .param("publicationId", "坏 id")
                  .param("itemCode", "")
                  .param("period", "2026-13")
                  .param("title", "")
                  .param("content", "")
                  .with(user(BOOKKEEPER))
                  .with(csrf()),
              200);
      assertThat(page)
          .contains("公开编号只能包含字母")
          .contains("请选择目录事项")
          .contains("期间格式为")
          .contains("请填写标题")
          .contains("请填写公开内容");
      assertThat(ledger.height()).isEqualTo(height);
    }

    @Test
    @Order(2)
    @DisplayName("publishes a disclosure that a visitor sees with its text matching the ledger")
    void publish() throws Exception {
      MvcResult result =
          mvc.perform(
                  post("/web/village/publications")
                      .param("publicationId", "PT-PUB-1")
                      .param("itemCode", "CAIW-03")
                      .param("period", "2026-11")
                      .param("title", "2026年11月各项支出公开")
                      .param("content", "道路维修 60000.00 元；办公用品 830.00 元。")
                      .with(user(BOOKKEEPER))
                      .with(csrf()))
              .andReturn();
      assertThat(result.getResponse().getStatus())
          .as(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
          .isEqualTo(302);
      catchUp();
      String page = body(get("/public/villages/" + VILLAGE), 200);
      assertThat(page)
          .contains("PT-PUB-1")
          .contains("道路维修 60000.00 元")
          .contains("与账本哈希一致")
          .contains("/public/verify/publication/PT-PUB-1");
      assertThat(body(get("/public/verify/publication/PT-PUB-1"), 200)).contains("已在账本上核验");
    }

    @Test
    @Order(3)
    @DisplayName("a publication whose stored text was altered shows as not matching the ledger")
    void alteredText() throws Exception {
      jdbc.update(
          "update fin_publication_content set content = '道路维修 6000.00 元' where"
              + " publication_id = 'PT-PUB-1'");
      assertThat(body(get("/public/villages/" + VILLAGE), 200)).contains("与账本哈希不一致");
    }

    @Test
    @Order(4)
    @DisplayName("answers a villager's objection; an empty answer is refused in Chinese")
    void answer() throws Exception {
      body(
          post("/api/v1/finance/publications/PT-PUB-1/objections")
              .contentType(MediaType.APPLICATION_JSON)
              .content(
                  """
                  {"objectionId":"PT-OBJ-1","question":"道路维修为何花费六万元？",
                   "objector":{"name":"王五","phone":"13900000001","idNumber":"11010519491231002X"}}""")
              .with(user(VILLAGER))
              .with(csrf()),
          201);
      catchUp();
      String empty =
          body(
              post("/web/village/objections/PT-OBJ-1/answer")
                  .param("answer", "")
                  .with(user(BOOKKEEPER))
                  .with(csrf()),
              200);
      assertThat(empty).contains("请填写答复内容");
      body(
          post("/web/village/objections/PT-OBJ-1/answer")
              .param("answer", "经四议两公开决议，预算见公开附件。")
              .with(user(BOOKKEEPER))
              .with(csrf()),
          302);
      catchUp();
      assertThat(
              jdbc.queryForObject(
                  "select status from fin_objection where objection_id = 'PT-OBJ-1'", String.class))
          .isEqualTo("ANSWERED");
      body(
          post("/web/village/objections/NO-SUCH/answer")
              .param("answer", "x")
              .with(user(BOOKKEEPER))
              .with(csrf()),
          404);
    }
  }

  @Nested
  @DisplayName("the access log")
  class AccessLog {

    @Test
    @DisplayName(
        "records API reads of personal data (voucher, objections, producer) and page reads")
    void apiReads() throws Exception {
      String voucherId = anyVoucher();
      long before = count("select count(*) from xl_access_log where username = ?", AUDITOR);
      body(get("/api/v1/finance/vouchers/" + voucherId).with(user(AUDITOR)), 200);
      body(get("/api/v1/producers/P-520122-0001").with(user(AUDITOR)), 200);
      body(get("/web/finance/vouchers/" + voucherId).with(user(AUDITOR)), 200);
      assertThat(
              jdbc.queryForList(
                  "select record_type || ':' || record_id from xl_access_log where username = ?"
                      + " order by id desc limit 3",
                  String.class,
                  AUDITOR))
          .containsExactly(
              "voucher:" + voucherId, "producer:P-520122-0001", "voucher:" + voucherId);
      assertThat(count("select count(*) from xl_access_log where username = ?", AUDITOR))
          .isEqualTo(before + 3);
    }

    @Test
    @DisplayName("a refused API read is not logged as a read")
    void refusedReadsAreNotLogged() throws Exception {
      long before = count("select count(*) from xl_access_log where username = ?", PRODUCER);
      MvcResult result =
          mvc.perform(get("/api/v1/finance/vouchers/" + anyVoucher()).with(user(PRODUCER)))
              .andReturn();
      assertThat(result.getResponse().getStatus()).isEqualTo(403);
      assertThat(count("select count(*) from xl_access_log where username = ?", PRODUCER))
          .isEqualTo(before);
    }
  }

  @Nested
  @DisplayName("PDF exports")
  class Pdf {

    @Test
    @DisplayName("the monthly disclosure lists the month's posted vouchers with their transactions")
    void monthlyDisclosure() throws Exception {
      byte[] pdf =
          pdf(get("/public/villages/" + VILLAGE + "/disclosure.pdf").param("period", "2026-10"));
      String text = text(pdf);
      for (String voucherId :
          jdbc.queryForList(
              "select voucher_id from fin_voucher where village = ? and period = '2026-10'"
                  + " and status = 'POSTED'",
              String.class,
              VILLAGE)) {
        assertThat(text).contains(voucherId);
      }
      assertThat(text).contains("2026-10").contains("514");
      assertThat(
              pdf(
                  get("/web/village/disclosure.pdf")
                      .param("period", "2026-10")
                      .with(user(BOOKKEEPER))))
          .startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    @DisplayName("the audit report lists every village of the region with its anomalies")
    void auditReport() throws Exception {
      String text = text(pdf(get("/web/finance/audit-report.pdf").with(user(AUDITOR))));
      assertThat(text).contains(VILLAGE);
      String anomalyVoucher =
          jdbc.queryForObject(
              "select min(record_id) from fin_anomaly_evidence where village = ?",
              String.class,
              VILLAGE);
      if (anomalyVoucher != null) {
        assertThat(text).contains(anomalyVoucher);
      }
    }

    @Test
    @DisplayName("is refused outside role and region; unknown villages and periods are 404")
    void denials() throws Exception {
      body(get("/web/finance/audit-report.pdf").with(user(PRODUCER)), 403);
      body(get("/web/finance/audit-report.pdf").with(user(VILLAGER)), 403);
      body(get("/web/village/disclosure.pdf").param("period", "2026-10").with(user(AUDITOR)), 403);
      body(get("/public/villages/520122999999/disclosure.pdf").param("period", "2026-10"), 404);
      body(get("/public/villages/" + VILLAGE + "/disclosure.pdf").param("period", "2026-13"), 404);
    }

    private byte[] pdf(RequestBuilder request) throws Exception {
      MvcResult result = mvc.perform(request).andReturn();
      assertThat(result.getResponse().getStatus()).isEqualTo(200);
      assertThat(result.getResponse().getContentType()).isEqualTo("application/pdf");
      return result.getResponse().getContentAsByteArray();
    }

    private String text(byte[] pdf) throws Exception {
      var reader = new org.openpdf.text.pdf.PdfReader(pdf);
      var extractor = new org.openpdf.text.pdf.parser.PdfTextExtractor(reader);
      var text = new StringBuilder();
      for (int page = 1; page <= reader.getNumberOfPages(); page++) {
        text.append(extractor.getTextFromPage(page));
      }
      reader.close();
      return text.toString();
    }
  }

  private String anyVoucher() {
    return jdbc.queryForObject(
        "select min(voucher_id) from fin_voucher where village = ?", String.class, VILLAGE);
  }

  private long count(String sql, Object... arguments) {
    Long value = jdbc.queryForObject(sql, Long.class, arguments);
    return value == null ? 0 : value;
  }

  private String body(RequestBuilder request, int status) throws Exception {
    MvcResult result = mvc.perform(request).andReturn();
    String text = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(result.getResponse().getStatus()).as(text).isEqualTo(status);
    return text;
  }
}
