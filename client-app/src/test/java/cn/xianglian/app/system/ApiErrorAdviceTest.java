package cn.xianglian.app.system;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.xianglian.app.WebSlice;
import cn.xianglian.app.identity.CallerIdentities;
import cn.xianglian.app.integrity.RecordVerifier;
import cn.xianglian.ledger.LedgerClient;
import cn.xianglian.ledger.LedgerException;
import cn.xianglian.ledger.LedgerException.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

// The pages (package web) have their own error handling and tests (WebPagesTest).
@WebMvcTest(
    excludeFilters =
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "cn\\.xianglian\\.app\\.web\\..*"))
@Import(WebSlice.class)
@TestPropertySource(properties = "xl.data.dir=target/test-data/web-slice")
@DisplayName("The error advice answers every failure with an RFC 9457 problem and a stable code")
class ApiErrorAdviceTest {

  private static final String VALID_BATCH =
      """
      {"batchId":"XF-1","producerId":"P-1","product":{"code":"XL-RICE","name":"贡米","category":"粮食"},
       "quantity":{"amount":100,"uom":"KGM"},"origin":{"region":"520122100000","site":"田"},
       "productionType":"PLANTING","producedAt":"2026-09-20T08:00:00+08:00"}
      """;

  @Autowired MockMvc mvc;
  @MockitoBean LedgerClient ledger;
  @MockitoBean CallerIdentities callers;

  /** Needed by the verification controller, which this slice loads with every other one. */
  @MockitoBean RecordVerifier verifier;

  @BeforeEach
  void identities() {
    when(callers.reader()).thenReturn(WebSlice.READER);
    when(callers.writer()).thenReturn(WebSlice.PRODUCER);
  }

  @Nested
  @DisplayName("a chaincode rejection")
  class ChaincodeCodes {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
      "INVALID_ARGUMENT, 400",
      "LIMIT_EXCEEDED, 400",
      "QUANTITY_INVALID, 422",
      "QUANTITY_NOT_CONSERVED, 422",
      "EVENT_BEFORE_BATCH, 422",
      "ACCESS_DENIED, 403",
      "REGION_OUT_OF_SCOPE, 403",
      "NOT_OWNER, 403",
      "PRODUCER_NOT_FOUND, 404",
      "BATCH_NOT_FOUND, 404",
      "CERTIFICATE_NOT_FOUND, 404",
      "RECALL_NOT_FOUND, 404",
      "ALREADY_EXISTS, 409",
      "EVENT_ID_CONFLICT, 409",
      "BATCH_RECALLED, 409",
      "BATCH_NOT_ACTIVE, 409",
      "INVALID_STATE, 409",
      "DUPLICATE_TXID, 409"
    })
    @DisplayName("on submit maps its code to the status, with both messages and the txId")
    void submitted(String code, int status) throws Exception {
      when(ledger.submit(any(), any()))
          .thenThrow(
              new LedgerException(
                  Stage.ENDORSE,
                  code,
                  "chaincode response 500, " + code + ": the explanation",
                  "tx-" + code,
                  null));

      mvc.perform(
              post("/api/v1/batches")
                  .with(user("coop-test"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(VALID_BATCH))
          .andExpect(status().is(status))
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.status").value(status))
          .andExpect(jsonPath("$.code").value(code))
          .andExpect(jsonPath("$.message").value(not(containsString("rejected"))))
          .andExpect(jsonPath("$.messageEn").isNotEmpty())
          .andExpect(jsonPath("$.detail").value("the explanation"))
          .andExpect(jsonPath("$.txId").value("tx-" + code));
    }

    @Test
    @DisplayName("BATCH_NOT_FOUND on a public read is 404 with the Chinese and English message")
    void notFoundOnRead() throws Exception {
      when(ledger.evaluate(any(), any()))
          .thenThrow(
              new LedgerException(
                  Stage.EVALUATE, "BATCH_NOT_FOUND", "BATCH_NOT_FOUND: XF-9", "tx-r", null));

      mvc.perform(get("/api/v1/batches/XF-9"))
          .andExpect(status().isNotFound())
          .andExpect(jsonPath("$.code").value("BATCH_NOT_FOUND"))
          .andExpect(jsonPath("$.message").value("批次不存在。"))
          .andExpect(jsonPath("$.messageEn").value("No such batch."))
          .andExpect(jsonPath("$.type").value("https://xianglian.cn/problems/batch-not-found"));
    }

    @Test
    @DisplayName("an MVCC conflict at commit is 409 MVCC_READ_CONFLICT")
    void mvcc() throws Exception {
      when(ledger.submit(any(), any()))
          .thenThrow(
              new LedgerException(
                  Stage.COMMIT, "MVCC_READ_CONFLICT", "transaction t1 invalid", "t1", null));

      mvc.perform(
              post("/api/v1/batches")
                  .with(user("coop-test"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(VALID_BATCH))
          .andExpect(status().isConflict())
          .andExpect(jsonPath("$.code").value("MVCC_READ_CONFLICT"))
          .andExpect(jsonPath("$.message").value("记录被同时修改，请重试。"))
          .andExpect(jsonPath("$.txId").value("t1"));
    }

    @ParameterizedTest(name = "{0} without a code → {1}")
    @CsvSource({"SUBMIT, LEDGER_UNAVAILABLE", "COMMIT_STATUS, OUTCOME_UNKNOWN"})
    @DisplayName("a ledger that cannot order or confirm is 503, safe to retry")
    void unavailable(Stage stage, String code) throws Exception {
      when(ledger.submit(any(), any()))
          .thenThrow(new LedgerException(stage, null, "connection refused", "t2", null));

      mvc.perform(
              post("/api/v1/batches")
                  .with(user("coop-test"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(VALID_BATCH))
          .andExpect(status().isServiceUnavailable())
          .andExpect(jsonPath("$.code").value(code));
    }
  }

  @Nested
  @DisplayName("bad input never reaches the ledger")
  class BadInput {

    @Test
    @DisplayName("malformed JSON is 400 MALFORMED_JSON")
    void malformed() throws Exception {
      mvc.perform(
              post("/api/v1/batches")
                  .with(user("coop-test"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"batchId\": \"XF-1\", "))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("MALFORMED_JSON"))
          .andExpect(jsonPath("$.message").value("请求体不是有效的 JSON。"));
      verify(ledger, never()).submit(any(), any());
    }

    @Test
    @DisplayName("a missing field is 400 VALIDATION_FAILED naming the field")
    void missingField() throws Exception {
      mvc.perform(
              post("/api/v1/batches")
                  .with(user("coop-test"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(VALID_BATCH.replace("\"batchId\":\"XF-1\",", "")))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
          .andExpect(jsonPath("$.field").value("batchId"))
          .andExpect(jsonPath("$.message").value("字段 batchId 不符合要求。"))
          .andExpect(jsonPath("$.messageEn").value("Field batchId is invalid."));
      verify(ledger, never()).submit(any(), any());
    }

    @Test
    @DisplayName("a nested invalid field is named by its path")
    void nestedField() throws Exception {
      mvc.perform(
              post("/api/v1/batches")
                  .with(user("coop-test"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(VALID_BATCH.replace("\"KGM\"", "\"POUND\"")))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
          .andExpect(jsonPath("$.field").value("quantity.uom"));
    }

    @Test
    @DisplayName("a value of the wrong type is VALIDATION_FAILED with its path, not a 500")
    void wrongType() throws Exception {
      mvc.perform(
              post("/api/v1/batches")
                  .with(user("coop-test"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(VALID_BATCH.replace("\"amount\":100", "\"amount\":\"lots\"")))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
          .andExpect(jsonPath("$.field").value("quantity.amount"));
    }

    @Test
    @DisplayName("an unparseable time is VALIDATION_FAILED with the field")
    void badTime() throws Exception {
      mvc.perform(
              post("/api/v1/batches")
                  .with(user("coop-test"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(VALID_BATCH.replace("2026-09-20T08:00:00+08:00", "yesterday")))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
          .andExpect(jsonPath("$.field").value("producedAt"));
    }

    @Test
    @DisplayName("a body over 64 KiB is 413 PAYLOAD_TOO_LARGE")
    void tooLarge() throws Exception {
      String huge = "{\"batchId\":\"" + "x".repeat(70 * 1024) + "\"}";
      mvc.perform(
              post("/api/v1/batches")
                  .with(user("coop-test"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(huge))
          .andExpect(status().isContentTooLarge())
          .andExpect(jsonPath("$.code").value("PAYLOAD_TOO_LARGE"))
          .andExpect(jsonPath("$.message").value("请求体过大。"));
      verify(ledger, never()).submit(any(), any());
    }

    @Test
    @DisplayName("a body that is not JSON is 415 UNSUPPORTED_MEDIA_TYPE")
    void mediaType() throws Exception {
      mvc.perform(
              post("/api/v1/batches")
                  .with(user("coop-test"))
                  .contentType(MediaType.TEXT_PLAIN)
                  .content("batch"))
          .andExpect(status().isUnsupportedMediaType())
          .andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    @DisplayName("a page size out of range is 400 VALIDATION_FAILED naming the parameter")
    void pageSize() throws Exception {
      mvc.perform(
              get("/api/v1/batches")
                  .param("by", "PRODUCER")
                  .param("value", "P-1")
                  .param("pageSize", "500"))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
          .andExpect(jsonPath("$.field").value("pageSize"));
    }

    @Test
    @DisplayName("a missing query parameter is 400 VALIDATION_FAILED naming it")
    void missingParameter() throws Exception {
      mvc.perform(get("/api/v1/batches").param("value", "P-1"))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
          .andExpect(jsonPath("$.field").value("by"));
    }

    @Test
    @DisplayName("a malformed id in the path is 400 VALIDATION_FAILED")
    void badPathId() throws Exception {
      mvc.perform(get("/api/v1/batches/{id}", "bad id!"))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
    }
  }

  @Nested
  @DisplayName("authentication")
  class Authentication {

    @Test
    @DisplayName("a write without login is 401 UNAUTHENTICATED with a Basic challenge")
    void anonymousWrite() throws Exception {
      mvc.perform(
              post("/api/v1/batches").contentType(MediaType.APPLICATION_JSON).content(VALID_BATCH))
          .andExpect(status().isUnauthorized())
          .andExpect(header().string("WWW-Authenticate", containsString("Basic")))
          .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"))
          .andExpect(jsonPath("$.message").value("请先登录（HTTP Basic）。"));
      verify(ledger, never()).submit(any(), any());
    }

    @Test
    @DisplayName("unknown credentials are 401 UNAUTHENTICATED")
    void wrongPassword() throws Exception {
      mvc.perform(
              post("/api/v1/batches")
                  .with(httpBasic("nobody", "wrong"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(VALID_BATCH))
          .andExpect(status().isUnauthorized())
          .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
    }

    @Test
    @DisplayName("who-am-I needs a login")
    void me() throws Exception {
      mvc.perform(get("/api/v1/me"))
          .andExpect(status().isUnauthorized())
          .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
    }
  }
}
