package cn.xianglian.app.projection;

import static cn.xianglian.app.projection.LedgerCounts.await;
import static org.assertj.core.api.Assertions.assertThat;

import cn.xianglian.app.integrity.RecordVerifier;
import cn.xianglian.app.integrity.Verification;
import cn.xianglian.ledger.LedgerClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Projected records verified against the ledger; rows changed in SQL are caught. */
@DisplayName("Integrity of projected records")
class IntegrityTest extends DemoLedgerContext {

  @Autowired LedgerClient ledger;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired RecordVerifier verifier;
  @LocalServerPort int port;

  /** A fresh, complete projection for each test (tests tamper with rows). */
  @BeforeEach
  void projectEverything() {
    var projector = new BlockProjector(jdbc, transactions, BlockProjector.MidBlockHook.NONE);
    try (var runner = new ProjectionRunner(ledger, projector, null)) {
      runner.rebuild();
      await("projection", () -> runner.checkpoint() == ledger.height() - 1);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "BATCH, XF-GM-2026-001",
    "BATCH, XF-PG-2026-001-A",
    "PRODUCER, P-520122-0001",
    "CERTIFICATE, HGZ-520122-2026-000001",
    "RECALL, ZH-520122-2026-001",
    "WARNING, YJ-520122-2026-001",
    "EVENT, XF-GM-2026-001:commissioning"
  })
  @DisplayName("an untouched record is verified by every check")
  void untouchedRecordIsVerified(TraceTable table, String id) {
    Verification verification = verifier.verify(table, id).orElseThrow();
    assertThat(verification.checks())
        .extracting(Verification.Check::name)
        .containsExactly("rowHash", "transaction", "block", "ledgerValue", "columns", "chain");
    assertThat(verification.checks()).allMatch(Verification.Check::passed);
    assertThat(verification.status()).isEqualTo(Verification.Status.VERIFIED);
    assertThat(verification.blockHash()).matches("[0-9a-f]{64}");
  }

  @Test
  @DisplayName("a status changed in SQL is reported as tampered (column check)")
  void tamperedColumn() {
    jdbc.update("update tr_batch set status = 'ACTIVE' where batch_id = 'XF-PG-2026-001-A'");
    Verification verification = verifier.verify(TraceTable.BATCH, "XF-PG-2026-001-A").orElseThrow();
    assertThat(verification.status()).isEqualTo(Verification.Status.TAMPERED);
    assertThat(failed(verification)).containsExactly("columns");
    assertThat(verification.checks())
        .filteredOn(c -> c.name().equals("columns"))
        .first()
        .extracting(Verification.Check::detail)
        .asString()
        .contains("status");
  }

  @Test
  @DisplayName("a value rewritten in SQL with a matching hash is still caught by the ledger's hash")
  void tamperedValueAndHash() {
    String forged =
        jdbc.queryForObject(
                "select value_json from tr_certificate where certificate_no"
                    + " = 'HGZ-520122-2026-000001'",
                String.class)
            .replace("\"VALID\"", "\"VOID\"");
    jdbc.update(
        "update tr_certificate set value_json = ?, value_sha256 = ?, status = 'VOID'"
            + " where certificate_no = 'HGZ-520122-2026-000001'",
        forged,
        BlockProjector.sha256(forged.getBytes(StandardCharsets.UTF_8)));
    Verification verification =
        verifier.verify(TraceTable.CERTIFICATE, "HGZ-520122-2026-000001").orElseThrow();
    assertThat(verification.status()).isEqualTo(Verification.Status.TAMPERED);
    assertThat(failed(verification)).containsExactly("ledgerValue", "columns");
  }

  @Test
  @DisplayName("a row pointed at another transaction is caught by the transaction and block checks")
  void tamperedTransaction() {
    String otherTx =
        jdbc.queryForObject(
            "select tx_id from tr_batch where batch_id = 'XF-DG-2026-001'", String.class);
    jdbc.update("update tr_recall set tx_id = ? where recall_id = 'ZH-520122-2026-001'", otherTx);
    Verification verification =
        verifier.verify(TraceTable.RECALL, "ZH-520122-2026-001").orElseThrow();
    assertThat(verification.status()).isEqualTo(Verification.Status.TAMPERED);
    assertThat(failed(verification)).contains("transaction", "block");
  }

  @Test
  @DisplayName(
      "the verify endpoint says 已被篡改 for a tampered row and 已在账本上核验 otherwise; 404 for unknowns")
  void endpoint() throws Exception {
    JsonNode good = get("/api/v1/verify/batch/XF-GM-2026-001", 200);
    assertThat(good.at("/verification/status").asString()).isEqualTo("VERIFIED");
    assertThat(good.at("/message").asString()).startsWith("已在账本上核验");

    jdbc.update("update tr_batch set product_name = '假冒贡米' where batch_id = 'XF-GM-2026-001'");
    JsonNode bad = get("/api/v1/verify/batch/XF-GM-2026-001", 200);
    assertThat(bad.at("/verification/status").asString()).isEqualTo("TAMPERED");
    assertThat(bad.at("/message").asString()).startsWith("已被篡改");
    assertThat(bad.at("/messageEn").asString()).startsWith("Tampered");

    assertThat(get("/api/v1/verify/batch/NO-SUCH-BATCH", 404).at("/code").asString())
        .isEqualTo("NOT_FOUND");
    assertThat(get("/api/v1/verify/spaceship/X", 404).at("/code").asString())
        .isEqualTo("NOT_FOUND");
  }

  private static java.util.List<String> failed(Verification verification) {
    return verification.checks().stream()
        .filter(c -> !c.passed())
        .map(Verification.Check::name)
        .toList();
  }

  private JsonNode get(String path, int status) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JsonMapper.builder().build().readTree(response.body());
  }
}
