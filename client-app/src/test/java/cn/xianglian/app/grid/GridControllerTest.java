package cn.xianglian.app.grid;

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

@WebMvcTest(GridController.class)
@Import(WebSlice.class)
@TestPropertySource(properties = "xl.data.dir=target/test-data/web-slice")
@DisplayName("The grid API")
class GridControllerTest {

  private static final String EVENT =
      """
      {"eventId":"GE-1","status":"REPORTED","steps":[]}""";

  private static final String REPORT =
      """
      {"eventId":"GE-1","gridId":"G-1","category":"COMPLAINT","title":"标签产地不符",
       "personal":{"name":"李四","phone":"13900000000","idNumber":"11010519491231002X"}}""";

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

  private void answers() {
    when(ledger.submit(eq(WebSlice.PRODUCER), any()))
        .thenReturn(new Submitted("tx-1", 7, EVENT.getBytes(StandardCharsets.UTF_8)));
  }

  @Nested
  @DisplayName("report")
  class Report {

    @Test
    @DisplayName(
        "submits grid:reportEvent as the user; personal data only as salted transient data")
    void personalDataIsTransient() throws Exception {
      answers();
      mvc.perform(
              post("/api/v1/grid/events")
                  .with(user("consumer"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(REPORT))
          .andExpect(status().isCreated())
          .andExpect(jsonPath("$.record.eventId").value("GE-1"))
          .andExpect(jsonPath("$.transaction.txId").value("tx-1"));
      Proposal proposal = submitted();
      assertThat(proposal.contract()).isEqualTo("grid");
      assertThat(proposal.transaction()).isEqualTo("reportEvent");
      assertThat(proposal.arguments().get(0))
          .isEqualTo(
              "{\"eventId\":\"GE-1\",\"gridId\":\"G-1\",\"category\":\"COMPLAINT\",\"title\":\"标签产地不符\"}");
      assertThat(new String(proposal.transientData().get("personal"), StandardCharsets.UTF_8))
          .contains("李四");
      assertThat(proposal.transientData().get("personal.salt")).hasSize(32);
    }

    @Test
    @DisplayName("a malformed body is 400 and nothing is submitted")
    void invalid() throws Exception {
      mvc.perform(
              post("/api/v1/grid/events")
                  .with(user("consumer"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(REPORT.replace("COMPLAINT", "complaint")))
          .andExpect(status().isBadRequest());
      verify(ledger, never()).submit(any(), any());
    }
  }

  @Nested
  @DisplayName("steps")
  class Steps {

    @Test
    @DisplayName("accept without a body submits grid:acceptEvent with the event id only")
    void accept() throws Exception {
      answers();
      mvc.perform(post("/api/v1/grid/events/GE-1/accept").with(user("village")))
          .andExpect(status().isOk());
      Proposal proposal = submitted();
      assertThat(proposal.transaction()).isEqualTo("acceptEvent");
      assertThat(proposal.arguments()).containsExactly("{\"eventId\":\"GE-1\"}");
    }

    @Test
    @DisplayName("dispatch by hand carries the department; rate carries the rating")
    void fields() throws Exception {
      answers();
      mvc.perform(
              post("/api/v1/grid/events/GE-1/rate")
                  .with(user("consumer"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"rating\":4,\"at\":\"2025-03-01T08:00:00+08:00\"}"))
          .andExpect(status().isOk());
      Proposal proposal = submitted();
      assertThat(proposal.transaction()).isEqualTo("rateEvent");
      assertThat(proposal.arguments())
          .containsExactly(
              "{\"eventId\":\"GE-1\",\"at\":\"2025-03-01T08:00:00+08:00\",\"rating\":4}");
    }

    @Test
    @DisplayName("an unknown step or a rating of 6 is 400 before the ledger")
    void rejectedAtTheEdge() throws Exception {
      mvc.perform(post("/api/v1/grid/events/GE-1/delete").with(user("village")))
          .andExpect(status().isBadRequest());
      mvc.perform(
              post("/api/v1/grid/events/GE-1/rate")
                  .with(user("consumer"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"rating\":6}"))
          .andExpect(status().isBadRequest());
      verify(ledger, never()).submit(any(), any());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
      "NOT_ASSIGNED, 403",
      "GRID_EVENT_NOT_FOUND, 404",
      "NO_DISPATCH_RULE, 422",
      "INVALID_STATE, 409",
      "DEPARTMENT_NOT_FOUND, 404"
    })
    @DisplayName("contract rejections become problem details with their code")
    void mapped(String code, int httpStatus) throws Exception {
      when(ledger.submit(eq(WebSlice.PRODUCER), any()))
          .thenThrow(
              new LedgerException(LedgerException.Stage.ENDORSE, code, code + ": no", null, null));
      mvc.perform(post("/api/v1/grid/events/GE-1/dispatch").with(user("village")))
          .andExpect(status().is(httpStatus))
          .andExpect(jsonPath("$.code").value(code));
    }
  }

  @Test
  @DisplayName("statistics are public: getSlaStatistics as the reader, grouped as asked")
  void statistics() throws Exception {
    when(ledger.evaluate(eq(WebSlice.READER), any()))
        .thenReturn("{\"groupBy\":\"DEPARTMENT\",\"groups\":[]}".getBytes(StandardCharsets.UTF_8));
    mvc.perform(get("/api/v1/grid/statistics").param("groupBy", "DEPARTMENT"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.groupBy").value("DEPARTMENT"));
    ArgumentCaptor<Proposal> proposal = ArgumentCaptor.forClass(Proposal.class);
    verify(ledger).evaluate(eq(WebSlice.READER), proposal.capture());
    assertThat(proposal.getValue().transaction()).isEqualTo("getSlaStatistics");
    assertThat(proposal.getValue().arguments())
        .containsExactly("{\"scope\":\"520122\",\"groupBy\":\"DEPARTMENT\"}");
  }
}
