package cn.xianglian.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.xianglian.ledger.Identity;
import cn.xianglian.ledger.LedgerClient;
import cn.xianglian.ledger.Proposal;
import cn.xianglian.ledger.embedded.EmbeddedCa;
import cn.xianglian.qr.digitallink.DigitalLink;
import cn.xianglian.qr.digitallink.Gtin;
import cn.xianglian.qr.label.QrDecoding;
import cn.xianglian.qr.scan.ScanRecorder;
import cn.xianglian.qr.signing.CodeSigner;
import cn.xianglian.qr.system.IssuerKeys;
import cn.xianglian.qr.system.Users;
import cn.xianglian.qr.system.Wallet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service end to end against the REAL embedded ledger running the real contracts: a batch is
 * created through the trace contract, a run is issued through the code contract as ONE ledger
 * transaction signed by the owning producer's own identity, printed to a PDF sheet, every label
 * read back with ZXing and resolved to its batch; forged and out-of-range codes are "not genuine";
 * a recall on the ledger turns the page red at once. Users log in with HTTP Basic and act as their
 * wallet identities.
 */
@SpringBootTest
@AutoConfigureMockMvc
class QrServiceLedgerTest {

  static final String PASSWORD = "pass-word-1";
  static final String VILLAGE = "520122100201";
  static final String GTIN = "06901234567892";
  static final String BASE = "https://qr.xianglian.test";

  @TempDir static Path dir;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("xl.qr.data-dir", () -> dir.toString());

    registry.add("xl.qr.resolver-base", () -> BASE);
    registry.add("spring.datasource.url", () -> "jdbc:h2:mem:scans;DB_CLOSE_DELAY=-1");
  }

  static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired LedgerClient ledger;
  @Autowired EmbeddedCa ca;
  @Autowired IssuerKeys keys;
  @Autowired ScanRecorder scans;
  @Autowired Users users;
  @Autowired Wallet wallet;

  static boolean ready;
  static Identity farmer;
  static Identity regulator;
  static List<String> printed;
  static long heightBeforeRun;
  static long heightAfterRun;

  @BeforeEach
  void batchIssuedAndPrinted() throws Exception {
    if (ready) {
      return;
    }
    farmer = user("farmer", "CoopOrgMSP", "producer", VILLAGE, "P-QR-1");
    regulator = user("regulator", "CountyOrgMSP", "regulator", "520122000000", "AGRI");
    user("other-farmer", "CoopOrgMSP", "producer", VILLAGE, "P-QR-2");
    user("labeler", "CountyOrgMSP", "labeler", "520122000000", "QR");
    user("far-labeler", "CountyOrgMSP", "labeler", "520123000000", "QR-X");
    user("admin", "CountyOrgMSP", "admin", "520122000000", "QR-ADMIN");
    users.put("no-identity", PASSWORD, "nobody", "无身份用户");
    submit(
        farmer,
        "registerProducer",
        """
        {"producerId":"P-QR-1","type":"FAMILY_FARM","name":"青山家庭农场","region":"%s"}"""
            .formatted(VILLAGE));
    for (String batchId : List.of("XF-QR-1", "XF-QR-2")) {
      submit(
          farmer,
          "createBatch",
          """
          {"batchId":"%s","producerId":"P-QR-1",\
          "product":{"gtin":"%s","name":"息烽贡米","category":"GRAIN"},\
          "quantity":{"amount":1000,"uom":"KGM"},"origin":{"region":"%s","site":"田块 A-01"},\
          "productionType":"PLANTING","producedAt":"2026-05-01T08:00:00+08:00"}"""
              .formatted(batchId, GTIN, VILLAGE));
    }
    submit(
        farmer,
        "issueCertificate",
        """
        {"certificateNo":"HG-QR-1","batchId":"XF-QR-1","style":"PRODUCER","basis":"SELF_TEST",\
        "promises":["NO_BANNED_PESTICIDES_OR_VET_DRUGS"],"quantity":{"amount":1000,"uom":"KGM"},\
        "issuedAt":"2026-05-02T09:00:00+08:00"}""");

    heightBeforeRun = ledger.height();
    issue("{\"runId\":\"R1\",\"batchId\":\"XF-QR-1\",\"level\":\"ITEM\",\"count\":12}");
    heightAfterRun = ledger.height();
    issue(
        "{\"runId\":\"C1\",\"batchId\":\"XF-QR-1\",\"level\":\"CASE\",\"count\":2,"
            + "\"contains\":{\"runId\":\"R1\",\"perParent\":6}}");
    issue("{\"runId\":\"R2\",\"batchId\":\"XF-QR-2\",\"level\":\"ITEM\",\"count\":3}");

    MvcResult started =
        mvc.perform(as("farmer", get("/api/labels/runs/R1/sheet.pdf?rows=4&cols=3")))
            .andExpect(request().asyncStarted())
            .andReturn();
    byte[] pdf =
        mvc.perform(asyncDispatch(started))
            .andExpect(status().isOk())
            .andExpect(content().contentType(MediaType.APPLICATION_PDF))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    printed = QrDecoding.decodePdfImages(pdf);
    ready = true;
  }

  void submit(Identity who, String transaction, String json) {
    ledger.submit(who, Proposal.of("trace", transaction, json));
  }

  /** A user with its own wallet identity, enrolled by the embedded ledger's CA. */
  Identity user(String name, String msp, String role, String region, String party) {
    Identity identity =
        ca.enroll(name, msp, Map.of("xl.role", role, "xl.region", region, "xl.party", party));
    wallet.put(identity);
    users.put(name, PASSWORD, name, name);
    return identity;
  }

  void issue(String json) throws Exception {
    mvc.perform(
            as("farmer", post("/api/issuance/runs"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json))
        .andExpect(status().isCreated());
  }

  static MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
    return request.with(httpBasic(user, PASSWORD));
  }

  static RequestPostProcessor httpBasic(String user, String password) {
    String token =
        java.util.Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return request -> {
      request.addHeader("Authorization", "Basic " + token);
      return request;
    };
  }

  /** A printed URI as a request: path and query under the resolver. */
  static MockHttpServletRequestBuilder scan(String uri) {
    assertThat(uri).startsWith(BASE);
    return get(java.net.URI.create(uri.substring(BASE.length())));
  }

  String forge(String lot, String serial) {
    var link = new DigitalLink(new Gtin(GTIN), lot, serial);
    return CodeSigner.sign(keys.ring(), link).uri(BASE);
  }

  @Nested
  @DisplayName("printed labels")
  class Printed {

    @Test
    @DisplayName("the run is ONE code:issueRun transaction on the ledger, signed by the producer")
    void the_run_is_one_ledger_transaction_of_the_code_contract() throws Exception {
      assertThat(heightAfterRun - heightBeforeRun).isEqualTo(1);
      JsonNode run = JSON.readTree(ledger.evaluate(regulator, Proposal.of("code", "getRun", "R1")));
      assertThat(run.path("count").asLong()).isEqualTo(12);
      assertThat(run.path("serialStart").asLong()).isEqualTo(1);
      assertThat(run.path("serialEnd").asLong()).isEqualTo(12);
      assertThat(run.path("issuer").asString()).isEqualTo("CoopOrgMSP/P-QR-1");
      var tx = ledger.transaction(run.path("txId").asString()).orElseThrow();
      assertThat(tx.valid()).isTrue();
      assertThat(tx.function()).endsWith("issueRun");
      assertThat(tx.creatorMspId()).isEqualTo("CoopOrgMSP");
    }

    @Test
    void every_label_of_the_sheet_decodes_to_a_signed_link_that_resolves_to_its_batch()
        throws Exception {
      assertThat(printed).hasSize(12);
      for (int i = 0; i < printed.size(); i++) {
        String uri = printed.get(i);
        assertThat(uri).startsWith(BASE + "/01/" + GTIN + "/10/XF-QR-1/21/U" + (i + 1) + "?k=1&s=");
        mvc.perform(scan(uri).accept(MediaType.APPLICATION_JSON))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.genuine").value(true))
            .andExpect(jsonPath("$.batchId").value("XF-QR-1"))
            .andExpect(jsonPath("$.packedIn").value(i < 6 ? "C1" : "C2"));
      }
    }

    @Test
    void the_consumer_page_shows_product_producer_origin_certificate_and_timeline()
        throws Exception {
      String html =
          mvc.perform(scan(printed.get(0)).accept(MediaType.TEXT_HTML))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(html)
          .contains("正品码", "息烽贡米", "青山家庭农场", "田块 A-01", "HG-QR-1", "建档", "投诉")
          .doesNotContain("recall-banner");
      assertThat(html)
          .as("times in zh-CN form, Asia/Shanghai, never raw ISO")
          .contains("2026年5月1日 08:00", "2026年5月2日 09:00")
          .doesNotContain("2026-05-01T08:00", "+08:00");
    }

    @Test
    @DisplayName("a phone's scan is answered before Spring MVC with the same page and headers")
    void the_fast_path_answers_exactly_as_the_controller() throws Exception {
      String uri = printed.get(7);
      mvc.perform(scan(uri).accept(MediaType.TEXT_HTML)).andExpect(status().isOk());
      assertThat(scans.awaitWritten(Duration.ofSeconds(10))).isTrue();

      MvcResult fast =
          mvc.perform(scan(uri).accept(MediaType.TEXT_HTML)).andExpect(status().isOk()).andReturn();
      MvcResult controller =
          mvc.perform(scan(uri + "&linkType=gs1:pip").accept(MediaType.TEXT_HTML))
              .andExpect(status().isOk())
              .andReturn();
      assertThat(fast.getHandler()).as("served by the filter").isNull();
      assertThat(controller.getHandler()).as("served by the controller").isNotNull();
      assertThat(fast.getResponse().getContentAsString())
          .isEqualTo(controller.getResponse().getContentAsString())
          .contains("正品码", "首次查询时间");
      assertThat(fast.getResponse().getContentType())
          .isEqualTo(controller.getResponse().getContentType());
      assertThat(fast.getResponse().getHeader("Link"))
          .isEqualTo(controller.getResponse().getHeader("Link"));
      assertThat(scans.awaitWritten(Duration.ofSeconds(10))).isTrue();
      mvc.perform(
              as("regulator", get("/api/regulator/scans"))
                  .param("code", "/01/" + GTIN + "/10/XF-QR-1/21/U8"))
          .andExpect(jsonPath("$.scanCount").value(org.hamcrest.Matchers.greaterThanOrEqualTo(3)));
    }

    @Test
    void a_case_code_lists_the_items_it_holds() throws Exception {
      String caseUri =
          CodeSigner.sign(keys.ring(), "1", new DigitalLink(new Gtin(GTIN), "XF-QR-1", "C2"))
              .uri(BASE);
      mvc.perform(scan(caseUri).accept(MediaType.APPLICATION_JSON))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.level").value("CASE"))
          .andExpect(jsonPath("$.contents.from").value("U7"))
          .andExpect(jsonPath("$.contents.to").value("U12"));
    }
  }

  @Nested
  @DisplayName("link types")
  class LinkTypes {

    @Test
    void linktype_all_and_the_linkset_media_type_give_an_rfc_9264_linkset() throws Exception {
      for (var request :
          List.of(
              scan(printed.get(1) + "&linkType=all"),
              scan(printed.get(1)).accept("application/linkset+json"))) {
        mvc.perform(request)
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith("application/linkset+json"))
            .andExpect(
                jsonPath("$.linkset[0].anchor").value(BASE + "/01/" + GTIN + "/10/XF-QR-1/21/U2"))
            .andExpect(
                jsonPath("$.linkset[0]['https://gs1.org/voc/pip'][0].type").value("text/html"))
            .andExpect(jsonPath("$.linkset[0]['https://gs1.org/voc/traceability']").exists())
            .andExpect(jsonPath("$.linkset[0]['https://gs1.org/voc/certificationInfo']").exists());
      }
    }

    @Test
    void traceability_and_certification_info_are_json() throws Exception {
      mvc.perform(scan(printed.get(2) + "&linkType=gs1:traceability"))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.batch.batchId").value("XF-QR-1"))
          .andExpect(jsonPath("$.events[0].bizStep").value("commissioning"));
      mvc.perform(scan(printed.get(2) + "&linkType=https://gs1.org/voc/certificationInfo"))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.certificates[0].certificateNo").value("HG-QR-1"));
    }

    @Test
    void an_unknown_link_type_is_404_with_its_code() throws Exception {
      mvc.perform(
              scan(printed.get(2) + "&linkType=gs1:recipeInfo").accept(MediaType.APPLICATION_JSON))
          .andExpect(status().isNotFound())
          .andExpect(jsonPath("$.code").value("LINK_TYPE_UNKNOWN"));
    }

    @Test
    void the_resolver_describes_itself_and_publishes_its_keys() throws Exception {
      mvc.perform(get("/.well-known/gs1resolver"))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.resolverRoot").value(BASE))
          .andExpect(jsonPath("$.supportedPrimaryKeys[0]").value("01"));
      mvc.perform(get("/.well-known/xl-issuer-keys"))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.keys[0].keyId").value("1"))
          .andExpect(jsonPath("$.keys[0].algorithm").value("ECDSA_P256_SHA256"));
    }
  }

  @Nested
  @DisplayName("not genuine")
  class NotGenuine {

    @Test
    void a_forged_signature_shows_the_not_genuine_page() throws Exception {
      String uri = printed.get(0);
      String forged = uri.substring(0, uri.length() - 3) + (uri.endsWith("AAA") ? "BBB" : "AAA");
      String html =
          mvc.perform(scan(forged).accept(MediaType.TEXT_HTML))
              .andExpect(status().isNotFound())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(html).contains("非正品或无效码", "SIGNATURE_INVALID");
    }

    @Test
    void a_signature_from_another_code_is_rejected() throws Exception {
      String other = printed.get(1);
      String moved =
          printed.get(0).substring(0, printed.get(0).indexOf('?'))
              + other.substring(other.indexOf('?'));
      mvc.perform(scan(moved).accept(MediaType.APPLICATION_JSON))
          .andExpect(status().isNotFound())
          .andExpect(jsonPath("$.code").value("SIGNATURE_INVALID"));
    }

    @Test
    void a_validly_signed_serial_outside_the_issued_range_is_rejected() throws Exception {
      mvc.perform(scan(forge("XF-QR-1", "U500")).accept(MediaType.APPLICATION_JSON))
          .andExpect(status().isNotFound())
          .andExpect(jsonPath("$.code").value("SERIAL_NOT_ISSUED"));
      mvc.perform(scan(forge("XF-QR-1", "SN-7")).accept(MediaType.APPLICATION_JSON))
          .andExpect(status().isNotFound())
          .andExpect(jsonPath("$.code").value("SERIAL_NOT_ISSUED"));
    }

    @Test
    void a_code_for_a_lot_never_issued_is_unknown() throws Exception {
      mvc.perform(scan(forge("NO-SUCH-LOT", "U1")).accept(MediaType.APPLICATION_JSON))
          .andExpect(status().isNotFound())
          .andExpect(jsonPath("$.code").value("CODE_UNKNOWN"));
    }

    @Test
    void a_code_without_signature_or_with_an_unknown_key() throws Exception {
      String path = "/01/" + GTIN + "/10/XF-QR-1/21/U1";
      mvc.perform(get(path).accept(MediaType.APPLICATION_JSON))
          .andExpect(status().isNotFound())
          .andExpect(jsonPath("$.code").value("SIGNATURE_MISSING"));
      String sig = printed.get(0).substring(printed.get(0).indexOf("&s=") + 3);
      mvc.perform(get(path + "?k=9&s=" + sig).accept(MediaType.APPLICATION_JSON))
          .andExpect(status().isNotFound())
          .andExpect(jsonPath("$.code").value("KEY_UNKNOWN"));
    }
  }

  @Nested
  @DisplayName("bad input")
  class BadInput {

    @Test
    void malformed_paths_and_wrong_check_digits_are_400_with_their_codes() throws Exception {
      mvc.perform(get("/01/" + GTIN + "/21/U1/10/XF-QR-1").accept(MediaType.APPLICATION_JSON))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("INVALID_LINK"));
      mvc.perform(get("/01/06901234567891/10/XF-QR-1/21/U1").accept(MediaType.APPLICATION_JSON))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("CHECK_DIGIT_MISMATCH"));
      mvc.perform(
              get(java.net.URI.create("/01/" + GTIN + "/10/XF%20QR/21/U1"))
                  .accept(MediaType.TEXT_HTML))
          .andExpect(status().isBadRequest())
          .andExpect(content().string(org.hamcrest.Matchers.containsString("INVALID_LINK")));
      mvc.perform(get("/xl/lower-case/10/L/21/U1").accept(MediaType.APPLICATION_JSON))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("INVALID_LINK"));
    }

    @Test
    void oversized_requests_are_refused_before_any_work() throws Exception {
      mvc.perform(get("/01/" + GTIN + "/10/" + "A".repeat(1100) + "/21/U1"))
          .andExpect(status().is(413))
          .andExpect(jsonPath("$.code").value("REQUEST_TOO_LARGE"));
      mvc.perform(
              as("farmer", post("/api/issuance/runs"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"x\":\"" + "a".repeat(70_000) + "\"}"))
          .andExpect(status().is(413))
          .andExpect(jsonPath("$.code").value("REQUEST_TOO_LARGE"));
    }

    @Test
    void bad_issuance_requests_have_codes_and_write_nothing() throws Exception {
      issueExpect(
          "{\"runId\":\"X1\",\"batchId\":\"XF-QR-1\",\"level\":\"ITEM\",\"start\":5,\"count\":3}",
          409,
          "RANGE_OVERLAP");
      issueExpect(
          "{\"runId\":\"X2\",\"batchId\":\"NOPE\",\"level\":\"ITEM\",\"count\":3}",
          404,
          "BATCH_NOT_FOUND");
      issueExpect(
          "{\"runId\":\"X3\",\"batchId\":\"XF-QR-1\",\"level\":\"BOX\",\"count\":3}",
          400,
          "INVALID_ARGUMENT");
      issueExpect(
          "{\"runId\":\"X4\",\"batchId\":\"XF-QR-1\",\"level\":\"ITEM\",\"count\":20000000}",
          400,
          "RANGE_TOO_LARGE");
      issueExpect("{not json", 400, "INVALID_ARGUMENT");
      issueExpect(
          "{\"runId\":\"R1\",\"batchId\":\"XF-QR-1\",\"level\":\"ITEM\",\"count\":13}",
          409,
          "ALREADY_EXISTS");
      mvc.perform(as("farmer", get("/api/issuance/runs/X1")))
          .andExpect(status().isNotFound())
          .andExpect(jsonPath("$.code").value("RUN_NOT_FOUND"));
      mvc.perform(as("farmer", get("/api/labels/runs/R1/sheet.pdf?rows=30")))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("INVALID_ARGUMENT"));
      mvc.perform(as("farmer", get("/api/labels/runs/R1/U99.png")))
          .andExpect(status().isNotFound())
          .andExpect(jsonPath("$.code").value("SERIAL_NOT_ISSUED"));
    }

    void issueExpect(String json, int status, String code) throws Exception {
      mvc.perform(
              as("farmer", post("/api/issuance/runs"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(json))
          .andExpect(status().is(status))
          .andExpect(jsonPath("$.code").value(code));
    }
  }

  @Nested
  @DisplayName("who may issue and print")
  class Authorisation {

    @Test
    @DisplayName("no login, a wrong password or a user without wallet identity: 401 UNAUTHORIZED")
    void protected_paths_need_a_user_with_an_identity() throws Exception {
      mvc.perform(post("/api/issuance/runs").contentType(MediaType.APPLICATION_JSON).content("{}"))
          .andExpect(status().isUnauthorized())
          .andExpect(header().string("WWW-Authenticate", startsWith("Basic ")))
          .andExpect(jsonPath("$.code").value("UNAUTHORIZED"));
      mvc.perform(get("/api/labels/runs/R1/U1.png").with(httpBasic("farmer", "wrong")))
          .andExpect(status().isUnauthorized());
      mvc.perform(as("no-identity", get("/api/labels/runs/R1/U1.png")))
          .andExpect(status().isUnauthorized());
      mvc.perform(get("/api/regulator/warnings").header("Authorization", "Bearer anything"))
          .andExpect(status().isUnauthorized());
    }

    @Test
    @DisplayName("another producer and a labeler of another county may not issue: nothing written")
    void others_may_not_issue_for_the_batch() throws Exception {
      long height = ledger.height();
      for (String user : List.of("other-farmer", "far-labeler", "regulator")) {
        mvc.perform(
                as(user, post("/api/issuance/runs"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"runId\":\"D1\",\"batchId\":\"XF-QR-1\",\"level\":\"ITEM\","
                            + "\"count\":3}"))
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
      }
      assertThat(ledger.height()).isEqualTo(height);
      mvc.perform(as("farmer", get("/api/issuance/runs/D1")))
          .andExpect(status().isNotFound())
          .andExpect(jsonPath("$.code").value("RUN_NOT_FOUND"));
    }

    @Test
    @DisplayName("the ledger itself refuses a producer that does not own the batch (NOT_OWNER)")
    void the_code_contract_refuses_another_producer() {
      var other = wallet.find("other-farmer").orElseThrow();
      var e =
          org.junit.jupiter.api.Assertions.assertThrows(
              cn.xianglian.ledger.LedgerException.class,
              () ->
                  ledger.submit(
                      other,
                      Proposal.of(
                          "code",
                          "issueRun",
                          """
                          {"batchId":"XF-QR-1","digest":"%s","keyId":"1","level":"ITEM",\
                          "lot":"XF-QR-1","product":{"gtin":"%s"},"runId":"D2",\
                          "serialEnd":1000,"serialStart":1000}"""
                              .formatted("0".repeat(64), GTIN))));
      assertThat(e.errorCode()).contains("NOT_OWNER");
    }

    @Test
    @DisplayName("a labeler of the county issues for the batch; the run records it as issuer")
    void a_labeler_of_the_county_issues() throws Exception {
      mvc.perform(
              as("labeler", post("/api/issuance/runs"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      "{\"runId\":\"P1\",\"batchId\":\"XF-QR-1\",\"level\":\"PALLET\","
                          + "\"count\":1}"))
          .andExpect(status().isCreated());
      JsonNode run = JSON.readTree(ledger.evaluate(regulator, Proposal.of("code", "getRun", "P1")));
      assertThat(run.path("issuer").asString()).isEqualTo("CountyOrgMSP/QR");
      mvc.perform(as("labeler", get("/api/issuance/runs/P1"))).andExpect(status().isOk());
    }

    @Test
    @DisplayName("labels are printed only by those who may issue; keys and scans by their roles")
    void labels_keys_and_regulator_api_by_role() throws Exception {
      for (String user : List.of("other-farmer", "far-labeler", "regulator")) {
        mvc.perform(as(user, get("/api/labels/runs/R1/U1.png")))
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
        mvc.perform(as(user, get("/api/labels/runs/R1/sheet.pdf")))
            .andExpect(status().isForbidden());
        mvc.perform(as(user, get("/api/labels/runs/R1/codes.txt")))
            .andExpect(status().isForbidden());
      }
      String key = keys.currentKeyId();
      mvc.perform(as("farmer", post("/api/keys/rotate")))
          .andExpect(status().isForbidden())
          .andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
      assertThat(keys.currentKeyId()).isEqualTo(key);
      mvc.perform(as("farmer", get("/api/regulator/warnings")))
          .andExpect(status().isForbidden())
          .andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
    }
  }

  @Nested
  @DisplayName("single labels")
  class SingleLabels {

    @Test
    void a_png_label_decodes_to_the_same_uri_as_the_sheet() throws Exception {
      MvcResult started =
          mvc.perform(as("farmer", get("/api/labels/runs/R1/U3.png?pixelsPerModule=4")))
              .andExpect(request().asyncStarted())
              .andReturn();
      byte[] png =
          mvc.perform(asyncDispatch(started))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsByteArray();
      assertThat(QrDecoding.decodePng(png)).isEqualTo(printed.get(2));
    }
  }

  @Nested
  @DisplayName("recall and scans")
  class RecallAndScans {

    @Test
    void a_recall_shows_the_red_banner_on_the_next_scan_of_a_cached_code() throws Exception {
      String uri =
          CodeSigner.sign(keys.ring(), "1", new DigitalLink(new Gtin(GTIN), "XF-QR-2", "U1"))
              .uri(BASE);
      mvc.perform(scan(uri).accept(MediaType.APPLICATION_JSON))
          .andExpect(jsonPath("$.recalled").value(false));

      submit(
          regulator,
          "recallBatch",
          """
          {"recallId":"RC-QR-1","batchId":"XF-QR-2","reason":"农残超标","level":"I",\
          "issuedAt":"2026-05-03T09:00:00+08:00"}""");

      String html = "";
      for (int attempt = 0; attempt < 200 && !html.contains("recall-banner"); attempt++) {
        Thread.sleep(10);
        html =
            mvc.perform(scan(uri).accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse()
                .getContentAsString();
      }
      assertThat(html).contains("recall-banner", "该批次已召回", "农残超标", "2026年5月3日 09:00");
    }

    @Test
    void one_serial_scanned_in_far_apart_places_raises_a_warning_for_regulators() throws Exception {
      String uri = printed.get(5);
      mvc.perform(scan(uri + "&lat=27.10&lon=106.73").accept(MediaType.APPLICATION_JSON))
          .andExpect(status().isOk());
      mvc.perform(scan(uri + "&lat=39.90&lon=116.40").accept(MediaType.APPLICATION_JSON))
          .andExpect(status().isOk());
      assertThat(scans.awaitWritten(Duration.ofSeconds(10))).isTrue();

      mvc.perform(as("regulator", get("/api/regulator/warnings")))
          .andExpect(status().isOk())
          .andExpect(
              jsonPath("$[?(@.kind == 'FAR_APART')].code")
                  .value(org.hamcrest.Matchers.hasItem("/01/" + GTIN + "/10/XF-QR-1/21/U6")));
      mvc.perform(
              as("regulator", get("/api/regulator/scans"))
                  .param("code", "/01/" + GTIN + "/10/XF-QR-1/21/U6"))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.scanCount").value(org.hamcrest.Matchers.greaterThanOrEqualTo(2)))
          .andExpect(jsonPath("$.firstScanAt").isNotEmpty());
    }

    @Test
    void a_complaint_from_the_consumer_page_reaches_the_regulator() throws Exception {
      mvc.perform(get("/complaint").param("code", "/01/" + GTIN + "/10/XF-QR-1/21/U1"))
          .andExpect(status().isOk())
          .andExpect(content().string(org.hamcrest.Matchers.containsString("投诉举报")));
      mvc.perform(
              post("/complaint")
                  .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                  .param("code", "/01/" + GTIN + "/10/XF-QR-1/21/U1")
                  .param("category", "COUNTERFEIT")
                  .param("text", "包装与以往不同"))
          .andExpect(status().isOk())
          .andExpect(content().string(org.hamcrest.Matchers.containsString("已收到")));
      mvc.perform(as("regulator", get("/api/regulator/complaints")))
          .andExpect(jsonPath("$[0].text").value("包装与以往不同"))
          .andExpect(jsonPath("$[0].category").value("COUNTERFEIT"));
    }
  }

  @Nested
  @DisplayName("key rotation")
  class Rotation {

    @Test
    void new_runs_use_the_new_key_and_printed_labels_still_resolve() throws Exception {
      mvc.perform(as("admin", post("/api/keys/rotate")).param("algorithm", "SM2_SM3"))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.currentKeyId").value("2"));
      mvc.perform(
              as("farmer", post("/api/issuance/runs"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      "{\"runId\":\"R3\",\"batchId\":\"XF-QR-1\",\"level\":\"ITEM\",\"count\":5}"))
          .andExpect(status().isCreated())
          .andExpect(jsonPath("$.keyId").value("2"))
          .andExpect(jsonPath("$.first").value("/01/" + GTIN + "/10/XF-QR-1/21/U13"));

      String fresh =
          CodeSigner.sign(keys.ring(), new DigitalLink(new Gtin(GTIN), "XF-QR-1", "U13")).uri(BASE);
      mvc.perform(scan(fresh).accept(MediaType.APPLICATION_JSON))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.runId").value("R3"));
      mvc.perform(scan(printed.get(3)).accept(MediaType.APPLICATION_JSON))
          .andExpect(status().isOk());
      String oldKeyOnNewRun =
          CodeSigner.sign(keys.ring(), "1", new DigitalLink(new Gtin(GTIN), "XF-QR-1", "U14"))
              .uri(BASE);
      mvc.perform(scan(oldKeyOnNewRun).accept(MediaType.APPLICATION_JSON))
          .andExpect(status().isNotFound())
          .andExpect(jsonPath("$.code").value("SIGNATURE_INVALID"));
    }
  }
}
