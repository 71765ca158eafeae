package cn.xianglian.app.party;

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

@WebMvcTest(PartyController.class)
@Import(WebSlice.class)
@TestPropertySource(properties = "xl.data.dir=target/test-data/web-slice")
@DisplayName("The party API")
class PartyControllerTest {

  private static final String MEMBER =
      """
      {"memberId":"M1","orgId":"BR1","stage":"APPLICANT","since":"2025-03-01",
       "person":{"name":"张三","phone":"13900000000","idNumber":"11010519491231002X"}}""";

  private static final String STORED =
      """
      {"memberId":"M1","orgId":"BR1","personalSha256":"%s","stage":"APPLICANT"}"""
          .formatted("f".repeat(64));

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
  @DisplayName("register member")
  class RegisterMember {

    @Test
    @DisplayName("sends name, phone and ID number only as transient data, with a salt")
    void personalDataIsTransient() throws Exception {
      when(ledger.submit(eq(WebSlice.PRODUCER), any()))
          .thenReturn(new Submitted("tx-m1", 7, STORED.getBytes(StandardCharsets.UTF_8)));

      mvc.perform(
              post("/api/v1/party/members")
                  .with(user("branch"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(MEMBER))
          .andExpect(status().isCreated())
          .andExpect(jsonPath("$.record.stage").value("APPLICANT"))
          .andExpect(jsonPath("$.transaction.txId").value("tx-m1"));

      Proposal proposal = submitted();
      assertThat(proposal.contract()).isEqualTo("party");
      assertThat(proposal.transaction()).isEqualTo("registerMember");
      assertThat(proposal.arguments().getFirst())
          .isEqualTo(
              "{\"memberId\":\"M1\",\"orgId\":\"BR1\",\"stage\":\"APPLICANT\",\"since\":\"2025-03-01\"}");
      assertThat(new String(proposal.transientData().get("member"), StandardCharsets.UTF_8))
          .contains("张三")
          .contains("11010519491231002X");
      assertThat(proposal.transientData().get("member.salt")).hasSize(32);
    }

    @Test
    @DisplayName("refuses a malformed ID number before the ledger sees it")
    void validation() throws Exception {
      mvc.perform(
              post("/api/v1/party/members")
                  .with(user("branch"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(MEMBER.replace("11010519491231002X", "123")))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
          .andExpect(jsonPath("$.field").value("person.idNumber"));
      verify(ledger, never()).submit(any(), any());
    }
  }

  @Nested
  @DisplayName("pipeline and review")
  class Commands {

    @Test
    @DisplayName("a stage step carries the member id from the path")
    void advance() throws Exception {
      when(ledger.submit(eq(WebSlice.PRODUCER), any()))
          .thenReturn(new Submitted("tx-a", 8, STORED.getBytes(StandardCharsets.UTF_8)));
      mvc.perform(
              post("/api/v1/party/members/M1/stages")
                  .with(user("branch"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"stage\":\"ACTIVIST\",\"date\":\"2025-04-01\"}"))
          .andExpect(status().isOk());
      assertThat(submitted().arguments())
          .containsExactly("{\"memberId\":\"M1\",\"stage\":\"ACTIVIST\",\"date\":\"2025-04-01\"}");
    }

    @Test
    @DisplayName("a self-review the contract denies is 403 ACCESS_DENIED")
    void reviewDenied() throws Exception {
      when(ledger.submit(eq(WebSlice.PRODUCER), any()))
          .thenThrow(
              new LedgerException(
                  LedgerException.Stage.ENDORSE, "ACCESS_DENIED", "denied", null, null));
      mvc.perform(
              post("/api/v1/party/publications/PUB1/review")
                  .with(user("branch"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"approve\":true}"))
          .andExpect(status().isForbidden())
          .andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
      assertThat(submitted().arguments())
          .containsExactly("{\"publicationId\":\"PUB1\",\"approve\":true}");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
      "STAGE_SKIPPED, 409",
      "INTERVAL_NOT_MET, 409",
      "PUBLICATION_SCOPE_INVALID, 422",
      "PARTY_ORG_NOT_FOUND, 404",
      "PARTY_MEMBER_NOT_FOUND, 404",
      "PARTY_RULES_NOT_FOUND, 404",
      "MEETING_NOT_FOUND, 404",
      "REGION_OUT_OF_SCOPE, 403"
    })
    @DisplayName("map the contract's code to its HTTP status and keep the code")
    void mapped(String code, int httpStatus) throws Exception {
      when(ledger.submit(eq(WebSlice.PRODUCER), any()))
          .thenThrow(
              new LedgerException(
                  LedgerException.Stage.ENDORSE, code, code + ": rejected", null, null));
      mvc.perform(
              post("/api/v1/party/members/M1/stages")
                  .with(user("branch"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"stage\":\"FULL\",\"date\":\"2025-04-01\"}"))
          .andExpect(status().is(httpStatus))
          .andExpect(jsonPath("$.code").value(code));
    }
  }

  @Nested
  @DisplayName("reads")
  class Reads {

    @Test
    @DisplayName("publications are read as the public reader when anonymous")
    void publicRead() throws Exception {
      when(ledger.evaluate(eq(WebSlice.READER), any()))
          .thenReturn(
              "{\"publicationId\":\"PUB1\",\"scope\":\"PUBLIC\"}".getBytes(StandardCharsets.UTF_8));
      mvc.perform(get("/api/v1/party/publications/PUB1"))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.scope").value("PUBLIC"));
    }

    @Test
    @DisplayName("a 党内 item the contract hides from the caller is 403")
    void innerHidden() throws Exception {
      when(ledger.evaluate(eq(WebSlice.READER), any()))
          .thenThrow(
              new LedgerException(
                  LedgerException.Stage.EVALUATE, "ACCESS_DENIED", "hidden", null, null));
      mvc.perform(get("/api/v1/party/publications/PUB2"))
          .andExpect(status().isForbidden())
          .andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
    }
  }
}
