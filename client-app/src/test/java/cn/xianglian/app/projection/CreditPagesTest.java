package cn.xianglian.app.projection;

import static cn.xianglian.app.projection.LedgerCounts.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.xianglian.ledger.LedgerClient;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

/** The producer credit pages over the projected demo ledger: scores, explanations, denials. */
@DisplayName("Credit pages")
class CreditPagesTest extends DemoLedgerContext {

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
    var projector = new BlockProjector(jdbc, transactions, BlockProjector.MidBlockHook.NONE);
    if (projector.checkpoint().lastBlock() != ledger.height() - 1) {
      try (var runner = new ProjectionRunner(ledger, projector, null)) {
        runner.start();
        await("projection", () -> runner.checkpoint() == ledger.height() - 1);
      }
    }
  }

  @Test
  @DisplayName("the auditor sees every producer's score; the recalled producer's page explains it")
  void auditor() throws Exception {
    assertThat(body(get("/web/credit").with(user("county-auditor")), 200))
        .contains("P-520122-0001")
        .contains("P-520122-0004");
    String recalled =
        jdbc.queryForObject(
            "select b.producer_id from tr_recall r join tr_batch b on b.batch_id = r.batch_id"
                + " where r.recall_id = 'ZH-520122-2026-001'",
            String.class);
    String page = body(get("/web/credit/" + recalled).with(user("county-auditor")), 200);
    assertThat(page)
        .contains("RECALLED")
        .contains("-20")
        .contains("/public/verify/recall/ZH-520122-2026-001");
  }

  @Test
  @DisplayName("a producer sees its own score and no one else's")
  void producer() throws Exception {
    assertThat(body(get("/web/credit/P-520122-0001").with(user("coop-yongjing")), 200))
        .contains("信用分");
    body(get("/web/credit/P-520122-0002").with(user("coop-yongjing")), 403);
    body(get("/web/credit").with(user("coop-yongjing")), 403);
  }

  @Test
  @DisplayName("a township sees only its own producers; unknown producers are 404")
  void regionAndUnknown() throws Exception {
    String wenquan = body(get("/web/credit").with(user("wenquan-station")), 200);
    assertThat(wenquan).contains("P-520122-0002").doesNotContain("P-520122-0001");
    body(get("/web/credit/P-520122-0001").with(user("wenquan-station")), 403);
    body(get("/web/credit/P-NOPE").with(user("county-auditor")), 404);
    body(get("/web/credit").with(user("village-bookkeeper")), 403);
  }

  private String body(RequestBuilder request, int status) throws Exception {
    MvcResult result = mvc.perform(request).andReturn();
    String text = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(result.getResponse().getStatus()).as(text).isEqualTo(status);
    return text;
  }
}
