package cn.xianglian.app.finance;

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
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * The finance API over HTTP on the real embedded ledger running the real finance contract: a county
 * defines the 2023 chart, a village 报账员 records and submits a voucher, the township 农经站 approves
 * and posts it, and the month's trial balance balances. A village cannot approve.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"xl.demo.enabled=false", "server.address=127.0.0.1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Finance end to end on the embedded ledger")
class FinanceEndToEndTest {

  private static final String VILLAGE = "520122100201";
  private static final String PASSWORD = "test-password";

  /** Vouchers may not be dated after today (China time): the first day of the current month. */
  private static final LocalDate DATE = LocalDate.now(ZoneOffset.ofHours(8)).withDayOfMonth(1);

  private static final String PERIOD = DATE.toString().substring(0, 7);

  private static final Path dataDir =
      Path.of("target", "e2e-data", "finance-" + java.util.UUID.randomUUID()).toAbsolutePath();

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
    user("county", "CountyOrgMSP", "county", "520122000000");
    user("township", "TownshipOrgMSP", "township", "520122100000");
    user("bookkeeper", "TownshipOrgMSP", "village", VILLAGE);
    user("auditor", "CountyOrgMSP", "auditor", "520122000000");
    user("villager", "TownshipOrgMSP", "villager", VILLAGE);
  }

  private void user(String name, String mspId, String role, String region) {
    wallet.put(
        enroller.enroll(
            name, mspId, Map.of("xl.role", role, "xl.region", region, "xl.party", "E2E-" + name)));
    users.put(name, PASSWORD, name, name);
  }

  @Test
  @Order(1)
  @DisplayName("the county defines the chart from the bundled 2023 template; anyone may read it")
  void defineChart() {
    Response defined =
        post(
            "county",
            "/api/v1/finance/charts",
            """
            {"county":"520122000000","version":1,"effectiveFrom":"2024-01-01",
             "standard":"财会〔2023〕14号","template":"CAIHUI_2023_14"}""");
    assertThat(defined.status).as(defined.text).isEqualTo(201);
    assertThat(defined.body.at("/transaction/blockNumber").asLong()).isPositive();

    Response chart = get(null, "/api/v1/finance/charts/520122000000");
    assertThat(chart.status).as(chart.text).isEqualTo(200);
    assertThat(chart.body.path("accounts").size()).isEqualTo(42);
  }

  @Test
  @Order(2)
  @DisplayName("a village records and submits a voucher draft")
  void recordAndSubmit() {
    Response recorded =
        post(
            "bookkeeper",
            "/api/v1/finance/vouchers",
            """
            {"voucherId":"E2E-V1","village":"%s","date":"%s","summary":"收到土地租金",
             "lines":[{"account":"102","debitFen":3000000,"creditFen":0,"counterparty":"某合作社"},
                      {"account":"501","debitFen":0,"creditFen":3000000}]}"""
                .formatted(VILLAGE, DATE));
    assertThat(recorded.status).as(recorded.text).isEqualTo(201);
    assertThat(recorded.body.at("/record/status").asString()).isEqualTo("DRAFT");
    assertThat(recorded.body.at("/record/totalFen").asLong()).isEqualTo(3000000);

    Response submitted = post("bookkeeper", "/api/v1/finance/vouchers/E2E-V1/submit", "");
    assertThat(submitted.status).as(submitted.text).isEqualTo(200);
    assertThat(submitted.body.at("/record/status").asString()).isEqualTo("SUBMITTED");
  }

  @Test
  @Order(3)
  @DisplayName("the village cannot approve its own voucher: 403 ACCESS_DENIED, nothing changes")
  void villageCannotApprove() {
    Response denied = post("bookkeeper", "/api/v1/finance/vouchers/E2E-V1/approve", "");
    assertThat(denied.status).as(denied.text).isEqualTo(403);
    assertThat(denied.body.path("code").asString()).isEqualTo("ACCESS_DENIED");

    Response voucher = get("bookkeeper", "/api/v1/finance/vouchers/E2E-V1");
    assertThat(voucher.status).as(voucher.text).isEqualTo(200);
    assertThat(voucher.body.path("status").asString()).isEqualTo("SUBMITTED");
    assertThat(voucher.body.path("steps").size()).isEqualTo(2);
  }

  @Test
  @Order(4)
  @DisplayName("the township approves and posts it")
  void approveAndPost() {
    Response approved = post("township", "/api/v1/finance/vouchers/E2E-V1/approve", "");
    assertThat(approved.status).as(approved.text).isEqualTo(200);
    assertThat(approved.body.at("/record/status").asString()).isEqualTo("APPROVED");

    Response posted = post("township", "/api/v1/finance/vouchers/E2E-V1/post", "");
    assertThat(posted.status).as(posted.text).isEqualTo(200);
    assertThat(posted.body.at("/record/status").asString()).isEqualTo("POSTED");
    assertThat(posted.body.at("/record/steps").size()).isEqualTo(4);
  }

  @Test
  @Order(5)
  @DisplayName("the month's trial balance balances and lists the posted voucher")
  void trialBalance() {
    Response balance =
        get("auditor", "/api/v1/finance/villages/" + VILLAGE + "/trial-balance?period=" + PERIOD);
    assertThat(balance.status).as(balance.text).isEqualTo(200);
    assertThat(balance.body.path("balanced").asBoolean()).isTrue();
    assertThat(balance.body.path("debitFen").asLong()).isEqualTo(3000000);
    assertThat(balance.body.path("creditFen").asLong()).isEqualTo(3000000);
    assertThat(balance.body.path("vouchers").size()).isEqualTo(1);
    assertThat(balance.body.at("/vouchers/0/voucherId").asString()).isEqualTo("E2E-V1");
  }

  @Test
  @Order(6)
  @DisplayName("the books are not public: an anonymous trial balance is 401")
  void booksNeedLogin() {
    Response anonymous =
        get(null, "/api/v1/finance/villages/" + VILLAGE + "/trial-balance?period=" + PERIOD);
    assertThat(anonymous.status).as(anonymous.text).isEqualTo(401);
    assertThat(anonymous.body.path("code").asString()).isEqualTo("UNAUTHENTICATED");
  }

  @Test
  @Order(7)
  @DisplayName("an unbalanced voucher is 422 VOUCHER_UNBALANCED and is not recorded")
  void unbalanced() {
    Response refused =
        post(
            "bookkeeper",
            "/api/v1/finance/vouchers",
            """
            {"voucherId":"E2E-V2","village":"%s","date":"%s","summary":"错账",
             "lines":[{"account":"102","debitFen":100,"creditFen":0},
                      {"account":"501","debitFen":0,"creditFen":99}]}"""
                .formatted(VILLAGE, DATE));
    assertThat(refused.status).as(refused.text).isEqualTo(422);
    assertThat(refused.body.path("code").asString()).isEqualTo("VOUCHER_UNBALANCED");

    Response missing = get("bookkeeper", "/api/v1/finance/vouchers/E2E-V2");
    assertThat(missing.status).as(missing.text).isEqualTo(404);
    assertThat(missing.body.path("code").asString()).isEqualTo("VOUCHER_NOT_FOUND");
  }

  @Test
  @Order(8)
  @DisplayName(
      "a publication is public; a villager's objection keeps name, phone and ID number off it")
  void publicationAndObjection() {
    Response catalogue =
        post(
            "county",
            "/api/v1/finance/catalogues",
            """
            {"county":"520122000000","catalogueId":"XF-SANWU","version":1,"name":"三务公开目录",
             "publishWithinDays":30,"answerWithinDays":15,"toBeConfirmed":true,
             "template":"XIFENG_SANWU_3X16"}""");
    assertThat(catalogue.status).as(catalogue.text).isEqualTo(201);

    Response published =
        post(
            "bookkeeper",
            "/api/v1/finance/publications",
            """
            {"publicationId":"E2E-PUB-1","village":"%s","catalogueId":"XF-SANWU",
             "itemCode":"CAIW-02","period":"%s","title":"各项收入公开","contentSha256":"%s"}"""
                .formatted(VILLAGE, PERIOD, "c".repeat(64)));
    assertThat(published.status).as(published.text).isEqualTo(201);

    Response read = get(null, "/api/v1/finance/publications/E2E-PUB-1");
    assertThat(read.status).as(read.text).isEqualTo(200);
    assertThat(read.body.path("itemCode").asString()).isEqualTo("CAIW-02");

    Response filed =
        post(
            "villager",
            "/api/v1/finance/publications/E2E-PUB-1/objections",
            """
            {"objectionId":"E2E-OBJ-1","question":"租金收入为何比去年少？",
             "objector":{"name":"李四","phone":"13900000000","idNumber":"11010519491231002X"}}""");
    assertThat(filed.status).as(filed.text).isEqualTo(201);
    assertThat(filed.body.at("/record/status").asString()).isEqualTo("OPEN");
    assertThat(filed.body.at("/record/objectorHash").asString()).matches("[0-9a-f]{64}");
    assertThat(filed.text).doesNotContain("13900000000").doesNotContain("李四");
  }

  @Test
  @Order(9)
  @DisplayName(
      "registers: the bank account's balance and the general ledger come from the posted voucher")
  void fundsAndGeneralLedger() {
    Response fund =
        post(
            "bookkeeper",
            "/api/v1/finance/fund-accounts",
            """
            {"fundAccountId":"E2E-FUND-1","village":"%s","kind":"BANK","account":"102",
             "name":"基本户","bankName":"息烽农商银行","accountNoLast4":"0201","openedOn":"2024-01-01"}"""
                .formatted(VILLAGE));
    assertThat(fund.status).as(fund.text).isEqualTo(201);
    Response reconciled =
        post(
            "bookkeeper",
            "/api/v1/finance/fund-accounts/E2E-FUND-1/reconciliations",
            """
            {"reconciliationId":"E2E-REC-1","asOf":"%s","statementFen":3000000}"""
                .formatted(DATE));
    assertThat(reconciled.status).as(reconciled.text).isEqualTo(201);
    assertThat(reconciled.body.at("/record/matched").asBoolean()).isTrue();
    assertThat(reconciled.body.at("/record/voucherIds/0").asString()).isEqualTo("E2E-V1");
    Response status = get("auditor", "/api/v1/finance/fund-accounts/E2E-FUND-1");
    assertThat(status.body.at("/balance/balanceFen").asLong()).isEqualTo(3000000);
    Response missing = get("auditor", "/api/v1/finance/fund-accounts/E2E-FUND-X");
    assertThat(missing.status).as(missing.text).isEqualTo(404);
    assertThat(missing.body.path("code").asString()).isEqualTo("FUND_ACCOUNT_NOT_FOUND");

    Response ledger =
        get(
            "auditor",
            "/api/v1/finance/villages/%s/general-ledger?year=%d&account=102"
                .formatted(VILLAGE, DATE.getYear()));
    assertThat(ledger.status).as(ledger.text).isEqualTo(200);
    JsonNode month = ledger.body.at("/accounts/0/months/" + (DATE.getMonthValue() - 1));
    assertThat(month.path("debitFen").asLong()).isEqualTo(3000000);
    assertThat(month.at("/vouchers/0/voucherId").asString()).isEqualTo("E2E-V1");
  }

  @Test
  @Order(10)
  @DisplayName(
      "a co-operative's members are pseudonymous; a posted dividend voucher is split by shares")
  void cooperativeDividend() {
    assertThat(
            post(
                    "bookkeeper",
                    "/api/v1/finance/cooperatives",
                    """
                    {"cooperativeId":"E2E-COOP","village":"%s","name":"示范村股份经济合作社",
                     "foundedOn":"2020-06-01"}"""
                        .formatted(VILLAGE))
                .status)
        .isEqualTo(201);
    Response member =
        post(
            "bookkeeper",
            "/api/v1/finance/cooperatives/E2E-COOP/members",
            """
            {"memberId":"M-001","shares":2,"joinedOn":"2020-06-01",
             "person":{"name":"李四","phone":"13900000000","idNumber":"11010519491231002X"}}""");
    assertThat(member.status).as(member.text).isEqualTo(201);
    assertThat(member.text).doesNotContain("李四").doesNotContain("13900000000");
    post(
        "bookkeeper",
        "/api/v1/finance/vouchers",
        """
        {"voucherId":"E2E-DIV","village":"%s","date":"%s","summary":"分配股金分红",
         "lines":[{"account":"322","debitFen":100000,"creditFen":0},
                  {"account":"211","debitFen":0,"creditFen":100000}]}"""
            .formatted(VILLAGE, DATE));
    post("bookkeeper", "/api/v1/finance/vouchers/E2E-DIV/submit", "");
    post("township", "/api/v1/finance/vouchers/E2E-DIV/approve", "");
    post("township", "/api/v1/finance/vouchers/E2E-DIV/post", "");
    Response distributed =
        post(
            "bookkeeper",
            "/api/v1/finance/cooperatives/E2E-COOP/distributions",
            """
            {"distributionId":"E2E-D1","year":"%d","totalFen":100000,"voucherId":"E2E-DIV"}"""
                .formatted(DATE.getYear()));
    assertThat(distributed.status).as(distributed.text).isEqualTo(201);
    assertThat(distributed.body.at("/record/allocations/0/amountFen").asLong()).isEqualTo(100000);
    Response members = get("auditor", "/api/v1/finance/cooperatives/E2E-COOP/members");
    assertThat(members.text).doesNotContain("李四").contains("memberHash");
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

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
