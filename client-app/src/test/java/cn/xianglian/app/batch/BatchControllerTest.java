package cn.xianglian.app.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
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
import cn.xianglian.ledger.Proposal;
import cn.xianglian.ledger.Submitted;
import cn.xianglian.ledger.TransactionInfo;
import cn.xianglian.ledger.ValidationCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(BatchController.class)
@Import(WebSlice.class)
@TestPropertySource(properties = "xl.data.dir=target/test-data/web-slice")
@DisplayName("The batch API")
class BatchControllerTest {

  private static final String BATCH_JSON =
      """
      {"batchId":"XF-1","createdAt":"2026-09-20T09:00:00+08:00","createdTxId":"tx-create",\
      "eventCount":1,"origin":{"region":"520122100000","site":"田"},"owner":"CoopOrgMSP/P-1",\
      "product":{"code":"XL-RICE","name":"贡米","category":"粮食"},"producerId":"P-1",\
      "quantity":{"amount":100,"uom":"KGM"},"status":"ACTIVE","parents":[],"children":[]}""";

  @Autowired MockMvc mvc;
  @MockitoBean LedgerClient ledger;
  @MockitoBean CallerIdentities callers;

  @BeforeEach
  void setUp() {
    when(callers.reader()).thenReturn(WebSlice.READER);
    when(callers.writer()).thenReturn(WebSlice.PRODUCER);
    when(ledger.transaction("tx-create"))
        .thenReturn(
            Optional.of(
                new TransactionInfo(
                    "tx-create",
                    7,
                    0,
                    ValidationCode.VALID,
                    "CoopOrgMSP",
                    Instant.parse("2026-09-20T01:00:00Z"),
                    "trace:createBatch")));
  }

  @Nested
  @DisplayName("create batch")
  class Create {

    @Test
    @DisplayName(
        "submits createBatch as the user's identity with the contract's JSON, times at +08:00")
    void submitsAsUser() throws Exception {
      when(ledger.submit(eq(WebSlice.PRODUCER), any()))
          .thenReturn(new Submitted("tx-create", 7, BATCH_JSON.getBytes(StandardCharsets.UTF_8)));

      mvc.perform(
              post("/api/v1/batches")
                  .with(user("coop-test"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      """
                      {"batchId":"XF-1","producerId":"P-1",
                       "product":{"code":"XL-RICE","name":"贡米","category":"粮食"},
                       "quantity":{"amount":100,"uom":"KGM"},
                       "origin":{"region":"520122100000","site":"田"},
                       "productionType":"PLANTING","producedAt":"2026-09-20T00:00:00.123Z"}"""))
          .andExpect(status().isCreated())
          .andExpect(jsonPath("$.record.batchId").value("XF-1"))
          .andExpect(jsonPath("$.record.ledger.blockNumber").value(7))
          .andExpect(jsonPath("$.record.ledger.mspId").value("CoopOrgMSP"))
          .andExpect(jsonPath("$.transaction.txId").value("tx-create"))
          .andExpect(jsonPath("$.transaction.blockNumber").value(7));

      ArgumentCaptor<Proposal> proposal = ArgumentCaptor.forClass(Proposal.class);
      verify(ledger).submit(eq(WebSlice.PRODUCER), proposal.capture());
      assertThat(proposal.getValue().function()).isEqualTo("trace:createBatch");
      assertThat(proposal.getValue().arguments())
          .containsExactly(
              "{\"batchId\":\"XF-1\",\"producerId\":\"P-1\",\"product\":{\"code\":\"XL-RICE\","
                  + "\"name\":\"贡米\",\"category\":\"粮食\"},\"quantity\":{\"amount\":100,"
                  + "\"uom\":\"KGM\"},\"origin\":{\"region\":\"520122100000\",\"site\":\"田\"},"
                  + "\"productionType\":\"PLANTING\",\"producedAt\":\"2026-09-20T08:00:00+08:00\"}");
    }
  }

  @Nested
  @DisplayName("record event")
  class RecordEvent {

    @Test
    @DisplayName("puts the path's batch id into the argument and keeps input-use details")
    void inputUse() throws Exception {
      when(ledger.submit(any(), any()))
          .thenReturn(
              new Submitted(
                  "tx-e",
                  8,
                  "{\"eventId\":\"E1\",\"batchId\":\"XF-1\",\"seq\":1,\"txId\":\"tx-e\"}"
                      .getBytes(StandardCharsets.UTF_8)));

      mvc.perform(
              post("/api/v1/batches/XF-1/events")
                  .with(user("coop-test"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      """
                      {"eventId":"E1","bizStep":"xl:pesticide_applying",
                       "eventTime":"2026-07-01T09:30:00+08:00",
                       "readPoint":{"region":"520122100000","site":"田"},
                       "detail":{"input":{"category":"PESTICIDE","productName":"吡虫啉",
                         "registrationNo":"PD20090001","dose":{"amount":300,"uom":"GRM"},
                         "appliedOn":"2026-07-01","safeIntervalDays":14}}}"""))
          .andExpect(status().isCreated())
          .andExpect(jsonPath("$.record.eventId").value("E1"))
          .andExpect(jsonPath("$.transaction.blockNumber").value(8));

      ArgumentCaptor<Proposal> proposal = ArgumentCaptor.forClass(Proposal.class);
      verify(ledger).submit(any(), proposal.capture());
      assertThat(proposal.getValue().function()).isEqualTo("trace:recordEvent");
      assertThat(proposal.getValue().arguments().getFirst())
          .contains("\"batchId\":\"XF-1\"")
          .contains("\"registrationNo\":\"PD20090001\"")
          .contains("\"appliedOn\":\"2026-07-01\"")
          .contains("\"safeIntervalDays\":14")
          .doesNotContain("null");
    }

    @Test
    @DisplayName("refuses a bizStep that has its own transaction before the ledger sees it")
    void dedicatedStep() throws Exception {
      mvc.perform(
              post("/api/v1/batches/XF-1/events")
                  .with(user("coop-test"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      """
                      {"eventId":"E1","bizStep":"shipping","eventTime":"2026-07-01T09:30:00+08:00",
                       "readPoint":{"region":"520122100000","site":"田"}}"""))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
          .andExpect(jsonPath("$.field").value("bizStep"));
    }

    @Test
    @DisplayName("refuses an inspection report hash that is not 64 hex digits")
    void reportHash() throws Exception {
      mvc.perform(
              post("/api/v1/batches/XF-1/events")
                  .with(user("coop-test"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      """
                      {"eventId":"E1","bizStep":"inspecting","eventTime":"2026-07-01T09:30:00+08:00",
                       "readPoint":{"region":"520122100000","site":"田"},
                       "detail":{"inspection":{"lab":"检测站","method":"GB 2763","result":"PASS",
                         "reportSha256":"abc","items":[{"name":"镉","value":"0.01","limit":"0.2",
                         "unit":"mg/kg","result":"PASS"}]}}}"""))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.field").value("detail.inspection.reportSha256"));
    }
  }

  @Nested
  @DisplayName("public reads")
  class Reads {

    @Test
    @DisplayName("GET batch signs as the reader identity and adds the creating block")
    void getBatch() throws Exception {
      when(ledger.evaluate(eq(WebSlice.READER), any()))
          .thenReturn(BATCH_JSON.getBytes(StandardCharsets.UTF_8));

      mvc.perform(get("/api/v1/batches/XF-1"))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.batchId").value("XF-1"))
          .andExpect(jsonPath("$.ledger.txId").value("tx-create"))
          .andExpect(jsonPath("$.ledger.blockNumber").value(7))
          .andExpect(jsonPath("$.ledger.timestamp").value("2026-09-20T01:00:00Z"));

      ArgumentCaptor<Proposal> proposal = ArgumentCaptor.forClass(Proposal.class);
      verify(ledger).evaluate(eq(WebSlice.READER), proposal.capture());
      assertThat(proposal.getValue().function()).isEqualTo("trace:getBatch");
      assertThat(proposal.getValue().arguments()).containsExactly("XF-1");
    }

    @Test
    @DisplayName("key history entries carry block number and signing MSP")
    void history() throws Exception {
      when(ledger.evaluate(any(), any()))
          .thenReturn(
              ("[{\"txId\":\"tx-create\",\"timestamp\":\"2026-09-20T09:00:00+08:00\","
                      + "\"isDelete\":false,\"value\":{\"batchId\":\"XF-1\"}}]")
                  .getBytes(StandardCharsets.UTF_8));

      mvc.perform(get("/api/v1/batches/XF-1/history"))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$[0].txId").value("tx-create"))
          .andExpect(jsonPath("$[0].value.batchId").value("XF-1"))
          .andExpect(jsonPath("$[0].ledger.blockNumber").value(7))
          .andExpect(jsonPath("$[0].ledger.mspId").value("CoopOrgMSP"));
    }

    @Test
    @DisplayName("query passes by, value, pageSize and bookmark as the contract's JSON")
    void query() throws Exception {
      when(ledger.evaluate(any(), any()))
          .thenReturn(
              ("{\"records\":[" + BATCH_JSON + "],\"bookmark\":\"next\",\"count\":1}")
                  .getBytes(StandardCharsets.UTF_8));

      mvc.perform(
              get("/api/v1/batches")
                  .param("by", "PRODUCER")
                  .param("value", "P-1")
                  .param("pageSize", "10")
                  .param("bookmark", "b1"))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.records[0].batchId").value("XF-1"))
          .andExpect(jsonPath("$.records[0].ledger.blockNumber").value(7))
          .andExpect(jsonPath("$.bookmark").value("next"))
          .andExpect(jsonPath("$.count").value(1));

      ArgumentCaptor<Proposal> proposal = ArgumentCaptor.forClass(Proposal.class);
      verify(ledger).evaluate(any(), proposal.capture());
      assertThat(proposal.getValue().function()).isEqualTo("trace:queryBatches");
      assertThat(proposal.getValue().arguments())
          .containsExactly(
              "{\"by\":\"PRODUCER\",\"value\":\"P-1\",\"pageSize\":10,\"bookmark\":\"b1\"}");
    }
  }
}
