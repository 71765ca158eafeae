package cn.xianglian.chaincode.contracttest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.xianglian.ledger.ChaincodeEvent;
import cn.xianglian.ledger.Identity;
import cn.xianglian.ledger.LedgerClient;
import cn.xianglian.ledger.LedgerException;
import cn.xianglian.ledger.Proposal;
import cn.xianglian.ledger.Submitted;
import cn.xianglian.ledger.Subscription;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code trace} contract as clients see it, through {@link LedgerClient} only: every
 * transaction, invariant and denial. Each rejection asserts the error code and that the state it
 * would have touched is byte-for-byte unchanged. Ids carry a random run suffix, so the suite can
 * run again and again against a persistent network.
 */
public abstract class TraceContractSuite {

  static final String COOP = "CoopOrgMSP";
  static final String COUNTY = "CountyOrgMSP";
  static final String TOWNSHIP = "TownshipOrgMSP";
  static final String VILLAGE = "520122100201";
  static final String GTIN = "06901234567892";
  static final String PRODUCED = "2026-05-01T08:00:00+08:00";
  static final String LATER = "2026-05-02T09:00:00+08:00";

  private static final JsonMapper JSON = new JsonMapper();
  private static final String RUN = Long.toString(new Random().nextLong() & 0xffffffffL, 36);
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  /** The network under test; concrete classes provide it (started once per class). */
  protected abstract TestNetwork network();

  Identity farmerA;
  Identity farmerB;
  Identity regulator;
  Identity outsideRegulator;
  Identity township;
  Identity auditor;
  String producerA;
  String producerB;

  @BeforeEach
  void identities() {
    producerA = id("P-A");
    producerB = id("P-B");
    farmerA = person("farmer-a", COOP, "producer", VILLAGE, producerA);
    farmerB = person("farmer-b", COOP, "producer", VILLAGE, producerB);
    regulator = person("regulator", COUNTY, "regulator", "520122000000", "COUNTY-AGRI");
    outsideRegulator = person("outsider", COUNTY, "regulator", "520123000000", "XIUWEN-AGRI");
    township = person("township", TOWNSHIP, "township", "520122100000", "YONGJING");
    auditor = person("auditor", COUNTY, "auditor", "520122000000", "AUDIT");
    submit(farmerA, "registerProducer", producerJson(producerA, VILLAGE));
    submit(farmerB, "registerProducer", producerJson(producerB, VILLAGE));
  }

  // ---- producers --------------------------------------------------------------------------

  @Nested
  @DisplayName("registerProducer")
  class RegisterProducer {

    @Test
    @DisplayName("keeps personal data out of public state: only a salted SHA-256 hash")
    void personalDataOnlyHashed() {
      String id = id("P");
      Identity self = person("self", COOP, "producer", VILLAGE, id);
      Proposal proposal =
          Proposal.of("trace", "registerProducer", producerJson(id, VILLAGE))
              .withTransient(
                  "personal",
                  "{\"name\":\"张三\",\"phone\":\"13800000000\",\"idNumber\":\"11010519491231002X\"}")
              .withTransient("personal.salt", "0123456789abcdef-salt");
      String result = network().ledger().submit(self, proposal).resultText();

      JsonNode producer = tree(evaluate(auditor, "getProducer", id));
      assertThat(result).doesNotContain("13800000000", "张三", "11010519491231002X");
      assertThat(producer.get("personalDataHash").asString()).matches("[0-9a-f]{64}");
      assertThat(producer.get("owner").asString()).isEqualTo(COOP + "/" + id);
    }

    @Test
    @DisplayName("refuses personal data without a salt of at least 16 bytes")
    void personalDataNeedsSalt() {
      String id = id("P");
      Identity self = person("self", COOP, "producer", VILLAGE, id);
      Proposal proposal =
          Proposal.of("trace", "registerProducer", producerJson(id, VILLAGE))
              .withTransient(
                  "personal",
                  "{\"name\":\"张三\",\"phone\":\"13800000000\",\"idNumber\":\"11010519491231002X\"}")
              .withTransient("personal.salt", "short");
      assertThat(codeOf(() -> network().ledger().submit(self, proposal)))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(codeOf(() -> evaluate(auditor, "getProducer", id)))
          .isEqualTo("PRODUCER_NOT_FOUND");
    }

    @Test
    @DisplayName("a township registers producers of its villages, not of another county")
    void townshipRegistersInScope() {
      String id = id("P");
      submit(township, "registerProducer", producerJson(id, VILLAGE));
      assertThat(tree(evaluate(auditor, "getProducer", id)).get("region").asString())
          .isEqualTo(VILLAGE);
      String outside = id("P");
      assertThat(rejected(township, "registerProducer", producerJson(outside, "520123100201")))
          .isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(codeOf(() -> evaluate(auditor, "getProducer", outside)))
          .isEqualTo("PRODUCER_NOT_FOUND");
    }

    @Test
    @DisplayName("denies auditors, and producers registering someone else")
    void denials() {
      String id = id("P");
      assertThat(rejected(auditor, "registerProducer", producerJson(id, VILLAGE)))
          .isEqualTo("ACCESS_DENIED");
      assertThat(rejected(farmerA, "registerProducer", producerJson(id, VILLAGE)))
          .isEqualTo("NOT_OWNER");
      assertThat(codeOf(() -> evaluate(auditor, "getProducer", id)))
          .isEqualTo("PRODUCER_NOT_FOUND");
    }

    @Test
    @DisplayName("a retry returns the same record; other content under the id is ALREADY_EXISTS")
    void idempotent() {
      String before = evaluate(auditor, "getProducer", producerA);
      assertThat(submit(farmerA, "registerProducer", producerJson(producerA, VILLAGE)))
          .isEqualTo(before);
      String changed = producerJson(producerA, VILLAGE).replace("家庭农场", "另一个农场");
      assertThat(rejected(farmerA, "registerProducer", changed)).isEqualTo("ALREADY_EXISTS");
      assertThat(evaluate(auditor, "getProducer", producerA)).isEqualTo(before);
    }
  }

  // ---- batches ----------------------------------------------------------------------------

  @Nested
  @DisplayName("createBatch")
  class CreateBatch {

    @Test
    @DisplayName("creates an ACTIVE batch owned by the producer with a commissioning event")
    void creates() {
      String batchId = id("B");
      JsonNode batch = tree(submit(farmerA, "createBatch", batchJson(batchId, producerA, 1000)));
      assertThat(batch.get("status").asString()).isEqualTo("ACTIVE");
      assertThat(batch.get("owner").asString()).isEqualTo(COOP + "/" + producerA);
      assertThat(batch.get("quantity").get("amount").asLong()).isEqualTo(1000);
      assertThat(batch.get("eventCount").asLong()).isEqualTo(1);
      JsonNode events = tree(evaluate(auditor, "getBatchEvents", batchId));
      assertThat(events).hasSize(1);
      assertThat(events.get(0).get("bizStep").asString()).isEqualTo("commissioning");
      assertThat(events.get(0).get("action").asString()).isEqualTo("ADD");
      assertThat(events.get(0).get("seq").asLong()).isZero();
    }

    @Test
    @DisplayName("a retry writes nothing and returns the batch; other content is ALREADY_EXISTS")
    void idempotent() {
      String batchId = id("B");
      String first = submit(farmerA, "createBatch", batchJson(batchId, producerA, 1000));
      assertThat(submit(farmerA, "createBatch", batchJson(batchId, producerA, 1000)))
          .isEqualTo(first);
      assertThat(tree(evaluate(auditor, "getKeyHistory", batchId))).hasSize(1);
      assertThat(rejected(farmerA, "createBatch", batchJson(batchId, producerA, 999)))
          .isEqualTo("ALREADY_EXISTS");
      assertThat(evaluate(auditor, "getBatch", batchId)).isEqualTo(first);
    }

    @Test
    @DisplayName("rejects malformed input: bad GTIN, float, unknown field, oversize payload")
    void invalidArguments() {
      String batchId = id("B");
      String good = batchJson(batchId, producerA, 1000);
      assertThat(rejected(farmerA, "createBatch", good.replace(GTIN, "06901234567891")))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(
              rejected(farmerA, "createBatch", good.replace("\"amount\":1000", "\"amount\":1.5")))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(
              rejected(
                  farmerA, "createBatch", good.replace("{\"batchId\"", "{\"x\":1,\"batchId\"")))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(rejected(farmerA, "createBatch", good.replace(VILLAGE + "\"", "52012210020\"")))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(rejected(farmerA, "createBatch", "not json")).isEqualTo("INVALID_ARGUMENT");
      String huge = good.replace("田块 A-01", "x".repeat(70_000));
      assertThat(rejected(farmerA, "createBatch", huge)).isEqualTo("INVALID_ARGUMENT");
      assertThat(codeOf(() -> evaluate(auditor, "getBatch", batchId))).isEqualTo("BATCH_NOT_FOUND");
    }

    @Test
    @DisplayName("denies other roles, other regions, unknown and foreign producers; zero quantity")
    void denials() {
      String batchId = id("B");
      assertThat(rejected(regulator, "createBatch", batchJson(batchId, producerA, 10)))
          .isEqualTo("ACCESS_DENIED");
      assertThat(
              rejected(
                  farmerA,
                  "createBatch",
                  batchJson(batchId, producerA, 10).replace(VILLAGE, "520122100202")))
          .isEqualTo("REGION_OUT_OF_SCOPE");
      String stranger = id("P-X");
      Identity unregistered = person("x", COOP, "producer", VILLAGE, stranger);
      assertThat(rejected(unregistered, "createBatch", batchJson(batchId, stranger, 10)))
          .isEqualTo("PRODUCER_NOT_FOUND");
      assertThat(rejected(farmerA, "createBatch", batchJson(batchId, producerB, 10)))
          .isEqualTo("NOT_OWNER");
      assertThat(rejected(farmerA, "createBatch", batchJson(batchId, producerA, 0)))
          .isEqualTo("QUANTITY_INVALID");
      assertThat(codeOf(() -> evaluate(auditor, "getBatch", batchId))).isEqualTo("BATCH_NOT_FOUND");
    }
  }

  @Nested
  @DisplayName("recordEvent")
  class RecordEvent {

    @Test
    @DisplayName("appends an observation with the next seq")
    void appends() {
      String batchId = newBatch(farmerA, producerA, 1000);
      JsonNode event = tree(submit(farmerA, "recordEvent", noteEvent(id("E"), batchId, LATER)));
      assertThat(event.get("seq").asLong()).isEqualTo(1);
      assertThat(event.get("action").asString()).isEqualTo("OBSERVE");
      assertThat(event.get("recorder").asString()).isEqualTo(COOP + "/" + producerA);
      assertThat(tree(evaluate(auditor, "getBatch", batchId)).get("eventCount").asLong())
          .isEqualTo(2);
    }

    @Test
    @DisplayName("a failed inspection makes the batch non_conformant")
    void failedInspection() {
      String batchId = newBatch(farmerA, producerA, 1000);
      String json =
          """
          {"eventId":"%s","batchId":"%s","bizStep":"inspecting","eventTime":"%s",
           "readPoint":{"region":"%s","site":"检测站"},
           "detail":{"inspection":{"lab":"县农检站","method":"GB 2763","result":"FAIL",
             "reportSha256":"%s",
             "items":[{"name":"毒死蜱","value":"0.09","limit":"0.05","unit":"mg/kg","result":"FAIL"}]}}}
          """
              .formatted(id("E"), batchId, LATER, VILLAGE, "a".repeat(64));
      JsonNode event = tree(submit(farmerA, "recordEvent", json));
      assertThat(event.get("disposition").asString()).isEqualTo("non_conformant");
      assertThat(tree(evaluate(auditor, "getBatch", batchId)).get("disposition").asString())
          .isEqualTo("non_conformant");
    }

    @Test
    @DisplayName("pesticide use needs a registration number and safe interval")
    void pesticideNeedsRegistration() {
      String batchId = newBatch(farmerA, producerA, 1000);
      String before = evaluate(auditor, "getBatch", batchId);
      String json =
          """
          {"eventId":"%s","batchId":"%s","bizStep":"xl:pesticide_applying","eventTime":"%s",
           "readPoint":{"region":"%s","site":"田块 A-01"},
           "detail":{"input":{"category":"PESTICIDE","productName":"吡虫啉",
             "dose":{"amount":30,"uom":"GRM"},"appliedOn":"2026-05-02"}}}
          """
              .formatted(id("E"), batchId, LATER, VILLAGE);
      assertThat(rejected(farmerA, "recordEvent", json)).isEqualTo("INVALID_ARGUMENT");
      String complete =
          json.replace(
              "\"appliedOn\"",
              "\"registrationNo\":\"PD20080001\",\"safeIntervalDays\":14,\"appliedOn\"");
      submit(farmerA, "recordEvent", complete);
      assertThat(evaluate(auditor, "getBatch", batchId)).isNotEqualTo(before);
    }

    @Test
    @DisplayName("denies non-owners; rejects events before production and foreign units")
    void denials() {
      String batchId = newBatch(farmerA, producerA, 1000);
      String before = evaluate(auditor, "getBatch", batchId);
      assertThat(rejected(farmerB, "recordEvent", noteEvent(id("E"), batchId, LATER)))
          .isEqualTo("NOT_OWNER");
      assertThat(
              rejected(
                  farmerA, "recordEvent", noteEvent(id("E"), batchId, "2026-04-30T23:59:59+08:00")))
          .isEqualTo("EVENT_BEFORE_BATCH");
      String withQuantity =
          noteEvent(id("E"), batchId, LATER)
              .replace("\"detail\"", "\"quantity\":{\"amount\":5,\"uom\":\"LTR\"},\"detail\"");
      assertThat(rejected(farmerA, "recordEvent", withQuantity)).isEqualTo("QUANTITY_INVALID");
      assertThat(rejected(farmerA, "recordEvent", noteEvent(id("E"), id("NO"), LATER)))
          .isEqualTo("BATCH_NOT_FOUND");
      assertThat(evaluate(auditor, "getBatch", batchId)).isEqualTo(before);
    }

    @Test
    @DisplayName("a repeated event id: same content returns the event, other content conflicts")
    void eventIdempotency() {
      String batchId = newBatch(farmerA, producerA, 1000);
      String eventId = id("E");
      String first = submit(farmerA, "recordEvent", noteEvent(eventId, batchId, LATER));
      String afterFirst = evaluate(auditor, "getBatch", batchId);
      assertThat(submit(farmerA, "recordEvent", noteEvent(eventId, batchId, LATER)))
          .isEqualTo(first);
      assertThat(evaluate(auditor, "getBatch", batchId)).isEqualTo(afterFirst);
      assertThat(
              rejected(
                  farmerA, "recordEvent", noteEvent(eventId, batchId, "2026-05-03T09:00:00+08:00")))
          .isEqualTo("EVENT_ID_CONFLICT");
      assertThat(evaluate(auditor, "getBatch", batchId)).isEqualTo(afterFirst);
      assertThat(tree(evaluate(auditor, "getBatchEvents", batchId))).hasSize(2);
    }
  }

  @Nested
  @DisplayName("splitBatch")
  class SplitBatch {

    @Test
    @DisplayName("children take their quantities from the parent; the parent keeps the rest")
    void conserves() {
      String parent = newBatch(farmerA, producerA, 1000);
      String c1 = id("C");
      String c2 = id("C");
      submit(farmerA, "splitBatch", splitJson(id("E"), parent, c1, 300, c2, 200));
      JsonNode p = tree(evaluate(auditor, "getBatch", parent));
      assertThat(p.get("quantity").get("amount").asLong()).isEqualTo(500);
      assertThat(p.get("children").toString()).contains(c1, c2);
      JsonNode child = tree(evaluate(auditor, "getBatch", c1));
      assertThat(child.get("quantity").get("amount").asLong()).isEqualTo(300);
      assertThat(child.get("parents").get(0).asString()).isEqualTo(parent);
      assertThat(child.get("owner").asString()).isEqualTo(COOP + "/" + producerA);
    }

    @Test
    @DisplayName("splitting everything consumes the parent, which then takes no events")
    void consumes() {
      String parent = newBatch(farmerA, producerA, 500);
      submit(farmerA, "splitBatch", splitJson(id("E"), parent, id("C"), 300, id("C"), 200));
      JsonNode p = tree(evaluate(auditor, "getBatch", parent));
      assertThat(p.get("status").asString()).isEqualTo("CONSUMED");
      assertThat(p.get("quantity").get("amount").asLong()).isZero();
      String before = evaluate(auditor, "getBatch", parent);
      assertThat(rejected(farmerA, "recordEvent", noteEvent(id("E"), parent, LATER)))
          .isEqualTo("BATCH_NOT_ACTIVE");
      assertThat(evaluate(auditor, "getBatch", parent)).isEqualTo(before);
    }

    @Test
    @DisplayName("more than the parent holds is QUANTITY_NOT_CONSERVED; nothing is written")
    void overdraw() {
      String parent = newBatch(farmerA, producerA, 400);
      String before = evaluate(auditor, "getBatch", parent);
      String child = id("C");
      assertThat(
              rejected(farmerA, "splitBatch", splitJson(id("E"), parent, child, 300, id("C"), 200)))
          .isEqualTo("QUANTITY_NOT_CONSERVED");
      assertThat(evaluate(auditor, "getBatch", parent)).isEqualTo(before);
      assertThat(codeOf(() -> evaluate(auditor, "getBatch", child))).isEqualTo("BATCH_NOT_FOUND");
    }

    @Test
    @DisplayName("denies non-owners and existing child ids")
    void denials() {
      String parent = newBatch(farmerA, producerA, 400);
      String other = newBatch(farmerA, producerA, 10);
      String before = evaluate(auditor, "getBatch", parent);
      assertThat(
              rejected(farmerB, "splitBatch", splitJson(id("E"), parent, id("C"), 1, id("C"), 1)))
          .isEqualTo("NOT_OWNER");
      assertThat(rejected(farmerA, "splitBatch", splitJson(id("E"), parent, other, 1, id("C"), 1)))
          .isEqualTo("ALREADY_EXISTS");
      assertThat(evaluate(auditor, "getBatch", parent)).isEqualTo(before);
    }
  }

  @Nested
  @DisplayName("mergeBatches and transformBatch")
  class MergeAndTransform {

    @Test
    @DisplayName("a merge's output is the sum of its inputs")
    void merge() {
      String a = newBatch(farmerA, producerA, 300);
      String b = newBatch(farmerA, producerA, 200);
      String out = id("M");
      submit(farmerA, "mergeBatches", mergeJson(id("E"), a, 300, b, 150, out, 450));
      JsonNode merged = tree(evaluate(auditor, "getBatch", out));
      assertThat(merged.get("quantity").get("amount").asLong()).isEqualTo(450);
      assertThat(merged.get("parents").toString()).contains(a, b);
      assertThat(tree(evaluate(auditor, "getBatch", a)).get("status").asString())
          .isEqualTo("CONSUMED");
      assertThat(tree(evaluate(auditor, "getBatch", b)).get("quantity").get("amount").asLong())
          .isEqualTo(50);
    }

    @Test
    @DisplayName("an unbalanced merge, or one with a foreign input, writes nothing")
    void mergeDenials() {
      String a = newBatch(farmerA, producerA, 300);
      String foreign = newBatch(farmerB, producerB, 300);
      String beforeA = evaluate(auditor, "getBatch", a);
      String out = id("M");
      assertThat(
              rejected(farmerA, "mergeBatches", mergeJson(id("E"), a, 100, foreign, 100, out, 200)))
          .isEqualTo("NOT_OWNER");
      String b = newBatch(farmerA, producerA, 300);
      assertThat(rejected(farmerA, "mergeBatches", mergeJson(id("E"), a, 100, b, 100, out, 201)))
          .isEqualTo("QUANTITY_NOT_CONSERVED");
      assertThat(evaluate(auditor, "getBatch", a)).isEqualTo(beforeA);
      assertThat(codeOf(() -> evaluate(auditor, "getBatch", out))).isEqualTo("BATCH_NOT_FOUND");
    }

    @Test
    @DisplayName("a transformation balances outputs plus loss against inputs")
    void transform() {
      String pigs = newBatch(farmerA, producerA, 1000);
      String cuts = id("T");
      String offal = id("T");
      submit(
          farmerA,
          "transformBatch",
          transformJson(id("E"), pigs, 1000, cuts, 700, offal, 200, 100));
      JsonNode out = tree(evaluate(auditor, "getBatch", cuts));
      assertThat(out.get("productionType").asString()).isEqualTo("PROCESSING");
      assertThat(out.get("quantity").get("amount").asLong()).isEqualTo(700);
      JsonNode events = tree(evaluate(auditor, "getBatchEvents", pigs));
      assertThat(events.get(events.size() - 1).get("type").asString())
          .isEqualTo("TransformationEvent");
      String other = newBatch(farmerA, producerA, 1000);
      String before = evaluate(auditor, "getBatch", other);
      assertThat(
              rejected(
                  farmerA,
                  "transformBatch",
                  transformJson(id("E"), other, 1000, id("T"), 700, id("T"), 200, 99)))
          .isEqualTo("QUANTITY_NOT_CONSERVED");
      assertThat(evaluate(auditor, "getBatch", other)).isEqualTo(before);
      assertThat(
              rejected(
                  farmerB,
                  "transformBatch",
                  transformJson(id("E"), other, 1000, id("T"), 700, id("T"), 200, 100)))
          .isEqualTo("NOT_OWNER");
      assertThat(evaluate(auditor, "getBatch", other)).isEqualTo(before);
    }
  }

  @Nested
  @DisplayName("shipBatch and receiveBatch")
  class ShipAndReceive {

    @Test
    @DisplayName("the receiver becomes owner; only the pending owner may receive")
    void handOver() {
      String batchId = newBatch(farmerA, producerA, 100);
      JsonNode shipped =
          tree(submit(farmerA, "shipBatch", shipJson(id("E"), batchId, producerB, COOP)));
      assertThat(shipped.get("bizStep").asString()).isEqualTo("shipping");
      JsonNode inTransit = tree(evaluate(auditor, "getBatch", batchId));
      assertThat(inTransit.get("status").asString()).isEqualTo("IN_TRANSIT");
      assertThat(inTransit.get("pendingOwner").asString()).isEqualTo(COOP + "/" + producerB);

      String before = evaluate(auditor, "getBatch", batchId);
      assertThat(rejected(farmerA, "recordEvent", noteEvent(id("E"), batchId, LATER)))
          .isEqualTo("BATCH_NOT_ACTIVE");
      assertThat(rejected(township, "receiveBatch", receiveJson(id("E"), batchId)))
          .isEqualTo("NOT_OWNER");
      assertThat(evaluate(auditor, "getBatch", batchId)).isEqualTo(before);

      submit(farmerB, "receiveBatch", receiveJson(id("E"), batchId));
      JsonNode received = tree(evaluate(auditor, "getBatch", batchId));
      assertThat(received.get("owner").asString()).isEqualTo(COOP + "/" + producerB);
      assertThat(received.get("status").asString()).isEqualTo("ACTIVE");
      assertThat(received.has("pendingOwner")).isFalse();
    }

    @Test
    @DisplayName("receiving a batch that was not shipped is INVALID_STATE")
    void receiveUnshipped() {
      String batchId = newBatch(farmerA, producerA, 100);
      String before = evaluate(auditor, "getBatch", batchId);
      assertThat(rejected(farmerA, "receiveBatch", receiveJson(id("E"), batchId)))
          .isEqualTo("INVALID_STATE");
      assertThat(rejected(farmerB, "shipBatch", shipJson(id("E"), batchId, producerA, COOP)))
          .isEqualTo("NOT_OWNER");
      assertThat(rejected(farmerA, "shipBatch", shipJson(id("E"), batchId, producerA, COOP)))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(evaluate(auditor, "getBatch", batchId)).isEqualTo(before);
    }
  }

  @Nested
  @DisplayName("issueCertificate and voidCertificate")
  class Certificates {

    @Test
    @DisplayName("the owner certifies; the issuer voids once; the certificate stays readable")
    void lifecycle() {
      String batchId = newBatch(farmerA, producerA, 100);
      String no = id("CERT");
      JsonNode issued =
          tree(submit(farmerA, "issueCertificate", certificateJson(no, batchId, 60, "")));
      assertThat(issued.get("status").asString()).isEqualTo("VALID");
      assertThat(tree(evaluate(auditor, "getBatch", batchId)).get("certificateNos").toString())
          .contains(no);

      assertThat(rejected(farmerB, "voidCertificate", voidJson(no, "标签错误"))).isEqualTo("NOT_OWNER");
      submit(farmerA, "voidCertificate", voidJson(no, "标签错误"));
      String voided = evaluate(auditor, "getCertificate", no);
      assertThat(tree(voided).get("status").asString()).isEqualTo("VOID");
      assertThat(submit(farmerA, "voidCertificate", voidJson(no, "标签错误"))).isEqualTo(voided);
      assertThat(rejected(farmerA, "voidCertificate", voidJson(no, "另一个原因")))
          .isEqualTo("INVALID_STATE");
      assertThat(evaluate(auditor, "getCertificate", no)).isEqualTo(voided);
      assertThat(rejected(farmerA, "voidCertificate", voidJson(id("NO"), "x")))
          .isEqualTo("CERTIFICATE_NOT_FOUND");
    }

    @Test
    @DisplayName("denies non-owners, unknown upstream certificates and excess quantity")
    void denials() {
      String batchId = newBatch(farmerA, producerA, 100);
      String before = evaluate(auditor, "getBatch", batchId);
      String no = id("CERT");
      assertThat(rejected(farmerB, "issueCertificate", certificateJson(no, batchId, 10, "")))
          .isEqualTo("NOT_OWNER");
      assertThat(
              rejected(
                  farmerA,
                  "issueCertificate",
                  certificateJson(no, batchId, 10, "\"" + id("U") + "\"")))
          .isEqualTo("CERTIFICATE_NOT_FOUND");
      assertThat(rejected(farmerA, "issueCertificate", certificateJson(no, batchId, 101, "")))
          .isEqualTo("QUANTITY_NOT_CONSERVED");
      assertThat(evaluate(auditor, "getBatch", batchId)).isEqualTo(before);
      assertThat(codeOf(() -> evaluate(auditor, "getCertificate", no)))
          .isEqualTo("CERTIFICATE_NOT_FOUND");
    }
  }

  @Nested
  @DisplayName("raiseWarning, recallBatch and handleRecall")
  class WarningsAndRecalls {

    @Test
    @DisplayName("a warning marks the batch and its descendants")
    void warning() {
      String parent = newBatch(farmerA, producerA, 100);
      String child = id("C");
      submit(farmerA, "splitBatch", splitJson(id("E"), parent, child, 40, id("C"), 10));
      String warningId = id("W");
      JsonNode warning = tree(submit(regulator, "raiseWarning", warningJson(warningId, parent)));
      assertThat(warning.get("affectedBatchIds").toString()).contains(parent, child);
      assertThat(tree(evaluate(auditor, "getBatch", child)).get("warningIds").toString())
          .contains(warningId);
    }

    @Test
    @DisplayName("only regulators and the county, in their region, warn and recall")
    void denials() {
      String batchId = newBatch(farmerA, producerA, 100);
      String before = evaluate(auditor, "getBatch", batchId);
      assertThat(rejected(farmerA, "raiseWarning", warningJson(id("W"), batchId)))
          .isEqualTo("ACCESS_DENIED");
      assertThat(rejected(outsideRegulator, "raiseWarning", warningJson(id("W"), batchId)))
          .isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(rejected(farmerA, "recallBatch", recallJson(id("R"), batchId)))
          .isEqualTo("ACCESS_DENIED");
      assertThat(rejected(outsideRegulator, "recallBatch", recallJson(id("R"), batchId)))
          .isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(rejected(regulator, "recallBatch", recallJson(id("R"), id("NO"))))
          .isEqualTo("BATCH_NOT_FOUND");
      assertThat(evaluate(auditor, "getBatch", batchId)).isEqualTo(before);
    }

    @Test
    @DisplayName("a recall reaches every descendant; only recall handling is accepted after it")
    void recall() {
      String parent = newBatch(farmerA, producerA, 100);
      String child = id("C");
      String grandchild = id("G");
      submit(farmerA, "splitBatch", splitJson(id("E"), parent, child, 60, id("C"), 10));
      submit(farmerA, "splitBatch", splitJson(id("E"), child, grandchild, 30, id("G"), 10));
      String recallId = id("R");
      JsonNode recall = tree(submit(regulator, "recallBatch", recallJson(recallId, parent)));
      assertThat(recall.get("affectedBatchIds")).hasSize(5);
      for (String batchId : List.of(parent, child, grandchild)) {
        JsonNode batch = tree(evaluate(auditor, "getBatch", batchId));
        assertThat(batch.get("status").asString()).isEqualTo("RECALLED");
        assertThat(batch.get("disposition").asString()).isEqualTo("recalled");
      }
      assertThat(tree(evaluate(auditor, "getRecall", recallId)).get("batchId").asString())
          .isEqualTo(parent);

      String before = evaluate(auditor, "getBatch", grandchild);
      assertThat(rejected(farmerA, "recordEvent", noteEvent(id("E"), grandchild, LATER)))
          .isEqualTo("BATCH_RECALLED");
      assertThat(rejected(farmerA, "shipBatch", shipJson(id("E"), grandchild, producerB, COOP)))
          .isEqualTo("BATCH_RECALLED");
      assertThat(rejected(farmerA, "handleRecall", handleJson(id("E"), grandchild, id("NO"), 30)))
          .isEqualTo("RECALL_NOT_FOUND");
      assertThat(rejected(farmerB, "handleRecall", handleJson(id("E"), grandchild, recallId, 30)))
          .isEqualTo("NOT_OWNER");
      assertThat(rejected(farmerA, "handleRecall", handleJson(id("E"), grandchild, recallId, 31)))
          .isEqualTo("QUANTITY_NOT_CONSERVED");
      assertThat(evaluate(auditor, "getBatch", grandchild)).isEqualTo(before);

      submit(farmerA, "handleRecall", handleJson(id("E"), grandchild, recallId, 30));
      JsonNode destroyed = tree(evaluate(auditor, "getBatch", grandchild));
      assertThat(destroyed.get("quantity").get("amount").asLong()).isZero();
      assertThat(destroyed.get("disposition").asString()).isEqualTo("destroyed");
    }

    @Test
    @DisplayName("a retried recall returns it unchanged; another recall under its id is refused")
    void recallRetry() {
      String batchId = newBatch(farmerA, producerA, 100);
      String recallId = id("R");
      String first = submit(regulator, "recallBatch", recallJson(recallId, batchId));
      String recalledBatch = evaluate(auditor, "getBatch", batchId);
      assertThat(submit(regulator, "recallBatch", recallJson(recallId, batchId))).isEqualTo(first);
      assertThat(evaluate(auditor, "getBatch", batchId)).isEqualTo(recalledBatch);
      String other = newBatch(farmerA, producerA, 100);
      String otherBefore = evaluate(auditor, "getBatch", other);
      assertThat(rejected(regulator, "recallBatch", recallJson(recallId, other)))
          .isEqualTo("ALREADY_EXISTS");
      assertThat(evaluate(auditor, "getBatch", other)).isEqualTo(otherBefore);
      assertThat(rejected(farmerA, "issueCertificate", certificateJson(id("CERT"), batchId, 1, "")))
          .isEqualTo("BATCH_RECALLED");
      assertThat(evaluate(auditor, "getBatch", batchId)).isEqualTo(recalledBatch);
    }

    @Test
    @DisplayName("handling a recall on a batch that is not recalled is INVALID_STATE")
    void handleWithoutRecall() {
      String recalled = newBatch(farmerA, producerA, 100);
      String recallId = id("R");
      submit(regulator, "recallBatch", recallJson(recallId, recalled));
      String other = newBatch(farmerA, producerA, 100);
      String before = evaluate(auditor, "getBatch", other);
      assertThat(rejected(farmerA, "handleRecall", handleJson(id("E"), other, recallId, 1)))
          .isEqualTo("INVALID_STATE");
      assertThat(evaluate(auditor, "getBatch", other)).isEqualTo(before);
    }
  }

  // ---- queries ----------------------------------------------------------------------------

  @Nested
  @DisplayName("queries")
  class Queries {

    @Test
    @DisplayName("traceBatch walks ancestors and descendants with their events")
    void trace() {
      String root = newBatch(farmerA, producerA, 100);
      String child = id("C");
      String grandchild = id("G");
      submit(farmerA, "splitBatch", splitJson(id("E"), root, child, 60, id("C"), 10));
      submit(farmerA, "splitBatch", splitJson(id("E"), child, grandchild, 30, id("G"), 10));
      JsonNode trace = tree(evaluate(auditor, "traceBatch", child));
      assertThat(trace.get("batch").get("batchId").asString()).isEqualTo(child);
      assertThat(trace.get("ancestors").get(0).get("batch").get("batchId").asString())
          .isEqualTo(root);
      assertThat(trace.get("ancestors").get(0).get("events")).hasSize(2);
      assertThat(trace.get("descendants")).hasSize(2);
      assertThat(trace.get("events")).hasSize(2);
    }

    @Test
    @DisplayName("getKeyHistory lists every committed version of the batch")
    void history() {
      String batchId = newBatch(farmerA, producerA, 100);
      Submitted recorded =
          network()
              .ledger()
              .submit(
                  farmerA, Proposal.of("trace", "recordEvent", noteEvent(id("E"), batchId, LATER)));
      JsonNode history = tree(evaluate(auditor, "getKeyHistory", batchId));
      assertThat(history).hasSize(2);
      List<String> txIds = new ArrayList<>();
      history.forEach(entry -> txIds.add(entry.get("txId").asString()));
      assertThat(txIds).contains(recorded.txId());
      assertThat(history.get(0).get("value").get("batchId").asString()).isEqualTo(batchId);
      assertThat(history.get(0).get("isDelete").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("queryBatches pages through a producer's batches with bookmarks")
    void byProducer() {
      List<String> created = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        created.add(newBatch(farmerB, producerB, 10 + i));
      }
      JsonNode first =
          tree(evaluate(auditor, "queryBatches", query("PRODUCER", producerB, 2, null)));
      assertThat(first.get("count").asInt()).isEqualTo(2);
      JsonNode second =
          tree(
              evaluate(
                  auditor,
                  "queryBatches",
                  query("PRODUCER", producerB, 2, first.get("bookmark").asString())));
      assertThat(second.get("count").asInt()).isEqualTo(1);
      List<String> seen = new ArrayList<>();
      first.get("records").forEach(b -> seen.add(b.get("batchId").asString()));
      second.get("records").forEach(b -> seen.add(b.get("batchId").asString()));
      assertThat(seen).containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    @DisplayName("queryBatches by region, day and product returns only matching batches")
    void otherIndexes() {
      newBatch(farmerA, producerA, 10);
      for (String[] q :
          new String[][] {
            {"REGION", "520122100000"}, {"REGION", VILLAGE}, {"DAY", "2026-05"}, {"PRODUCT", GTIN}
          }) {
        JsonNode page = tree(evaluate(auditor, "queryBatches", query(q[0], q[1], 200, null)));
        assertThat(page.get("count").asInt()).isPositive().isLessThanOrEqualTo(200);
        page.get("records")
            .forEach(
                b -> {
                  assertThat(b.get("origin").get("region").asString()).startsWith("520122100");
                  assertThat(b.get("producedAt").asString()).startsWith("2026-05");
                });
      }
      assertThat(rejected(auditor, "queryBatches", query("DAY", "May", 10, null)))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(rejected(auditor, "queryBatches", query("PRODUCER", producerA, 0, null)))
          .isEqualTo("INVALID_ARGUMENT");
    }

    @Test
    @DisplayName("each command sets one chaincode event with type, id and batch ids")
    void chaincodeEvent() throws Exception {
      String batchId = id("B");
      Submitted done =
          network()
              .ledger()
              .submit(
                  farmerA, Proposal.of("trace", "createBatch", batchJson(batchId, producerA, 5)));
      CompletableFuture<ChaincodeEvent> seen = new CompletableFuture<>();
      Subscription subscription =
          network()
              .ledger()
              .onChaincodeEvents(
                  done.blockNumber(),
                  event -> {
                    if (event.txId().equals(done.txId())) {
                      seen.complete(event);
                    }
                  });
      try {
        ChaincodeEvent event = seen.get(30, TimeUnit.SECONDS);
        assertThat(event.eventName()).isEqualTo("BatchCreated");
        assertThat(new String(event.payload(), StandardCharsets.UTF_8))
            .isEqualTo(
                "{\"batchIds\":[\""
                    + batchId
                    + "\"],\"id\":\""
                    + batchId
                    + "\",\"type\":\"Batch\"}");
      } finally {
        subscription.close();
      }
    }
  }

  // ---- helpers ----------------------------------------------------------------------------

  static String id(String kind) {
    return "T" + RUN + "-" + kind + "-" + SEQUENCE.incrementAndGet();
  }

  Identity person(String label, String msp, String role, String region, String party) {
    return network()
        .identity(
            label + "-" + party,
            msp,
            Map.of("xl.role", role, "xl.region", region, "xl.party", party));
  }

  String newBatch(Identity owner, String producerId, long amount) {
    String batchId = id("B");
    submit(owner, "createBatch", batchJson(batchId, producerId, amount));
    return batchId;
  }

  String submit(Identity caller, String transaction, String argument) {
    return network()
        .ledger()
        .submit(caller, Proposal.of("trace", transaction, argument))
        .resultText();
  }

  String evaluate(Identity caller, String transaction, String argument) {
    return new String(
        network().ledger().evaluate(caller, Proposal.of("trace", transaction, argument)),
        StandardCharsets.UTF_8);
  }

  /** The error code of a rejected submit (the submit must fail at endorsement). */
  String rejected(Identity caller, String transaction, String argument) {
    LedgerException e =
        catchThrowableOfType(LedgerException.class, () -> submit(caller, transaction, argument));
    assertThat(e).as("%s must be rejected", transaction).isNotNull();
    assertThat(e.stage()).isEqualTo(LedgerException.Stage.ENDORSE);
    return e.errorCode().orElseThrow();
  }

  static String codeOf(Runnable call) {
    LedgerException e = catchThrowableOfType(LedgerException.class, call::run);
    assertThat(e).as("call must fail").isNotNull();
    return e.errorCode().orElseThrow();
  }

  static JsonNode tree(String json) {
    return JSON.readTree(json);
  }

  static String producerJson(String producerId, String region) {
    return """
        {"producerId":"%s","type":"FAMILY_FARM","name":"家庭农场","region":"%s"}"""
        .formatted(producerId, region);
  }

  static String batchJson(String batchId, String producerId, long amount) {
    return """
        {"batchId":"%s","producerId":"%s",\
        "product":{"gtin":"%s","name":"息烽贡米","category":"GRAIN"},\
        "quantity":{"amount":%d,"uom":"KGM"},"origin":{"region":"%s","site":"田块 A-01"},\
        "productionType":"PLANTING","producedAt":"%s"}"""
        .formatted(batchId, producerId, GTIN, amount, VILLAGE, PRODUCED);
  }

  static String noteEvent(String eventId, String batchId, String time) {
    return """
        {"eventId":"%s","batchId":"%s","bizStep":"xl:harvesting","eventTime":"%s",\
        "readPoint":{"region":"%s","site":"田块 A-01"},"detail":{"note":"收割"}}"""
        .formatted(eventId, batchId, time, VILLAGE);
  }

  static String splitJson(String eventId, String parent, String c1, long q1, String c2, long q2) {
    return """
        {"eventId":"%s","batchId":"%s","eventTime":"%s","readPoint":{"region":"%s","site":"仓库"},\
        "children":[{"batchId":"%s","quantity":{"amount":%d,"uom":"KGM"}},\
        {"batchId":"%s","quantity":{"amount":%d,"uom":"KGM"}}]}"""
        .formatted(eventId, parent, LATER, VILLAGE, c1, q1, c2, q2);
  }

  static String mergeJson(
      String eventId, String a, long qa, String b, long qb, String out, long qOut) {
    return """
        {"eventId":"%s","eventTime":"%s","readPoint":{"region":"%s","site":"仓库"},\
        "inputs":[{"batchId":"%s","quantity":{"amount":%d,"uom":"KGM"}},\
        {"batchId":"%s","quantity":{"amount":%d,"uom":"KGM"}}],\
        "output":{"batchId":"%s","product":{"code":"XL-RICE-MIX","name":"混合贡米","category":"GRAIN"},\
        "quantity":{"amount":%d,"uom":"KGM"}}}"""
        .formatted(eventId, LATER, VILLAGE, a, qa, b, qb, out, qOut);
  }

  static String transformJson(
      String eventId, String in, long qIn, String o1, long q1, String o2, long q2, long loss) {
    return """
        {"eventId":"%s","eventTime":"%s","readPoint":{"region":"%s","site":"屠宰场"},\
        "inputs":[{"batchId":"%s","quantity":{"amount":%d,"uom":"KGM"}}],\
        "outputs":[{"batchId":"%s","product":{"code":"XL-PORK-CUTS","name":"分割肉","category":"MEAT"},\
        "quantity":{"amount":%d,"uom":"KGM"}},\
        {"batchId":"%s","product":{"code":"XL-PORK-OFFAL","name":"副产品","category":"MEAT"},\
        "quantity":{"amount":%d,"uom":"KGM"}}],"loss":{"amount":%d,"uom":"KGM"}}"""
        .formatted(eventId, LATER, VILLAGE, in, qIn, o1, q1, o2, q2, loss);
  }

  static String shipJson(String eventId, String batchId, String toParty, String toMsp) {
    return """
        {"eventId":"%s","batchId":"%s","eventTime":"%s","readPoint":{"region":"%s","site":"仓库"},\
        "toParty":"%s","toMspId":"%s"}"""
        .formatted(eventId, batchId, LATER, VILLAGE, toParty, toMsp);
  }

  static String receiveJson(String eventId, String batchId) {
    return """
        {"eventId":"%s","batchId":"%s","eventTime":"%s","readPoint":{"region":"%s","site":"门店"}}"""
        .formatted(eventId, batchId, "2026-05-03T10:00:00+08:00", VILLAGE);
  }

  static String certificateJson(String no, String batchId, long amount, String upstream) {
    return """
        {"certificateNo":"%s","batchId":"%s","style":"PRODUCER","basis":"SELF_TEST",\
        "promises":["NO_BANNED_PESTICIDES_OR_VET_DRUGS","NO_ILLEGAL_ADDITIVES"],\
        "quantity":{"amount":%d,"uom":"KGM"},"issuedAt":"%s","upstreamCertificateNos":[%s]}"""
        .formatted(no, batchId, amount, LATER, upstream);
  }

  static String voidJson(String no, String reason) {
    return """
        {"certificateNo":"%s","reason":"%s"}"""
        .formatted(no, reason);
  }

  static String warningJson(String warningId, String batchId) {
    return """
        {"warningId":"%s","batchId":"%s","level":"HIGH","reason":"农残抽检超标","issuedAt":"%s"}"""
        .formatted(warningId, batchId, LATER);
  }

  static String recallJson(String recallId, String batchId) {
    return """
        {"recallId":"%s","batchId":"%s","reason":"农残超标","level":"I","issuedAt":"%s"}"""
        .formatted(recallId, batchId, LATER);
  }

  static String handleJson(String eventId, String batchId, String recallId, long amount) {
    return """
        {"eventId":"%s","batchId":"%s","recallId":"%s","eventTime":"%s",\
        "readPoint":{"region":"%s","site":"无害化处理点"},"action":"DESTROYED",\
        "quantity":{"amount":%d,"uom":"KGM"}}"""
        .formatted(eventId, batchId, recallId, "2026-05-04T10:00:00+08:00", VILLAGE, amount);
  }

  static String query(String by, String value, int pageSize, String bookmark) {
    return """
        {"by":"%s","value":"%s","pageSize":%d%s}"""
        .formatted(
            by, value, pageSize, bookmark == null ? "" : ",\"bookmark\":\"" + bookmark + "\"");
  }
}
