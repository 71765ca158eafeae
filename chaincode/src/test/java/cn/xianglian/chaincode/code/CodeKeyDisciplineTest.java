package cn.xianglian.chaincode.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.xianglian.chaincode.code.domain.Level;
import cn.xianglian.chaincode.code.domain.RunDigest;
import cn.xianglian.chaincode.code.domain.RunProduct;
import cn.xianglian.chaincode.trace.InMemoryStub;
import cn.xianglian.chaincode.trace.TraceabilityContract;
import cn.xianglian.ledger.Identity;
import cn.xianglian.ledger.embedded.EmbeddedCa;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiFunction;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code contract driven directly on an in-memory stub: the exact keys and bytes it writes (as
 * docs/contract-code.md names them), composite keys only, and nothing written by a rejection.
 */
class CodeKeyDisciplineTest {

  @TempDir static Path dir;

  static Identity farmer;
  static Identity labeler;

  final TraceabilityContract trace = new TraceabilityContract();
  final CodeContract code = new CodeContract();
  final InMemoryStub ledger = new InMemoryStub();

  @BeforeAll
  static void enroll() {
    EmbeddedCa ca = EmbeddedCa.open(dir);
    farmer =
        ca.enroll(
            "farmer",
            "CoopOrgMSP",
            Map.of("xl.role", "producer", "xl.region", "520122100201", "xl.party", "P-1"));
    labeler =
        ca.enroll(
            "labeler",
            "CountyOrgMSP",
            Map.of("xl.role", "labeler", "xl.region", "520122000000", "xl.party", "QR"));
  }

  String run(Identity caller, BiFunction<Context, String, String> tx, String argument) {
    String result = tx.apply(new Context(ledger.call(caller, Map.of())), argument);
    ledger.commit();
    return result;
  }

  static String key(String... parts) {
    return "\u0000" + String.join("\u0000", parts) + "\u0000";
  }

  @Test
  @DisplayName("issueRun writes the record and both indexes under the documented keys only")
  void keysAndBytes() {
    run(
        farmer,
        trace::registerProducer,
        "{\"producerId\":\"P-1\",\"type\":\"FAMILY_FARM\",\"name\":\"家庭农场\","
            + "\"region\":\"520122100201\"}");
    run(
        farmer,
        trace::createBatch,
        "{\"batchId\":\"B1\",\"producerId\":\"P-1\",\"product\":{\"gtin\":\"06901234567892\","
            + "\"name\":\"贡米\",\"category\":\"GRAIN\"},\"quantity\":{\"amount\":100,\"uom\":\"KGM\"},"
            + "\"origin\":{\"region\":\"520122100201\",\"site\":\"A\"},\"productionType\":\"PLANTING\","
            + "\"producedAt\":\"2026-05-01T08:00:00+08:00\"}");
    int before = ledger.state().size();
    String digest =
        RunDigest.of(new RunProduct("06901234567892", null), "L/1", Level.ITEM, 1024, 1030);
    String argument =
        "{\"batchId\":\"B1\",\"digest\":\""
            + digest
            + "\",\"keyId\":\"1\",\"level\":\"ITEM\",\"lot\":\"L/1\","
            + "\"product\":{\"gtin\":\"06901234567892\"},\"runId\":\"U1\","
            + "\"serialEnd\":1030,\"serialStart\":1024}";
    String result = run(labeler, code::issueRun, argument);

    assertThat(ledger.eventName()).isEqualTo("CodeRunIssued");
    assertThat(ledger.state().size()).isEqualTo(before + 3);
    assertThat(new String(ledger.state().get(key("CodeRun", "U1")), StandardCharsets.UTF_8))
        .isEqualTo(result)
        .startsWith("{\"batchId\":\"B1\",\"count\":7,\"digest\":\"" + digest + "\"");
    assertThat(
            ledger
                .state()
                .get(
                    key(
                        "CodeRunByLot",
                        "01",
                        "06901234567892",
                        "L/1",
                        "ITEM",
                        "000000000000001024",
                        "U1")))
        .containsExactly(0);
    assertThat(ledger.state().get(key("CodeRunByBatch", "B1", "U1"))).containsExactly(0);

    ChaincodeException rejected =
        catchThrowableOfType(
            ChaincodeException.class,
            () ->
                code.issueRun(
                    new Context(ledger.call(labeler, Map.of())),
                    argument.replace("\"runId\":\"U1\"", "\"runId\":\"U2\"")));
    assertThat(rejected.getMessage()).startsWith("RANGE_OVERLAP: ");
    assertThat(new String(rejected.getPayload(), StandardCharsets.UTF_8))
        .startsWith("{\"code\":\"RANGE_OVERLAP\",");
    assertThat(ledger.pendingWrites()).isZero();

    assertThat(run(labeler, code::issueRun, argument)).isEqualTo(result);
    assertThat(ledger.pendingWrites()).isZero();
    assertThat(ledger.state().size()).isEqualTo(before + 3);
    assertThat(ledger.keysSeen()).isNotEmpty().allMatch(k -> k.startsWith("\u0000"));
  }
}
