package cn.xianglian.app.anchor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.xianglian.app.WebSlice;
import cn.xianglian.app.identity.CallerIdentities;
import cn.xianglian.ledger.LedgerClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** With {@code xl.anchor.enabled} off (the default): nothing anchors and the API says so. */
@WebMvcTest(ProofController.class)
@Import(WebSlice.class)
@TestPropertySource(properties = "xl.data.dir=target/test-data/web-slice")
@DisplayName("Anchoring disabled")
class AnchoringDisabledTest {

  @Autowired MockMvc mvc;
  @MockitoBean LedgerClient ledger;
  @MockitoBean CallerIdentities callers;

  @Test
  @DisplayName("proof requests are 503 ANCHORING_DISABLED, also the anonymous verify endpoint")
  void proofsAreUnavailable() throws Exception {
    mvc.perform(get("/api/v1/proofs/tx/abc"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.code").value("ANCHORING_DISABLED"));
    mvc.perform(get("/api/v1/proofs/publication/P-1"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.code").value("ANCHORING_DISABLED"));
    mvc.perform(post("/api/v1/proofs/verify").contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.code").value("ANCHORING_DISABLED"));
  }

  @Test
  @DisplayName("the health component 'anchor' is UP with enabled=false")
  void health() {
    var none = new StaticListableBeanFactory().getBeanProvider(Anchoring.class);

    var health = new AnchorConfiguration().anchorHealthIndicator(null, none).health();

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("enabled", false);
  }
}
