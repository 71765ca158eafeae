package cn.xianglian.app.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.xianglian.app.WebSlice;
import cn.xianglian.app.identity.CallerIdentities;
import cn.xianglian.ledger.LedgerClient;
import cn.xianglian.ledger.LedgerException;
import cn.xianglian.ledger.Proposal;
import cn.xianglian.ledger.Submitted;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(FinanceController.class)
@Import(WebSlice.class)
@TestPropertySource(properties = "xl.data.dir=target/test-data/web-slice")
@DisplayName("The finance API")
class FinanceControllerTest {

  private static final String VOUCHER =
      """
      {"voucherId":"V1","village":"520122100201","date":"2026-04-10","summary":"收到租金",
       "lines":[{"account":"10201","debitFen":30000,"creditFen":0,"counterparty":"某合作社"},
                {"account":"501","debitFen":0,"creditFen":30000}]}""";

  private static final String STORED =
      """
      {"chartVersion":1,"date":"2026-04-10","lines":[],"period":"2026-04","status":"DRAFT",\
      "steps":[],"summary":"收到租金","totalFen":30000,"village":"520122100201","voucherId":"V1"}""";

  @Autowired MockMvc mvc;
  @MockitoBean LedgerClient ledger;
  @MockitoBean CallerIdentities callers;

  @BeforeEach
  void setUp() {
    when(callers.reader()).thenReturn(WebSlice.READER);
    when(callers.writer()).thenReturn(WebSlice.PRODUCER);
  }

  private Proposal submitted() {
    ArgumentCaptor<Proposal> proposal = ArgumentCaptor.forClass(Proposal.class);
    verify(ledger).submit(eq(WebSlice.PRODUCER), proposal.capture());
    return proposal.getValue();
  }

  @Nested
  @DisplayName("record voucher")
  class RecordVoucher {

    @Test
    @DisplayName("submits finance:recordVoucher as the user with amounts as integer 分")
    void submitsAsUser() throws Exception {
      when(ledger.submit(eq(WebSlice.PRODUCER), any()))
          .thenReturn(new Submitted("tx-v1", 9, STORED.getBytes(StandardCharsets.UTF_8)));

      mvc.perform(
              post("/api/v1/finance/vouchers")
                  .with(user("bookkeeper"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(VOUCHER))
          .andExpect(status().isCreated())
          .andExpect(jsonPath("$.record.status").value("DRAFT"))
          .andExpect(jsonPath("$.transaction.txId").value("tx-v1"));

      Proposal proposal = submitted();
      assertThat(proposal.contract()).isEqualTo("finance");
      assertThat(proposal.transaction()).isEqualTo("recordVoucher");
      assertThat(proposal.arguments().getFirst())
          .contains("\"debitFen\":30000")
          .contains("\"village\":\"520122100201\"")
          .doesNotContain("null")
          .doesNotContain("30000.0");
    }

    @Test
    @DisplayName("refuses a negative amount before the ledger sees it")
    void negativeAmount() throws Exception {
      mvc.perform(
              post("/api/v1/finance/vouchers")
                  .with(user("bookkeeper"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(VOUCHER.replace("\"debitFen\":30000", "\"debitFen\":-30000")))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
          .andExpect(jsonPath("$.field").value("lines[0].debitFen"));
      verify(ledger, never()).submit(any(), any());
    }

    @Test
    @DisplayName("refuses a village outside 息烽 before the ledger sees it")
    void shape() throws Exception {
      mvc.perform(
              post("/api/v1/finance/vouchers")
                  .with(user("bookkeeper"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(VOUCHER.replace("520122100201", "110105000000")))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
          .andExpect(jsonPath("$.field").value("village"));
      verify(ledger, never()).submit(any(), any());
    }
  }

  @Nested
  @DisplayName("bulk steps (批量送审、批量审核、批量记账)")
  class Bulk {

    @ParameterizedTest(name = "{0} → finance:{1}")
    @CsvSource({"submit, submitVouchers", "approve, approveVouchers", "post, postVouchers"})
    @DisplayName("submit the ids as one transaction and answer the vouchers")
    void submitsOneTransaction(String step, String transaction) throws Exception {
      when(ledger.submit(eq(WebSlice.PRODUCER), any()))
          .thenReturn(
              new Submitted("tx-b1", 12, ("[" + STORED + "]").getBytes(StandardCharsets.UTF_8)));

      mvc.perform(
              post("/api/v1/finance/voucher-batches/" + step)
                  .with(user("bookkeeper"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"voucherIds\":[\"V1\",\"V2\"]}"))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.record[0].voucherId").value("V1"))
          .andExpect(jsonPath("$.transaction.txId").value("tx-b1"));

      Proposal proposal = submitted();
      assertThat(proposal.transaction()).isEqualTo(transaction);
      assertThat(proposal.arguments()).containsExactly("{\"voucherIds\":[\"V1\",\"V2\"]}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "no id | {\"voucherIds\":[]}",
          "no list | {}",
          "a malformed id | {\"voucherIds\":[\"V1\",\"-x\"]}"
        })
    @DisplayName("refuse a bad list before the ledger sees it")
    void badList(String label, String body) throws Exception {
      mvc.perform(
              post("/api/v1/finance/voucher-batches/approve")
                  .with(user("bookkeeper"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(body))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
      verify(ledger, never()).submit(any(), any());
    }

    @Test
    @DisplayName("refuse 201 ids before the ledger sees it")
    void overTheBound() throws Exception {
      StringBuilder ids = new StringBuilder();
      for (int i = 0; i <= 200; i++) {
        ids.append(i == 0 ? "" : ",").append("\"V").append(i).append('"');
      }
      mvc.perform(
              post("/api/v1/finance/voucher-batches/post")
                  .with(user("bookkeeper"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"voucherIds\":[" + ids + "]}"))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
      verify(ledger, never()).submit(any(), any());
    }

    @Test
    @DisplayName("a voucher of the batch in a closed month: 409 PERIOD_CLOSED, the contract's code")
    void contractCode() throws Exception {
      when(ledger.submit(eq(WebSlice.PRODUCER), any()))
          .thenThrow(
              new LedgerException(
                  LedgerException.Stage.ENDORSE,
                  "PERIOD_CLOSED",
                  "PERIOD_CLOSED: voucher V2: period 2026-04 is closed",
                  null,
                  null));

      mvc.perform(
              post("/api/v1/finance/voucher-batches/submit")
                  .with(user("bookkeeper"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"voucherIds\":[\"V1\",\"V2\"]}"))
          .andExpect(status().isConflict())
          .andExpect(jsonPath("$.code").value("PERIOD_CLOSED"));
    }
  }

  @Nested
  @DisplayName("contract errors")
  class Errors {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
      "VOUCHER_UNBALANCED, 422",
      "AMOUNT_INVALID, 422",
      "DECISION_REQUIRED, 422",
      "ACCOUNT_NOT_LEAF, 422",
      "ACCOUNT_NOT_FOUND, 404",
      "CHART_NOT_FOUND, 404",
      "PERIOD_CLOSED, 409",
      "ACCESS_DENIED, 403"
    })
    @DisplayName("map the contract's code to its HTTP status and keep the code")
    void mapped(String code, int httpStatus) throws Exception {
      when(ledger.submit(eq(WebSlice.PRODUCER), any()))
          .thenThrow(
              new LedgerException(
                  LedgerException.Stage.ENDORSE, code, code + ": rejected", null, null));

      mvc.perform(
              post("/api/v1/finance/vouchers")
                  .with(user("bookkeeper"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(VOUCHER))
          .andExpect(status().is(httpStatus))
          .andExpect(jsonPath("$.code").value(code));
    }

    @Test
    @DisplayName("a township approval that the contract denies is 403 ACCESS_DENIED")
    void approveDenied() throws Exception {
      when(ledger.submit(eq(WebSlice.PRODUCER), any()))
          .thenThrow(
              new LedgerException(
                  LedgerException.Stage.ENDORSE, "ACCESS_DENIED", "denied", null, null));

      mvc.perform(post("/api/v1/finance/vouchers/V1/approve").with(user("bookkeeper")))
          .andExpect(status().isForbidden())
          .andExpect(jsonPath("$.code").value("ACCESS_DENIED"));

      Proposal proposal = submitted();
      assertThat(proposal.transaction()).isEqualTo("approveVoucher");
      assertThat(proposal.arguments()).containsExactly("{\"voucherId\":\"V1\"}");
    }
  }

  @Nested
  @DisplayName("objections")
  class Objections {

    @Test
    @DisplayName("send the villager's personal data and a salt only as transient data")
    void personalDataTransient() throws Exception {
      when(ledger.submit(eq(WebSlice.PRODUCER), any()))
          .thenReturn(
              new Submitted(
                  "tx-o1",
                  11,
                  "{\"objectionId\":\"O1\",\"status\":\"OPEN\"}".getBytes(StandardCharsets.UTF_8)));

      mvc.perform(
              post("/api/v1/finance/publications/PUB-1/objections")
                  .with(user("villager"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      """
                      {"objectionId":"O1","question":"修路款为何超出预算？",
                       "objector":{"name":"李四","phone":"13900000000",
                                   "idNumber":"11010519491231002X"}}"""))
          .andExpect(status().isCreated());

      Proposal proposal = submitted();
      assertThat(proposal.transaction()).isEqualTo("fileObjection");
      assertThat(proposal.arguments().getFirst())
          .contains("\"publicationId\":\"PUB-1\"")
          .doesNotContain("13900000000")
          .doesNotContain("李四");
      assertThat(new String(proposal.transientData().get("objector"), StandardCharsets.UTF_8))
          .contains("13900000000");
      assertThat(proposal.transientData().get("objector.salt")).hasSize(32);
    }

    @Test
    @DisplayName("refuse a malformed phone number before the ledger sees it")
    void badPhone() throws Exception {
      mvc.perform(
              post("/api/v1/finance/publications/PUB-1/objections")
                  .with(user("villager"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      """
                      {"objectionId":"O1","question":"?",
                       "objector":{"name":"李四","phone":"12345","idNumber":"11010519491231002X"}}"""))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.field").value("objector.phone"));
      verify(ledger, never()).submit(any(), any());
    }
  }

  @Nested
  @DisplayName("reads")
  class Reads {

    @Test
    @DisplayName("the trial balance signs as the logged-in user with village and period")
    void trialBalance() throws Exception {
      when(ledger.evaluate(eq(WebSlice.PRODUCER), any()))
          .thenReturn("{\"balanced\":true}".getBytes(StandardCharsets.UTF_8));

      mvc.perform(
              get("/api/v1/finance/villages/520122100201/trial-balance?period=2026-04")
                  .with(user("auditor")))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.balanced").value(true));

      ArgumentCaptor<Proposal> proposal = ArgumentCaptor.forClass(Proposal.class);
      verify(ledger).evaluate(eq(WebSlice.PRODUCER), proposal.capture());
      assertThat(proposal.getValue().arguments())
          .containsExactly("{\"village\":\"520122100201\",\"period\":\"2026-04\"}");
    }

    @Test
    @DisplayName("a period that is not a month is refused")
    void badPeriod() throws Exception {
      mvc.perform(
              get("/api/v1/finance/villages/520122100201/trial-balance?period=2026-13")
                  .with(user("auditor")))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
      verify(ledger, never()).evaluate(any(), any());
    }

    @Test
    @DisplayName("a chart is public: it signs as the reader identity")
    void chart() throws Exception {
      when(ledger.evaluate(eq(WebSlice.READER), any()))
          .thenReturn("{\"version\":1}".getBytes(StandardCharsets.UTF_8));

      mvc.perform(get("/api/v1/finance/charts/520122000000"))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.version").value(1));
    }
  }
}
