package cn.xianglian.chaincode.contracttest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.xianglian.chaincode.code.domain.Level;
import cn.xianglian.chaincode.code.domain.RunDigest;
import cn.xianglian.chaincode.code.domain.RunProduct;
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
 * The {@code code} contract as clients see it, through {@link LedgerClient} only: every transaction
 * and every denial of docs/contract-code.md. Each rejection asserts the error code and that the run
 * it would have written does not exist and the lot's runs are unchanged. Ids carry a random run
 * suffix, so the suite can run again against a persistent network.
 */
public abstract class CodeContractSuite {

  static final String COOP = "CoopOrgMSP";
  static final String COUNTY = "CountyOrgMSP";
  static final String VILLAGE = "520122100201";
  static final String GTIN = "06901234567892";
  static final RunProduct RICE = new RunProduct(GTIN, null);

  private static final JsonMapper JSON = new JsonMapper();
  private static final String RUN = Long.toString(new Random().nextLong() & 0xffffffffL, 36);
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  /** The network under test; concrete classes provide it (started once per class). */
  protected abstract TestNetwork network();

  Identity farmerA;
  Identity farmerB;
  Identity labeler;
  Identity outsideLabeler;
  Identity regulator;
  String producerA;
  String batch;

  @BeforeEach
  void setUp() {
    producerA = id("P");
    farmerA = person("farmer-a", COOP, "producer", VILLAGE, producerA);
    farmerB = person("farmer-b", COOP, "producer", VILLAGE, id("P"));
    labeler = person("labeler", COUNTY, "labeler", "520122000000", "QR");
    outsideLabeler = person("labeler-x", COUNTY, "labeler", "520123000000", "QR-X");
    regulator = person("regulator", COUNTY, "regulator", "520122000000", "COUNTY-AGRI");
    trace(
        farmerA,
        "registerProducer",
        """
        {"producerId":"%s","type":"FAMILY_FARM","name":"家庭农场","region":"%s"}"""
            .formatted(producerA, VILLAGE));
    batch = newBatch();
  }

  String newBatch() {
    String batchId = id("B");
    trace(
        farmerA,
        "createBatch",
        """
        {"batchId":"%s","producerId":"%s",\
        "product":{"gtin":"%s","name":"息烽贡米","category":"GRAIN"},\
        "quantity":{"amount":100,"uom":"KGM"},"origin":{"region":"%s","site":"田块 A-01"},\
        "productionType":"PLANTING","producedAt":"2026-05-01T08:00:00+08:00"}"""
            .formatted(batchId, producerA, GTIN, VILLAGE));
    return batchId;
  }

  @Nested
  @DisplayName("issueRun")
  class IssueRun {

    @Test
    @DisplayName("the owning producer issues a run; getRun returns the same record")
    void ownerIssues() {
      String runId = id("R");
      JsonNode run = tree(submit(farmerA, issueJson(runId, batch, batch, Level.ITEM, 1, 12, null)));
      assertThat(run.get("count").asLong()).isEqualTo(12);
      assertThat(run.get("issuer").asString()).isEqualTo(COOP + "/" + producerA);
      assertThat(run.get("issuerMsp").asString()).isEqualTo(COOP);
      assertThat(run.get("product").get("gtin").asString()).isEqualTo(GTIN);
      assertThat(run.get("issuedAt").asString()).endsWith("+08:00");
      assertThat(run.get("txId").asString()).isNotBlank();
      assertThat(tree(evaluate("getRun", runId))).isEqualTo(run);
    }

    @Test
    @DisplayName("accepts the documented bytes and returns a record qr-service parses")
    void documentedExample() {
      String items = id("R");
      String cases = id("C");
      submit(labeler, issueJson(items, batch, batch, Level.ITEM, 1, 12, null));
      String argument =
          "{\"batchId\":\"%s\",\"contains\":{\"perParent\":6,\"runId\":\"%s\"},\"digest\":\"%s\",\"keyId\":\"1\",\"level\":\"CASE\",\"lot\":\"%s\",\"product\":{\"gtin\":\"06901234567892\"},\"runId\":\"%s\",\"serialEnd\":2,\"serialStart\":1}"
              .formatted(batch, items, RunDigest.of(RICE, batch, Level.CASE, 1, 2), batch, cases);
      JsonNode run = tree(submit(labeler, argument));
      assertThat(run.get("contains").get("runId").asString()).isEqualTo(items);
      assertThat(run.get("contains").get("perParent").asInt()).isEqualTo(6);
      assertThat(run.get("issuer").asString()).isEqualTo(COUNTY + "/QR");
    }

    @Test
    @DisplayName("a retry with the same content returns the stored record and writes nothing")
    void retry() {
      String runId = id("R");
      String argument = issueJson(runId, batch, batch, Level.ITEM, 1, 5, null);
      String first = submit(farmerA, argument);
      assertThat(submit(labeler, argument)).isEqualTo(first);
      assertThat(runsOf(batch)).hasSize(1);
    }

    @Test
    @DisplayName("sets the CodeRunIssued event with the run id and batch id")
    void event() throws Exception {
      String runId = id("R");
      Submitted done =
          network()
              .ledger()
              .submit(
                  farmerA,
                  Proposal.of(
                      "code", "issueRun", issueJson(runId, batch, batch, Level.ITEM, 1, 2, null)));
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
        assertThat(event.eventName()).isEqualTo("CodeRunIssued");
        assertThat(new String(event.payload(), StandardCharsets.UTF_8))
            .isEqualTo(
                "{\"batchIds\":[\"" + batch + "\"],\"id\":\"" + runId + "\",\"type\":\"CodeRun\"}");
      } finally {
        subscription.close();
      }
    }

    @Test
    @DisplayName("INVALID_ARGUMENT: malformed, unknown field, bad rule, other product")
    void invalidArgument() {
      String runId = id("R");
      String good = issueJson(runId, batch, batch, Level.ITEM, 1, 3, null);
      List<String> bad = new ArrayList<>();
      bad.add("{");
      bad.add(good.replace("{\"batchId\"", "{\"extra\":1,\"batchId\""));
      bad.add(good.replace("\"keyId\":\"1\",", ""));
      bad.add(good.replace("\"level\":\"ITEM\"", "\"level\":\"BOX\""));
      bad.add(good.replace("\"serialStart\":1", "\"serialStart\":0"));
      bad.add(good.replace("\"serialStart\":1", "\"serialStart\":1.0"));
      bad.add(good.replace("\"serialEnd\":3", "\"serialEnd\":10000001"));
      bad.add(good.replace(GTIN, "06901234567893"));
      bad.add(
          issueJson(runId, batch, batch, Level.ITEM, 1, 3, null)
              .replace("{\"gtin\":\"" + GTIN + "\"}", "{\"code\":\"XL-TEA\"}"));
      bad.add(issueJson(runId, batch, batch, Level.ITEM, 1, 3, "R0"));
      bad.add("{\"runId\":\"" + runId + "\",\"pad\":\"" + "x".repeat(70_000) + "\"}");
      for (String argument : bad) {
        assertThat(rejected(farmerA, argument)).as(argument).isEqualTo("INVALID_ARGUMENT");
      }
      assertThat(codeOf(() -> evaluate("getRun", runId))).isEqualTo("RUN_NOT_FOUND");
    }

    @Test
    @DisplayName("ACCESS_DENIED for roles other than labeler and producer")
    void accessDenied() {
      String runId = id("R");
      assertThat(rejected(regulator, issueJson(runId, batch, batch, Level.ITEM, 1, 3, null)))
          .isEqualTo("ACCESS_DENIED");
      assertThat(codeOf(() -> evaluate("getRun", runId))).isEqualTo("RUN_NOT_FOUND");
    }

    @Test
    @DisplayName("BATCH_NOT_FOUND for an unknown batch")
    void batchNotFound() {
      String runId = id("R");
      String missing = id("B");
      assertThat(rejected(labeler, issueJson(runId, missing, missing, Level.ITEM, 1, 3, null)))
          .isEqualTo("BATCH_NOT_FOUND");
      assertThat(codeOf(() -> evaluate("getRun", runId))).isEqualTo("RUN_NOT_FOUND");
    }

    @Test
    @DisplayName(
        "REGION_OUT_OF_SCOPE for a labeler of another county; NOT_OWNER for another farmer")
    void scopeAndOwner() {
      String runId = id("R");
      String argument = issueJson(runId, batch, batch, Level.ITEM, 1, 3, null);
      assertThat(rejected(outsideLabeler, argument)).isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(rejected(farmerB, argument)).isEqualTo("NOT_OWNER");
      assertThat(codeOf(() -> evaluate("getRun", runId))).isEqualTo("RUN_NOT_FOUND");
      assertThat(runsOf(batch)).isEmpty();
    }

    @Test
    @DisplayName("BATCH_RECALLED: a recalled batch gets no new codes")
    void recalled() {
      trace(
          regulator,
          "recallBatch",
          """
          {"recallId":"%s","batchId":"%s","reason":"农残超标","level":"I",\
          "issuedAt":"2026-05-02T09:00:00+08:00"}"""
              .formatted(id("RC"), batch));
      String runId = id("R");
      assertThat(rejected(labeler, issueJson(runId, batch, batch, Level.ITEM, 1, 3, null)))
          .isEqualTo("BATCH_RECALLED");
      assertThat(runsOf(batch)).isEmpty();
    }

    @Test
    @DisplayName("ALREADY_EXISTS: the run id with other content")
    void alreadyExists() {
      String runId = id("R");
      String first = submit(farmerA, issueJson(runId, batch, batch, Level.ITEM, 1, 3, null));
      assertThat(rejected(farmerA, issueJson(runId, batch, batch, Level.ITEM, 1, 4, null)))
          .isEqualTo("ALREADY_EXISTS");
      assertThat(evaluate("getRun", runId)).isEqualTo(first);
    }

    @Test
    @DisplayName("LOT_BOUND_TO_OTHER_BATCH: a lot identifies one batch")
    void lotBound() {
      submit(farmerA, issueJson(id("R"), batch, batch, Level.ITEM, 1, 3, null));
      String other = newBatch();
      String runId = id("R");
      assertThat(rejected(farmerA, issueJson(runId, other, batch, Level.ITEM, 10, 13, null)))
          .isEqualTo("LOT_BOUND_TO_OTHER_BATCH");
      assertThat(runsOf(other)).isEmpty();
      assertThat(lot(batch)).hasSize(1);
    }

    @Test
    @DisplayName("RANGE_OVERLAP: an intersecting range at the same level; the next range is free")
    void overlap() {
      submit(farmerA, issueJson(id("R"), batch, batch, Level.ITEM, 10, 20, null));
      String runId = id("R");
      assertThat(rejected(farmerA, issueJson(runId, batch, batch, Level.ITEM, 20, 25, null)))
          .isEqualTo("RANGE_OVERLAP");
      assertThat(lot(batch)).hasSize(1);
      submit(farmerA, issueJson(runId, batch, batch, Level.ITEM, 21, 25, null));
      assertThat(lot(batch)).hasSize(2);
    }

    @Test
    @DisplayName("AGGREGATION_INVALID: unknown child, wrong level, wrong count, contained twice")
    void aggregation() {
      String items = id("R");
      submit(farmerA, issueJson(items, batch, batch, Level.ITEM, 1, 12, null));
      List<String> bad =
          List.of(
              issueJson(id("C"), batch, batch, Level.CASE, 1, 2, id("NOPE"), 6),
              issueJson(id("P"), batch, batch, Level.PALLET, 1, 2, items, 6),
              issueJson(id("C"), batch, batch, Level.CASE, 1, 3, items, 6));
      for (String argument : bad) {
        assertThat(rejected(farmerA, argument)).as(argument).isEqualTo("AGGREGATION_INVALID");
      }
      assertThat(lot(batch)).hasSize(1);
      submit(farmerA, issueJson(id("C"), batch, batch, Level.CASE, 1, 2, items, 6));
      assertThat(rejected(farmerA, issueJson(id("C"), batch, batch, Level.CASE, 3, 4, items, 6)))
          .isEqualTo("AGGREGATION_INVALID");
      assertThat(lot(batch)).hasSize(2);
    }

    @Test
    @DisplayName("DIGEST_MISMATCH: the digest of another range")
    void digest() {
      String runId = id("R");
      String argument =
          issueJson(runId, batch, batch, Level.ITEM, 1, 4, null)
              .replace(
                  RunDigest.of(RICE, batch, Level.ITEM, 1, 4),
                  RunDigest.of(RICE, batch, Level.ITEM, 1, 3));
      assertThat(rejected(farmerA, argument)).isEqualTo("DIGEST_MISMATCH");
      assertThat(codeOf(() -> evaluate("getRun", runId))).isEqualTo("RUN_NOT_FOUND");
    }
  }

  @Nested
  @DisplayName("queries")
  class Queries {

    @Test
    @DisplayName("getRunsByLot orders by level then serialStart; getRunsByBatch lists the batch")
    void byLotAndBatch() {
      String items2 = id("R");
      String items1 = id("R");
      String cases = id("C");
      submit(farmerA, issueJson(items2, batch, batch, Level.ITEM, 100, 111, null));
      submit(farmerA, issueJson(cases, batch, batch, Level.CASE, 1, 2, items2, 6));
      submit(farmerA, issueJson(items1, batch, batch, Level.ITEM, 1, 6, null));
      assertThat(lot(batch)).containsExactly(items1, items2, cases);
      assertThat(runsOf(batch)).containsExactlyInAnyOrder(items1, items2, cases);
      assertThat(lotOf("{\"lot\":\"%s\",\"product\":{\"code\":\"XL-NONE\"}}".formatted(batch)))
          .isEmpty();
      assertThat(runsOf(id("B"))).isEmpty();
    }

    @Test
    @DisplayName(
        "getRun of an unknown id is RUN_NOT_FOUND; malformed arguments are INVALID_ARGUMENT")
    void errors() {
      assertThat(codeOf(() -> evaluate("getRun", id("R")))).isEqualTo("RUN_NOT_FOUND");
      assertThat(codeOf(() -> evaluate("getRun", "bad id"))).isEqualTo("INVALID_ARGUMENT");
      assertThat(codeOf(() -> evaluate("getRunsByLot", "{\"lot\":\"A B\",\"product\":{}}")))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(codeOf(() -> evaluate("getRunsByBatch", "bad id"))).isEqualTo("INVALID_ARGUMENT");
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

  static String issueJson(
      String runId, String batchId, String lot, Level level, long start, long end, String child) {
    return issueJson(runId, batchId, lot, level, start, end, child, 1);
  }

  static String issueJson(
      String runId,
      String batchId,
      String lot,
      Level level,
      long start,
      long end,
      String child,
      int perParent) {
    String contains =
        child == null
            ? ""
            : "\"contains\":{\"perParent\":%d,\"runId\":\"%s\"},".formatted(perParent, child);
    return ("{\"batchId\":\"%s\",%s\"digest\":\"%s\",\"keyId\":\"1\",\"level\":\"%s\","
            + "\"lot\":\"%s\",\"product\":{\"gtin\":\"%s\"},\"runId\":\"%s\","
            + "\"serialEnd\":%d,\"serialStart\":%d}")
        .formatted(
            batchId,
            contains,
            RunDigest.of(RICE, lot, level, start, end),
            level.name(),
            lot,
            GTIN,
            runId,
            end,
            start);
  }

  void trace(Identity caller, String transaction, String argument) {
    network().ledger().submit(caller, Proposal.of("trace", transaction, argument));
  }

  String submit(Identity caller, String argument) {
    return network()
        .ledger()
        .submit(caller, Proposal.of("code", "issueRun", argument))
        .resultText();
  }

  String evaluate(String transaction, String argument) {
    return new String(
        network().ledger().evaluate(regulator, Proposal.of("code", transaction, argument)),
        StandardCharsets.UTF_8);
  }

  /** The error code of a rejected issueRun (the submit must fail at endorsement). */
  String rejected(Identity caller, String argument) {
    LedgerException e = catchThrowableOfType(LedgerException.class, () -> submit(caller, argument));
    assertThat(e).as("issueRun must be rejected").isNotNull();
    assertThat(e.stage()).isEqualTo(LedgerException.Stage.ENDORSE);
    return e.errorCode().orElseThrow();
  }

  static String codeOf(Runnable call) {
    LedgerException e = catchThrowableOfType(LedgerException.class, call::run);
    assertThat(e).as("call must fail").isNotNull();
    return e.errorCode().orElseThrow();
  }

  /** Run ids of the rice lot, in the order getRunsByLot returns them. */
  List<String> lot(String lot) {
    return lotOf("{\"lot\":\"%s\",\"product\":{\"gtin\":\"%s\"}}".formatted(lot, GTIN));
  }

  List<String> lotOf(String argument) {
    return ids(evaluate("getRunsByLot", argument));
  }

  List<String> runsOf(String batchId) {
    return ids(evaluate("getRunsByBatch", batchId));
  }

  static List<String> ids(String records) {
    List<String> ids = new ArrayList<>();
    for (JsonNode record : tree(records).get("records")) {
      ids.add(record.get("runId").asString());
    }
    return ids;
  }

  static JsonNode tree(String json) {
    return JSON.readTree(json);
  }
}
