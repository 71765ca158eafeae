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

@WebMvcTest(FinanceRegistersController.class)
@Import(WebSlice.class)
@TestPropertySource(properties = "xl.data.dir=target/test-data/web-slice")
@DisplayName("The finance registers API")
class FinanceRegistersControllerTest {

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

  private Proposal evaluated() {
    ArgumentCaptor<Proposal> proposal = ArgumentCaptor.forClass(Proposal.class);
    verify(ledger).evaluate(eq(WebSlice.PRODUCER), proposal.capture());
    return proposal.getValue();
  }

  private void answers(String json) {
    when(ledger.submit(eq(WebSlice.PRODUCER), any()))
        .thenReturn(new Submitted("tx-1", 7, json.getBytes(StandardCharsets.UTF_8)));
  }

  @Nested
  @DisplayName("co-operative members")
  class Members {

    @Test
    @DisplayName("send the member's personal data and a salt only as transient data")
    void personalDataTransient() throws Exception {
      answers("{\"memberId\":\"M-001\",\"shares\":3}");
      mvc.perform(
              post("/api/v1/finance/cooperatives/COOP-1/members")
                  .with(user("bookkeeper"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      """
                      {"memberId":"M-001","shares":3,"joinedOn":"2020-06-01",
                       "person":{"name":"李四","phone":"13900000000",
                                 "idNumber":"11010519491231002X"}}"""))
          .andExpect(status().isCreated())
          .andExpect(jsonPath("$.record.memberId").value("M-001"));

      Proposal proposal = submitted();
      assertThat(proposal.transaction()).isEqualTo("registerMember");
      assertThat(proposal.arguments().getFirst())
          .contains("\"cooperativeId\":\"COOP-1\"", "\"shares\":3")
          .doesNotContain("李四", "13900000000", "11010519491231002X");
      assertThat(new String(proposal.transientData().get("member"), StandardCharsets.UTF_8))
          .contains("李四");
      assertThat(proposal.transientData().get("member.salt")).hasSize(32);
    }

    @Test
    @DisplayName("refuse zero shares or a malformed ID number before the ledger sees them")
    void shape() throws Exception {
      mvc.perform(
              post("/api/v1/finance/cooperatives/COOP-1/members")
                  .with(user("bookkeeper"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      """
                      {"memberId":"M-001","shares":0,"joinedOn":"2020-06-01",
                       "person":{"name":"李四","phone":"13900000000","idNumber":"123"}}"""))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
      verify(ledger, never()).submit(any(), any());
    }
  }

  @Nested
  @DisplayName("funds and dividends")
  class Funds {

    @Test
    @DisplayName("a reconciliation takes the fund account from the URL")
    void reconcile() throws Exception {
      answers("{\"reconciliationId\":\"R1\",\"matched\":true}");
      mvc.perform(
              post("/api/v1/finance/fund-accounts/FUND-1/reconciliations")
                  .with(user("bookkeeper"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      "{\"reconciliationId\":\"R1\",\"asOf\":\"2025-12-31\",\"statementFen\":750000}"))
          .andExpect(status().isCreated())
          .andExpect(jsonPath("$.record.matched").value(true));
      assertThat(submitted().arguments().getFirst())
          .isEqualTo(
              "{\"reconciliationId\":\"R1\",\"fundAccountId\":\"FUND-1\",\"asOf\":\"2025-12-31\","
                  + "\"statementFen\":750000}");
    }

    @Test
    @DisplayName("a dividend names the co-operative from the URL and the voucher behind it")
    void dividend() throws Exception {
      answers("{\"distributionId\":\"D1\"}");
      mvc.perform(
              post("/api/v1/finance/cooperatives/COOP-1/distributions")
                  .with(user("bookkeeper"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      "{\"distributionId\":\"D1\",\"year\":\"2025\",\"totalFen\":100000,"
                          + "\"voucherId\":\"V-DIV\"}"))
          .andExpect(status().isCreated());
      assertThat(submitted().arguments().getFirst())
          .contains("\"cooperativeId\":\"COOP-1\"", "\"voucherId\":\"V-DIV\"", "\"year\":\"2025\"");
    }

    @ParameterizedTest(name = "{0} is HTTP {1}")
    @CsvSource({
      "FUND_ACCOUNT_NOT_FOUND, 404",
      "COOPERATIVE_NOT_FOUND, 404",
      "AMOUNT_INVALID, 422",
      "INVALID_STATE, 409"
    })
    @DisplayName("contract codes become problems with their status")
    void codes(String code, int httpStatus) throws Exception {
      when(ledger.submit(eq(WebSlice.PRODUCER), any()))
          .thenThrow(
              new LedgerException(
                  LedgerException.Stage.ENDORSE, code, code + ": rejected", null, null));
      mvc.perform(
              post("/api/v1/finance/cooperatives/COOP-1/distributions")
                  .with(user("bookkeeper"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      "{\"distributionId\":\"D1\",\"year\":\"2025\",\"totalFen\":100000,"
                          + "\"voucherId\":\"V-DIV\"}"))
          .andExpect(status().is(httpStatus))
          .andExpect(jsonPath("$.code").value(code));
    }
  }

  @Nested
  @DisplayName("general ledger")
  class GeneralLedger {

    @Test
    @DisplayName("evaluates finance:generalLedger as the user for a year and an account")
    void query() throws Exception {
      when(ledger.evaluate(eq(WebSlice.PRODUCER), any()))
          .thenReturn("{\"year\":\"2025\",\"accounts\":[]}".getBytes(StandardCharsets.UTF_8));
      mvc.perform(
              get("/api/v1/finance/villages/520122100201/general-ledger")
                  .param("year", "2025")
                  .param("account", "102")
                  .with(user("auditor")))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.year").value("2025"));
      Proposal proposal = evaluated();
      assertThat(proposal.transaction()).isEqualTo("generalLedger");
      assertThat(proposal.arguments())
          .containsExactly("{\"village\":\"520122100201\",\"year\":\"2025\",\"account\":\"102\"}");
    }

    @Test
    @DisplayName("refuses a malformed year before the ledger sees it")
    void badYear() throws Exception {
      mvc.perform(
              get("/api/v1/finance/villages/520122100201/general-ledger")
                  .param("year", "25")
                  .with(user("auditor")))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
      verify(ledger, never()).evaluate(any(), any());
    }
  }

  @Nested
  @DisplayName("contracts, assets and resources")
  class Registers {

    @Test
    @DisplayName("a contract with its schedule goes to finance:registerContract as sent")
    void contract() throws Exception {
      answers("{\"contractId\":\"HT-1\"}");
      mvc.perform(
              post("/api/v1/finance/contracts")
                  .with(user("bookkeeper"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      """
                      {"contractId":"HT-1","village":"520122100201","direction":"INCOME",
                       "counterparty":"某合作社","subject":"集体土地出租","startDate":"2025-01-01",
                       "endDate":"2025-12-31","amountFen":90000,
                       "schedule":[{"dueOn":"2025-06-30","amountFen":90000}],
                       "documentSha256":"%s"}"""
                          .formatted("b".repeat(64))))
          .andExpect(status().isCreated());
      Proposal proposal = submitted();
      assertThat(proposal.transaction()).isEqualTo("registerContract");
      assertThat(proposal.arguments().getFirst())
          .contains("\"schedule\":[{\"dueOn\":\"2025-06-30\",\"amountFen\":90000}]")
          .doesNotContain("decisionId");
    }

    @Test
    @DisplayName("a contract without a schedule is refused before the ledger sees it")
    void contractShape() throws Exception {
      mvc.perform(
              post("/api/v1/finance/contracts")
                  .with(user("bookkeeper"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      """
                      {"contractId":"HT-1","village":"520122100201","direction":"INCOME",
                       "counterparty":"某合作社","subject":"集体土地出租","startDate":"2025-01-01",
                       "endDate":"2025-12-31","amountFen":90000,"schedule":[],
                       "documentSha256":"%s"}"""
                          .formatted("b".repeat(64))))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.field").value("schedule"));
      verify(ledger, never()).submit(any(), any());
    }

    @Test
    @DisplayName("a disposal takes the asset id from the URL")
    void disposal() throws Exception {
      answers("{\"assetId\":\"ZC-1\",\"status\":\"DISPOSED\"}");
      mvc.perform(
              post("/api/v1/finance/assets/ZC-1/disposal")
                  .with(user("bookkeeper"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"disposedOn\":\"2025-10-01\",\"reason\":\"报废\"}"))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.record.status").value("DISPOSED"));
      assertThat(submitted().arguments().getFirst())
          .isEqualTo("{\"assetId\":\"ZC-1\",\"disposedOn\":\"2025-10-01\",\"reason\":\"报废\"}");
    }

    @Test
    @DisplayName("contract warnings are a read of the books, signed as the user")
    void warnings() throws Exception {
      when(ledger.evaluate(eq(WebSlice.PRODUCER), any()))
          .thenReturn("{\"warnings\":[]}".getBytes(StandardCharsets.UTF_8));
      mvc.perform(
              get("/api/v1/finance/villages/520122100201/contract-warnings").with(user("auditor")))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.warnings").isArray());
      assertThat(evaluated().transaction()).isEqualTo("contractWarnings");
    }
  }
}
