package cn.xianglian.chaincode.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
 * Drives the contract directly over an in-memory stub that fails on any raw (non-composite) key,
 * through a scenario touching every transaction, and checks the bytes it writes.
 */
class KeyDisciplineTest {

  @TempDir static Path dir;

  static Identity farmer;
  static Identity buyer;
  static Identity regulator;

  final TraceabilityContract contract = new TraceabilityContract();
  final InMemoryStub ledger = new InMemoryStub();

  @BeforeAll
  static void enroll() {
    EmbeddedCa ca = EmbeddedCa.open(dir);
    farmer = ca.enroll("farmer", "CoopOrgMSP", attrs("producer", "520122100201", "P-1"));
    buyer = ca.enroll("buyer", "CoopOrgMSP", attrs("producer", "520122100201", "P-2"));
    regulator = ca.enroll("regulator", "CountyOrgMSP", attrs("regulator", "520122000000", "R"));
  }

  static Map<String, String> attrs(String role, String region, String party) {
    return Map.of("xl.role", role, "xl.region", region, "xl.party", party);
  }

  String run(Identity caller, BiFunction<Context, String, String> tx, String argument) {
    return run(caller, Map.of(), tx, argument);
  }

  String run(
      Identity caller,
      Map<String, byte[]> transientData,
      BiFunction<Context, String, String> tx,
      String argument) {
    String result = tx.apply(new Context(ledger.call(caller, transientData)), argument);
    ledger.commit();
    return result;
  }

  @Test
  @DisplayName("every transaction uses composite keys only, and a rejection writes nothing")
  void everyKeyIsComposite() {
    String personal =
        "{\"name\":\"张三\",\"phone\":\"13800000000\",\"idNumber\":\"11010519491231002X\"}";
    run(
        farmer,
        Map.of(
            "personal", personal.getBytes(StandardCharsets.UTF_8),
            "personal.salt", "0123456789abcdef".getBytes(StandardCharsets.UTF_8)),
        contract::registerProducer,
        "{\"producerId\":\"P-1\",\"type\":\"FAMILY_FARM\",\"name\":\"家庭农场\","
            + "\"region\":\"520122100201\"}");
    assertThat(ledger.eventName()).isEqualTo("ProducerRegistered");
    assertThat(ledger.privateData()).hasSize(1);
    assertThat(ledger.state().values())
        .noneMatch(v -> new String(v, StandardCharsets.UTF_8).contains("13800000000"));

    String batch =
        "{\"batchId\":\"B1\",\"producerId\":\"P-1\",\"product\":{\"code\":\"XL-RICE\","
            + "\"name\":\"贡米\",\"category\":\"GRAIN\"},\"quantity\":{\"amount\":100,\"uom\":\"KGM\"},"
            + "\"origin\":{\"region\":\"520122100201\",\"site\":\"A\"},\"productionType\":\"PLANTING\","
            + "\"producedAt\":\"2026-05-01T08:00:00+08:00\"}";
    run(farmer, contract::createBatch, batch);
    String point =
        "\"eventTime\":\"2026-05-02T08:00:00+08:00\",\"readPoint\":{\"region\":"
            + "\"520122100201\",\"site\":\"A\"}";
    run(
        farmer,
        contract::recordEvent,
        "{\"eventId\":\"E1\",\"batchId\":\"B1\",\"bizStep\":\"xl:harvesting\"," + point + "}");
    run(
        farmer,
        contract::splitBatch,
        "{\"eventId\":\"E2\",\"batchId\":\"B1\","
            + point
            + ",\"children\":[{\"batchId\":\"B2\","
            + "\"quantity\":{\"amount\":40,\"uom\":\"KGM\"}}]}");
    run(
        farmer,
        contract::mergeBatches,
        "{\"eventId\":\"E3\","
            + point
            + ",\"inputs\":[{\"batchId\":\"B1\",\"quantity\":{\"amount\""
            + ":10,\"uom\":\"KGM\"}},{\"batchId\":\"B2\",\"quantity\":{\"amount\":10,\"uom\":\"KGM\"}}],"
            + "\"output\":{\"batchId\":\"B3\",\"product\":{\"code\":\"XL-RICE\",\"name\":\"贡米\","
            + "\"category\":\"GRAIN\"},\"quantity\":{\"amount\":20,\"uom\":\"KGM\"}}}");
    run(
        farmer,
        contract::transformBatch,
        "{\"eventId\":\"E4\","
            + point
            + ",\"inputs\":[{\"batchId\":\"B3\",\"quantity\":{\"amount\""
            + ":20,\"uom\":\"KGM\"}}],\"outputs\":[{\"batchId\":\"B4\",\"product\":{\"code\":"
            + "\"XL-FLOUR\",\"name\":\"米粉\",\"category\":\"PROCESSED\"},\"quantity\":{\"amount\":18,"
            + "\"uom\":\"KGM\"}}],\"loss\":{\"amount\":2,\"uom\":\"KGM\"}}");
    run(
        farmer,
        contract::issueCertificate,
        "{\"certificateNo\":\"C1\",\"batchId\":\"B4\",\"style\":\"PRODUCER\",\"basis\":\"SELF_TEST\","
            + "\"promises\":[\"NO_ILLEGAL_ADDITIVES\"],\"quantity\":{\"amount\":18,\"uom\":\"KGM\"},"
            + "\"issuedAt\":\"2026-05-02T08:00:00+08:00\"}");
    run(farmer, contract::voidCertificate, "{\"certificateNo\":\"C1\",\"reason\":\"错误\"}");
    run(
        farmer,
        contract::shipBatch,
        "{\"eventId\":\"E5\",\"batchId\":\"B4\","
            + point
            + ",\"toParty\":\"P-2\","
            + "\"toMspId\":\"CoopOrgMSP\"}");
    run(buyer, contract::receiveBatch, "{\"eventId\":\"E6\",\"batchId\":\"B4\"," + point + "}");
    run(
        regulator,
        contract::raiseWarning,
        "{\"warningId\":\"W1\",\"batchId\":\"B1\",\"level\":\"LOW\",\"reason\":\"抽检\","
            + "\"issuedAt\":\"2026-05-02T08:00:00+08:00\"}");
    run(
        regulator,
        contract::recallBatch,
        "{\"recallId\":\"R1\",\"batchId\":\"B1\",\"reason\":\"超标\",\"level\":\"II\","
            + "\"issuedAt\":\"2026-05-02T08:00:00+08:00\"}");
    assertThat(ledger.eventName()).isEqualTo("BatchRecalled");
    run(
        buyer,
        contract::handleRecall,
        "{\"eventId\":\"E7\",\"batchId\":\"B4\",\"recallId\":\"R1\","
            + point
            + ","
            + "\"action\":\"HELD\",\"quantity\":{\"amount\":18,\"uom\":\"KGM\"}}");

    assertThat(run(buyer, contract::getBatch, "B4")).contains("\"status\":\"RECALLED\"");
    assertThat(run(buyer, contract::getBatchEvents, "B4")).contains("E7");
    assertThat(run(buyer, contract::traceBatch, "B4")).contains("\"B1\"", "\"B3\"");
    assertThat(run(buyer, contract::getKeyHistory, "B1")).startsWith("[{");
    assertThat(run(buyer, contract::getProducer, "P-1")).contains("personalDataHash");
    assertThat(run(buyer, contract::getCertificate, "C1")).contains("VOID");
    assertThat(run(buyer, contract::getRecall, "R1")).contains("affectedBatchIds");
    assertThat(
            run(
                buyer,
                contract::queryBatches,
                "{\"by\":\"REGION\",\"value\":\"520122000000\",\"pageSize\":2}"))
        .contains("\"count\":2");

    ChaincodeException rejected =
        catchThrowableOfType(
            ChaincodeException.class,
            () ->
                contract.recordEvent(
                    new Context(ledger.call(farmer, Map.of())),
                    "{\"eventId\":\"E8\",\"batchId\":\"B1\",\"bizStep\":\"packing\","
                        + point
                        + "}"));
    assertThat(rejected.getMessage()).startsWith("BATCH_RECALLED: ");
    assertThat(new String(rejected.getPayload(), StandardCharsets.UTF_8))
        .startsWith("{\"code\":\"BATCH_RECALLED\",");
    assertThat(ledger.pendingWrites()).isZero();

    assertThat(ledger.keysSeen()).isNotEmpty().allMatch(k -> k.startsWith("\u0000"));
    assertThat(ledger.state().keySet()).allMatch(k -> k.startsWith("\u0000xl."));
  }

  @Test
  @DisplayName("the stub itself fails on a raw string key, so the discipline check can fail")
  void rawKeyFails() {
    var stub = ledger.call(farmer, Map.of());
    assertThatThrownBy(() -> stub.getState("batch:B1")).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> stub.putState("B1", "{}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  @DisplayName("the batch written by createBatch is exactly its canonical JSON")
  void exactStateBytes() {
    run(
        farmer,
        contract::registerProducer,
        "{\"producerId\":\"P-1\",\"type\":\"FAMILY_FARM\",\"name\":\"家庭农场\","
            + "\"region\":\"520122100201\"}");
    String result =
        run(
            farmer,
            contract::createBatch,
            "{\"producedAt\":\"2026-05-01T00:00:00Z\",\"batchId\":\"B1\",\"producerId\":\"P-1\","
                + "\"product\":{\"code\":\"XL-RICE\",\"name\":\"贡米\",\"category\":\"GRAIN\"},"
                + "\"quantity\":{\"amount\":100,\"uom\":\"KGM\"},\"productionType\":\"PLANTING\","
                + "\"origin\":{\"site\":\"A\",\"region\":\"520122100201\"}}");
    String expected =
        "{\"batchId\":\"B1\",\"certificateNos\":[],\"children\":[],"
            + "\"createdAt\":\"2026-05-02T10:00:02+08:00\",\"createdTxId\":\"tx2\","
            + "\"disposition\":\"active\",\"eventCount\":1,"
            + "\"origin\":{\"region\":\"520122100201\",\"site\":\"A\"},"
            + "\"originalQuantity\":{\"amount\":100,\"uom\":\"KGM\"},\"owner\":\"CoopOrgMSP/P-1\","
            + "\"parents\":[],\"producedAt\":\"2026-05-01T08:00:00+08:00\",\"producerId\":\"P-1\","
            + "\"product\":{\"category\":\"GRAIN\",\"code\":\"XL-RICE\",\"name\":\"贡米\"},"
            + "\"productionType\":\"PLANTING\",\"quantity\":{\"amount\":100,\"uom\":\"KGM\"},"
            + "\"recallIds\":[],\"status\":\"ACTIVE\",\"warningIds\":[]}";
    assertThat(result).isEqualTo(expected);
    assertThat(ledger.state().get("\u0000xl.batch\u0000B1\u0000"))
        .isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
  }
}
