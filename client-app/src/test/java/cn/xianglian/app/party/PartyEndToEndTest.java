package cn.xianglian.app.party;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The party API over HTTP on the real embedded ledger, after the 息烽 demo (main and party) loaded
 * through the real contract: a branch per demo village, a year of meetings with overdue ones,
 * arrears, the pipeline in progress, and 党内 items that only members see.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"xl.demo.enabled=true", "server.address=127.0.0.1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Party affairs end to end on the demo data")
class PartyEndToEndTest {

  private static final String PASSWORD = "Xifeng-2026";
  private static final String VILLAGE = "520122100201";
  private static final String BRANCH = "XF-PB-" + VILLAGE;
  private static final String INNER = "XF-PUB-" + VILLAGE + "-2025-03";
  private static final String OPEN = "XF-PUB-" + VILLAGE + "-2025-01";

  private static final Path dataDir =
      Path.of("target", "e2e-data", "party-" + UUID.randomUUID()).toAbsolutePath();

  @DynamicPropertySource
  static void dataDirectory(DynamicPropertyRegistry registry) {
    registry.add("xl.data.dir", dataDir::toString);
  }

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  @DisplayName("the demo holds a 党支部 per demo village under its township 党委, and a marker")
  void branches() {
    assertThat(Files.exists(dataDir.resolve("party-demo-loaded"))).isTrue();
    Response county = get(null, "/api/v1/party/organisations?region=520122000000");
    assertThat(county.status).as(county.text).isEqualTo(200);
    long branches = 0;
    for (JsonNode org : county.body) {
      if (org.path("kind").asString().equals("BRANCH")) {
        branches++;
      }
    }
    assertThat(branches).isEqualTo(11);
    assertThat(county.body.size()).isEqualTo(23);
    assertThat(get(null, "/api/v1/party/organisations/" + BRANCH).body.path("parentId").asString())
        .isEqualTo("XF-PC-520122100");
  }

  @Test
  @DisplayName("a year of meetings with attendance; overdue detection finds the skipped ones")
  void meetings() {
    Response meetings =
        get("party-dazhai", "/api/v1/party/organisations/" + BRANCH + "/meetings?year=2025");
    assertThat(meetings.status).as(meetings.text).isEqualTo(200);
    assertThat(meetings.body.size()).isEqualTo(44);
    assertThat(meetings.body.get(0).path("attendance").size()).isEqualTo(5);
    Response clean =
        get(
            "party-dazhai",
            "/api/v1/party/organisations/"
                + BRANCH
                + "/overdue-meetings?asOf=2026-01-01&from=2025-01-01");
    assertThat(clean.body).isEmpty();
    String skipping = "XF-PB-520122101201";
    Response overdue =
        get(
            "party-xianwei",
            "/api/v1/party/organisations/"
                + skipping
                + "/overdue-meetings?asOf=2026-01-01&from=2025-01-01");
    assertThat(overdue.status).as(overdue.text).isEqualTo(200);
    List<String> items = new ArrayList<>();
    overdue.body.forEach(
        o -> items.add(o.path("type").asString() + " " + o.path("period").asString()));
    assertThat(items).containsExactly("GROUP_MEETING 2025-08", "PARTY_LECTURE 2025-Q3");
  }

  @Test
  @DisplayName("dues arrears: the member who stopped paying in July is lapsed by December")
  void arrears() {
    Response arrears =
        get(
            "party-dazhai",
            "/api/v1/party/organisations/" + BRANCH + "/arrears?through=2025-12&from=2025-01");
    assertThat(arrears.status).as(arrears.text).isEqualTo(200);
    assertThat(arrears.body.size()).isEqualTo(1);
    assertThat(arrears.body.get(0).path("memberId").asString())
        .isEqualTo("XF-PM-" + VILLAGE + "-05");
    assertThat(arrears.body.get(0).path("lapsed").asBoolean()).isTrue();
    Response points =
        get("party-member", "/api/v1/party/members/XF-PM-" + VILLAGE + "-01/points?year=2025");
    assertThat(points.status).as(points.text).isEqualTo(200);
    assertThat(points.body.path("total").asInt()).isPositive();
  }

  @Test
  @DisplayName("the pipeline is in progress and a skipped stage is refused (409 STAGE_SKIPPED)")
  void pipeline() {
    Response candidate = get("party-dazhai", "/api/v1/party/members/XF-PM-" + VILLAGE + "-A2");
    assertThat(candidate.body.path("stage").asString()).isEqualTo("CANDIDATE");
    Response full = get("party-dazhai", "/api/v1/party/members/XF-PM-" + VILLAGE + "-A3");
    assertThat(full.body.path("stage").asString()).isEqualTo("FULL");
    assertThat(full.body.toString()).doesNotContain("idNumber");
    Response skipped =
        post(
            "party-yongjing",
            "/api/v1/party/members/XF-PM-" + VILLAGE + "-A1/stages",
            "{\"stage\":\"CANDIDATE\",\"date\":\"2025-10-01\"}");
    assertThat(skipped.status).as(skipped.text).isEqualTo(409);
    assertThat(skipped.body.path("code").asString()).isEqualTo("STAGE_SKIPPED");
    Response denied =
        post(
            "party-dazhai",
            "/api/v1/party/publications/XF-PUB-" + VILLAGE + "-2025-04/review",
            "{\"approve\":true}");
    assertThat(denied.status).as(denied.text).isEqualTo(403);
    assertThat(denied.body.path("code").asString()).isEqualTo("ACCESS_DENIED");
    assertThat(
            get("party-dazhai", "/api/v1/party/members/XF-PM-" + VILLAGE + "-A1")
                .body
                .path("stage")
                .asString())
        .isEqualTo("APPLICANT");
  }

  @Test
  @DisplayName(
      "党外 items are public; 党内 items only for members; pending ones only for the organisations")
  void visibility() {
    assertThat(get(null, "/api/v1/party/publications/" + OPEN).status).isEqualTo(200);
    Response hidden = get(null, "/api/v1/party/publications/" + INNER);
    assertThat(hidden.status).as(hidden.text).isEqualTo(403);
    assertThat(hidden.body.path("code").asString()).isEqualTo("ACCESS_DENIED");
    assertThat(get("villager-demo", "/api/v1/party/publications/" + INNER).status).isEqualTo(403);
    Response anonymous = get(null, "/api/v1/party/organisations/" + BRANCH + "/publications");
    assertThat(anonymous.body.size()).isEqualTo(2);
    Response member = get("party-member", "/api/v1/party/publications/" + INNER);
    assertThat(member.status).as(member.text).isEqualTo(200);
    assertThat(member.body.path("scope").asString()).isEqualTo("INNER");
    assertThat(
            get("party-member", "/api/v1/party/organisations/" + BRANCH + "/publications")
                .body
                .size())
        .isEqualTo(3);
    assertThat(
            get("party-dazhai", "/api/v1/party/organisations/" + BRANCH + "/publications")
                .body
                .size())
        .isEqualTo(4);
  }

  private record Response(int status, String text, JsonNode body) {}

  private Response post(String user, String path, String body) {
    return send(
        authorized(HttpRequest.newBuilder(uri(path)), user)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build());
  }

  private Response get(String user, String path) {
    return send(authorized(HttpRequest.newBuilder(uri(path)), user).GET().build());
  }

  private static HttpRequest.Builder authorized(HttpRequest.Builder request, String user) {
    if (user == null) {
      return request;
    }
    return request.header(
        "Authorization",
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private Response send(HttpRequest request) {
    try {
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      String text = response.body();
      return new Response(
          response.statusCode(), text, text.isEmpty() ? json.nullNode() : json.readTree(text));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
