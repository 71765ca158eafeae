package cn.xianglian.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xianglian.app.identity.IdentityEnroller;
import cn.xianglian.app.identity.UserDirectory;
import cn.xianglian.app.identity.Wallet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application over HTTP on the real embedded ledger running the real trace contract, in a
 * temporary data directory: one traceability story, step by step.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"xl.demo.enabled=false", "server.address=127.0.0.1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("End to end on the embedded ledger")
class EndToEndTest {

  private static final String REGION = "520122100000";
  private static final String GTIN = "06920123000012";
  private static final String PASSWORD = "test-password";

  /** A fresh data directory per run (not @TempDir: the context starts before static injection). */
  private static final Path dataDir =
      Path.of("target", "e2e-data", java.util.UUID.randomUUID().toString()).toAbsolutePath();

  @DynamicPropertySource
  static void dataDirectory(DynamicPropertyRegistry registry) {
    registry.add("xl.data.dir", () -> dataDir.toString());
  }

  @LocalServerPort int port;
  @Autowired IdentityEnroller enroller;
  @Autowired Wallet wallet;
  @Autowired UserDirectory users;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  @BeforeAll
  void enrollUsers() {
    user(
        "alice",
        "CoopOrgMSP",
        Map.of("xl.role", "producer", "xl.region", REGION, "xl.party", "P-E2E-1"));
    user(
        "bob",
        "CoopOrgMSP",
        Map.of("xl.role", "producer", "xl.region", REGION, "xl.party", "P-E2E-2"));
    user(
        "regulator",
        "CountyOrgMSP",
        Map.of("xl.role", "regulator", "xl.region", "520122000000", "xl.party", "COUNTY-AGRI"));
  }

  private void user(String name, String mspId, Map<String, String> attributes) {
    wallet.put(enroller.enroll(name, mspId, attributes));
    users.put(name, PASSWORD, name, name);
  }

  @Test
  @Order(1)
  @DisplayName("a producer registers itself; personal data stays off the public record")
  void registerProducer() {
    for (String[] producer : new String[][] {{"alice", "P-E2E-1"}, {"bob", "P-E2E-2"}}) {
      Response response =
          post(
              producer[0],
              "/api/v1/producers",
              """
              {"producerId":"%s","type":"FAMILY_FARM","name":"测试家庭农场","region":"%s",
               "personal":{"name":"张三","phone":"13800000000","idNumber":"11010519491231002X"}}"""
                  .formatted(producer[1], REGION));
      assertThat(response.status).as(response.text).isEqualTo(201);
      assertThat(response.body.at("/record/personalDataHash").asString()).matches("[0-9a-f]{64}");
      assertThat(response.text).doesNotContain("13800000000").doesNotContain("11010519491231002X");
    }
  }

  @Test
  @Order(2)
  @DisplayName("the producer creates a batch and records planting, pesticide use and an inspection")
  void createBatchAndEvents() {
    Response created =
        post(
            "alice",
            "/api/v1/batches",
            """
            {"batchId":"E2E-B1","producerId":"P-E2E-1",
             "product":{"gtin":"%s","name":"息烽贡米","category":"粮食"},
             "quantity":{"amount":1000,"uom":"KGM"},"origin":{"region":"%s","site":"3号田"},
             "productionType":"PLANTING","producedAt":"2026-04-20T08:00:00+08:00"}"""
                .formatted(GTIN, REGION));
    assertThat(created.status).as(created.text).isEqualTo(201);
    assertThat(created.body.at("/transaction/blockNumber").asLong()).isPositive();
    assertThat(created.body.at("/record/status").asString()).isEqualTo("ACTIVE");

    assertThat(
            event("E2E-E1", "xl:planting", "2026-04-25T09:00:00+08:00", "{\"note\":\"插秧\"}").status)
        .isEqualTo(201);
    Response pesticide =
        event(
            "E2E-E2",
            "xl:pesticide_applying",
            "2026-07-05T08:30:00+08:00",
            """
            {"input":{"category":"PESTICIDE","productName":"氯虫苯甲酰胺悬浮剂","registrationNo":"PD20110596",
             "dose":{"amount":600,"uom":"GRM"},"appliedOn":"2026-07-05","safeIntervalDays":21}}""");
    assertThat(pesticide.status).as(pesticide.text).isEqualTo(201);
    Response inspection =
        event(
            "E2E-E3",
            "inspecting",
            "2026-10-05T14:00:00+08:00",
            """
            {"inspection":{"lab":"息烽县农产品质量安全检测站","method":"GB 2763-2021","result":"PASS",
             "reportSha256":"%s","items":[{"name":"镉","value":"0.05","limit":"0.2","unit":"mg/kg","result":"PASS"}]}}"""
                .formatted("ab".repeat(32)));
    assertThat(inspection.status).as(inspection.text).isEqualTo(201);
    assertThat(inspection.body.at("/record/ledger/blockNumber").asLong()).isPositive();
  }

  @Test
  @Order(3)
  @DisplayName("the producer splits the batch; the child knows its parent")
  void split() {
    Response split =
        post(
            "alice",
            "/api/v1/batches/E2E-B1/split",
            """
            {"eventId":"E2E-SP1","eventTime":"2026-10-09T09:00:00+08:00",
             "readPoint":{"region":"%s","site":"仓库"},
             "children":[{"batchId":"E2E-B1-A","quantity":{"amount":400,"uom":"KGM"}}]}"""
                .formatted(REGION));
    assertThat(split.status).as(split.text).isEqualTo(201);
    JsonNode child = get("/api/v1/batches/E2E-B1-A").body;
    assertThat(child.at("/parents/0").asString()).isEqualTo("E2E-B1");
    assertThat(child.at("/quantity/amount").asLong()).isEqualTo(400);
    assertThat(get("/api/v1/batches/E2E-B1").body.at("/quantity/amount").asLong()).isEqualTo(600);
  }

  @Test
  @Order(4)
  @DisplayName("a 承诺达标合格证 is issued for the child and anyone can look it up")
  void certificate() {
    Response issued =
        post(
            "alice",
            "/api/v1/certificates",
            """
            {"certificateNo":"HGZ-E2E-0001","batchId":"E2E-B1-A","style":"PRODUCER",
             "basis":"SELF_TEST","promises":["NO_BANNED_PESTICIDES_OR_VET_DRUGS","NO_ILLEGAL_ADDITIVES"],
             "quantity":{"amount":400,"uom":"KGM"},"issuedAt":"2026-10-09T10:00:00+08:00"}""");
    assertThat(issued.status).as(issued.text).isEqualTo(201);
    Response lookup = get("/api/v1/certificates/HGZ-E2E-0001");
    assertThat(lookup.status).isEqualTo(200);
    assertThat(lookup.body.at("/status").asString()).isEqualTo("VALID");
    assertThat(lookup.body.at("/batchId").asString()).isEqualTo("E2E-B1-A");
  }

  @Test
  @Order(5)
  @DisplayName("a certificate is voided, stays readable as VOID, and cannot be voided twice")
  void voidCertificate() {
    Response issued =
        post(
            "alice",
            "/api/v1/certificates",
            """
            {"certificateNo":"HGZ-E2E-0002","batchId":"E2E-B1","style":"PRODUCER",
             "basis":"QUALITY_CONTROL","promises":["NO_ILLEGAL_ADDITIVES"],
             "quantity":{"amount":100,"uom":"KGM"},"issuedAt":"2026-10-09T11:00:00+08:00"}""");
    assertThat(issued.status).as(issued.text).isEqualTo(201);

    Response voided =
        post("alice", "/api/v1/certificates/HGZ-E2E-0002/void", "{\"reason\":\"数量填写错误\"}");
    assertThat(voided.status).as(voided.text).isEqualTo(200);
    assertThat(get("/api/v1/certificates/HGZ-E2E-0002").body.at("/status").asString())
        .isEqualTo("VOID");

    Response again =
        post("alice", "/api/v1/certificates/HGZ-E2E-0002/void", "{\"reason\":\"再次作废\"}");
    assertThat(again.status).as(again.text).isEqualTo(409);
    assertThat(again.body.at("/code").asString()).isEqualTo("INVALID_STATE");
  }

  @Test
  @Order(6)
  @DisplayName(
      "another producer may not record on a batch it does not own: 403 NOT_OWNER, nothing written")
  void denial() {
    JsonNode before = get("/api/v1/batches/E2E-B1").body;
    int eventsBefore = get("/api/v1/batches/E2E-B1/events").body.size();

    Response denied =
        post(
            "bob",
            "/api/v1/batches/E2E-B1/events",
            """
            {"eventId":"E2E-BOB","bizStep":"xl:harvesting","eventTime":"2026-10-01T09:00:00+08:00",
             "readPoint":{"region":"%s","site":"3号田"}}"""
                .formatted(REGION));

    assertThat(denied.status).as(denied.text).isEqualTo(403);
    assertThat(denied.body.at("/code").asString()).isEqualTo("NOT_OWNER");
    assertThat(denied.body.at("/message").asString()).isEqualTo("您不是该批次的所有者。");
    assertThat(get("/api/v1/batches/E2E-B1").body).isEqualTo(before);
    assertThat(get("/api/v1/batches/E2E-B1/events").body.size()).isEqualTo(eventsBefore);
  }

  @Test
  @Order(7)
  @DisplayName("a write without login is 401 and a producer may not recall (403 ACCESS_DENIED)")
  void unauthenticatedAndRole() throws Exception {
    HttpResponse<String> anonymous =
        http.send(
            HttpRequest.newBuilder(uri("/api/v1/batches/E2E-B1/recalls"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);

    Response producerRecall = recall("alice", "ZH-E2E-0");
    assertThat(producerRecall.status).as(producerRecall.text).isEqualTo(403);
    assertThat(producerRecall.body.at("/code").asString()).isEqualTo("ACCESS_DENIED");
  }

  @Test
  @Order(8)
  @DisplayName("the regulator recalls the parent and the recall reaches the child")
  void recall() {
    Response recalled = recall("regulator", "ZH-E2E-1");
    assertThat(recalled.status).as(recalled.text).isEqualTo(201);
    assertThat(get("/api/v1/batches/E2E-B1").body.at("/status").asString()).isEqualTo("RECALLED");
    JsonNode child = get("/api/v1/batches/E2E-B1-A").body;
    assertThat(child.at("/status").asString()).isEqualTo("RECALLED");
    assertThat(child.at("/recallIds/0").asString()).isEqualTo("ZH-E2E-1");

    Response after = event("E2E-E9", "packing", "2026-11-20T09:00:00+08:00", "{\"note\":\"装袋\"}");
    assertThat(after.status).as(after.text).isEqualTo(409);
    assertThat(after.body.at("/code").asString()).isEqualTo("BATCH_RECALLED");

    Response handled =
        post(
            "alice",
            "/api/v1/batches/E2E-B1-A/recall-handling",
            """
            {"eventId":"E2E-H1","recallId":"ZH-E2E-1","eventTime":"2026-11-16T10:00:00+08:00",
             "readPoint":{"region":"%s","site":"仓库"},"action":"DESTROYED",
             "quantity":{"amount":400,"uom":"KGM"},"evidenceSha256":"%s"}"""
                .formatted(REGION, "cd".repeat(32)));
    assertThat(handled.status).as(handled.text).isEqualTo(201);
    assertThat(handled.body.at("/record/bizStep").asString()).isEqualTo("xl:recall_handling");
  }

  @Test
  @Order(9)
  @DisplayName("events and key history carry transaction id, block number, timestamp and MSP")
  void history() {
    JsonNode events = get("/api/v1/batches/E2E-B1/events").body;
    assertThat(events.size()).isGreaterThanOrEqualTo(4);
    for (JsonNode event : events) {
      assertThat(event.at("/txId").asString()).isNotEmpty();
      assertThat(event.at("/ledger/txId").asString()).isEqualTo(event.at("/txId").asString());
      assertThat(event.at("/ledger/blockNumber").asLong()).isPositive();
      assertThat(event.at("/ledger/mspId").asString()).isEqualTo("CoopOrgMSP");
      assertThat(event.at("/ledger/timestamp").asString()).isNotEmpty();
    }
    JsonNode history = get("/api/v1/batches/E2E-B1/history").body;
    assertThat(history.size()).isGreaterThanOrEqualTo(3);
    assertThat(history.findValues("mspId").stream().map(JsonNode::asString))
        .contains("CoopOrgMSP", "CountyOrgMSP");
    for (JsonNode entry : history) {
      assertThat(entry.at("/ledger/blockNumber").asLong()).isPositive();
    }
    JsonNode trace = get("/api/v1/batches/E2E-B1-A/trace").body;
    assertThat(trace.at("/ancestors/0/batch/batchId").asString()).isEqualTo("E2E-B1");
  }

  @Test
  @Order(10)
  @DisplayName(
      "the EPCIS export holds the commissioning ObjectEvent and the split TransformationEvent")
  void epcis() {
    Response epcis = get("/api/v1/batches/E2E-B1/epcis");
    assertThat(epcis.status).isEqualTo(200);
    assertThat(epcis.body.at("/type").asString()).isEqualTo("EPCISDocument");
    JsonNode events = epcis.body.at("/epcisBody/eventList");
    JsonNode first = events.get(0);
    assertThat(first.at("/type").asString()).isEqualTo("ObjectEvent");
    assertThat(first.at("/bizStep").asString()).isEqualTo("commissioning");
    assertThat(first.at("/quantityList/0/epcClass").asString())
        .isEqualTo("https://id.gs1.org/01/" + GTIN + "/10/E2E-B1");
    assertThat(events.findValues("type").stream().map(JsonNode::asString))
        .contains("TransformationEvent");
  }

  private Response recall(String user, String recallId) {
    return post(
        user,
        "/api/v1/batches/E2E-B1/recalls",
        """
        {"recallId":"%s","level":"II","reason":"抽检不合格（测试）","issuedAt":"2026-11-15T10:00:00+08:00"}"""
            .formatted(recallId));
  }

  private Response event(String eventId, String bizStep, String time, String detail) {
    return post(
        "alice",
        "/api/v1/batches/E2E-B1/events",
        """
        {"eventId":"%s","bizStep":"%s","eventTime":"%s","readPoint":{"region":"%s","site":"3号田"},
         "detail":%s}"""
            .formatted(eventId, bizStep, time, REGION, detail));
  }

  private record Response(int status, String text, JsonNode body) {}

  private Response post(String user, String path, String body) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build());
  }

  private Response get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  private Response send(HttpRequest request) {
    try {
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), response.body(), json.readTree(response.body()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
