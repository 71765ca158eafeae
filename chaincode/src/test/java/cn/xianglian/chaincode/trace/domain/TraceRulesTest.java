package cn.xianglian.chaincode.trace.domain;

import static cn.xianglian.chaincode.domain.ErrorCode.ACCESS_DENIED;
import static cn.xianglian.chaincode.domain.ErrorCode.ALREADY_EXISTS;
import static cn.xianglian.chaincode.domain.ErrorCode.BATCH_NOT_ACTIVE;
import static cn.xianglian.chaincode.domain.ErrorCode.BATCH_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.BATCH_RECALLED;
import static cn.xianglian.chaincode.domain.ErrorCode.CERTIFICATE_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.EVENT_BEFORE_BATCH;
import static cn.xianglian.chaincode.domain.ErrorCode.EVENT_ID_CONFLICT;
import static cn.xianglian.chaincode.domain.ErrorCode.INVALID_ARGUMENT;
import static cn.xianglian.chaincode.domain.ErrorCode.INVALID_STATE;
import static cn.xianglian.chaincode.domain.ErrorCode.LIMIT_EXCEEDED;
import static cn.xianglian.chaincode.domain.ErrorCode.NOT_OWNER;
import static cn.xianglian.chaincode.domain.ErrorCode.PRODUCER_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.QUANTITY_INVALID;
import static cn.xianglian.chaincode.domain.ErrorCode.QUANTITY_NOT_CONSERVED;
import static cn.xianglian.chaincode.domain.ErrorCode.RECALL_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.REGION_OUT_OF_SCOPE;
import static cn.xianglian.chaincode.trace.domain.Fixtures.AUDITOR;
import static cn.xianglian.chaincode.trace.domain.Fixtures.FARMER;
import static cn.xianglian.chaincode.trace.domain.Fixtures.FIELD;
import static cn.xianglian.chaincode.trace.domain.Fixtures.LATER;
import static cn.xianglian.chaincode.trace.domain.Fixtures.OTHER_FARMER;
import static cn.xianglian.chaincode.trace.domain.Fixtures.OUTSIDE_REGULATOR;
import static cn.xianglian.chaincode.trace.domain.Fixtures.PRODUCED;
import static cn.xianglian.chaincode.trace.domain.Fixtures.REGULATOR;
import static cn.xianglian.chaincode.trace.domain.Fixtures.RICE;
import static cn.xianglian.chaincode.trace.domain.Fixtures.TX;
import static cn.xianglian.chaincode.trace.domain.Fixtures.VILLAGE;
import static cn.xianglian.chaincode.trace.domain.Fixtures.batch;
import static cn.xianglian.chaincode.trace.domain.Fixtures.kg;
import static cn.xianglian.chaincode.trace.domain.Fixtures.lookup;
import static cn.xianglian.chaincode.trace.domain.Fixtures.producer;
import static cn.xianglian.chaincode.trace.domain.Fixtures.rejects;
import static cn.xianglian.chaincode.trace.domain.Fixtures.time;
import static org.assertj.core.api.Assertions.assertThat;

import cn.xianglian.chaincode.domain.Actor;
import cn.xianglian.chaincode.domain.RegionCode;
import cn.xianglian.chaincode.domain.Role;
import cn.xianglian.chaincode.trace.domain.TraceRules.Recorded;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TraceRulesTest {

  static Commands.RecordEvent note(String eventId, String batchId) {
    return new Commands.RecordEvent(
        eventId, batchId, BizStep.HARVESTING, LATER, FIELD, null, null, null, null);
  }

  static Commands.SplitBatch split(String parent, long... amounts) {
    List<BatchQuantity> children = new ArrayList<>();
    for (int i = 0; i < amounts.length; i++) {
      children.add(new BatchQuantity(parent + "-" + i, kg(amounts[i])));
    }
    return new Commands.SplitBatch("E-split-" + parent, parent, LATER, FIELD, children);
  }

  @Nested
  @DisplayName("registerProducer")
  class RegisterProducer {

    final Commands.RegisterProducer cmd =
        new Commands.RegisterProducer("P-1", ProducerType.FAMILY_FARM, "农场", VILLAGE, null);

    @Test
    @DisplayName("a producer registers itself, owned by its party, with the personal-data hash")
    void self() {
      Producer p = TraceRules.registerProducer(cmd, FARMER, "ab".repeat(32), false, TX);
      assertThat(p.owner()).isEqualTo("CoopOrgMSP/P-1");
      assertThat(p.personalDataHash()).isEqualTo("ab".repeat(32));
      assertThat(p.txId()).isEqualTo("tx-1");
    }

    @Test
    @DisplayName("role, then region, then self, then id are checked in that order")
    void order() {
      rejects(ACCESS_DENIED, () -> TraceRules.registerProducer(cmd, AUDITOR, null, true, TX));
      Actor outsider =
          new Actor("TownshipOrgMSP", "T", Role.TOWNSHIP, RegionCode.of("520123100000"));
      rejects(
          REGION_OUT_OF_SCOPE, () -> TraceRules.registerProducer(cmd, outsider, null, true, TX));
      rejects(NOT_OWNER, () -> TraceRules.registerProducer(cmd, OTHER_FARMER, null, true, TX));
      rejects(ALREADY_EXISTS, () -> TraceRules.registerProducer(cmd, FARMER, null, true, TX));
    }

    @Test
    @DisplayName("a 统一社会信用代码 must have 18 valid characters")
    void subjectCode() {
      rejects(
          INVALID_ARGUMENT,
          () ->
              new Commands.RegisterProducer("P-1", ProducerType.COOPERATIVE, "社", VILLAGE, "ABC"));
      assertThat(
              new Commands.RegisterProducer(
                      "P-1", ProducerType.COOPERATIVE, "社", VILLAGE, "93520122MA6DXXXX1Y")
                  .subjectCode())
          .hasSize(18);
    }
  }

  @Nested
  @DisplayName("createBatch")
  class CreateBatch {

    Commands.CreateBatch cmd(String producerId, Location origin, long amount) {
      return new Commands.CreateBatch(
          "B1", producerId, RICE, kg(amount), origin, ProductionType.PLANTING, PRODUCED);
    }

    @Test
    @DisplayName("makes an ACTIVE batch with a commissioning ObjectEvent ADD at seq 0")
    void creates() {
      Recorded r =
          TraceRules.createBatch(
              cmd("P-1", FIELD, 100), FARMER, Optional.of(producer("P-1")), false, TX);
      Batch b = r.created().get(0);
      assertThat(b.status()).isEqualTo(BatchStatus.ACTIVE);
      assertThat(b.quantity()).isEqualTo(b.originalQuantity()).isEqualTo(kg(100));
      assertThat(b.eventCount()).isEqualTo(1);
      assertThat(r.event().bizStep()).isEqualTo(BizStep.COMMISSIONING);
      assertThat(r.event().action()).isEqualTo(EventAction.ADD);
      assertThat(r.event().eventId()).isEqualTo("B1:commissioning");
      assertThat(r.links()).containsExactly(new TraceRules.EventLink("B1", 0));
    }

    @Test
    @DisplayName("denials in check order: role, region, producer, owner, id, quantity")
    void order() {
      Location elsewhere = new Location(RegionCode.of("520122100202"), "B");
      var known = Optional.of(producer("P-1"));
      rejects(
          ACCESS_DENIED,
          () -> TraceRules.createBatch(cmd("P-1", elsewhere, 0), REGULATOR, known, true, TX));
      rejects(
          REGION_OUT_OF_SCOPE,
          () -> TraceRules.createBatch(cmd("P-1", elsewhere, 0), FARMER, known, true, TX));
      rejects(
          PRODUCER_NOT_FOUND,
          () -> TraceRules.createBatch(cmd("P-1", FIELD, 0), FARMER, Optional.empty(), true, TX));
      rejects(
          NOT_OWNER,
          () -> TraceRules.createBatch(cmd("P-1", FIELD, 0), OTHER_FARMER, known, true, TX));
      rejects(
          ALREADY_EXISTS,
          () -> TraceRules.createBatch(cmd("P-1", FIELD, 0), FARMER, known, true, TX));
      rejects(
          QUANTITY_INVALID,
          () -> TraceRules.createBatch(cmd("P-1", FIELD, 0), FARMER, known, false, TX));
    }
  }

  @Nested
  @DisplayName("recordEvent")
  class RecordEvent {

    @Test
    @DisplayName("appends an OBSERVE event at the batch's next position")
    void appends() {
      Batch b = batch("B1", 100);
      Recorded r = TraceRules.recordEvent(note("E1", "B1"), FARMER, Optional.of(b), false, TX);
      assertThat(r.event().seq()).isEqualTo(1);
      assertThat(r.writes().get(0).eventCount()).isEqualTo(2);
      assertThat(r.event().recorder()).isEqualTo("CoopOrgMSP/P-1");
    }

    @Test
    @DisplayName("steps with their own transaction are refused")
    void dedicatedSteps() {
      for (BizStep step : BizStep.DEDICATED) {
        rejects(
            INVALID_ARGUMENT,
            () -> new Commands.RecordEvent("E1", "B1", step, LATER, FIELD, null, null, null, null));
      }
    }

    @Test
    @DisplayName("a failed inspection sets non_conformant on event and batch")
    void failedInspection() {
      var item = new InspectionItem("铅", "0.3", "0.2", "mg/kg", InspectionResult.FAIL);
      var detail =
          new EventDetail(
              null,
              null,
              new Inspection("站", "GB 2762", List.of(item), InspectionResult.FAIL, "a".repeat(64)),
              null,
              null,
              null);
      var cmd =
          new Commands.RecordEvent(
              "E1", "B1", BizStep.INSPECTING, LATER, FIELD, null, null, null, detail);
      Recorded r = TraceRules.recordEvent(cmd, FARMER, Optional.of(batch("B1", 10)), false, TX);
      assertThat(r.event().disposition()).isEqualTo(Disposition.NON_CONFORMANT);
      assertThat(r.writes().get(0).disposition()).isEqualTo(Disposition.NON_CONFORMANT);
    }

    @Test
    @DisplayName("the detail must fit the step")
    void detailFitsStep() {
      var input =
          new InputUse(
              InputCategory.FEED,
              "饲料",
              null,
              kg(5),
              java.time.LocalDate.of(2026, 5, 2),
              null,
              null);
      var detail = new EventDetail(null, input, null, null, null, null);
      rejects(
          INVALID_ARGUMENT,
          () ->
              new Commands.RecordEvent(
                  "E1", "B1", BizStep.FERTILIZING, LATER, FIELD, null, null, null, detail));
      rejects(
          INVALID_ARGUMENT,
          () ->
              new Commands.RecordEvent(
                  "E1", "B1", BizStep.PACKING, LATER, FIELD, null, null, null, detail));
      assertThat(
              new Commands.RecordEvent(
                      "E1", "B1", BizStep.FEEDING, LATER, FIELD, null, null, null, detail)
                  .detail())
          .isEqualTo(detail);
    }

    @Test
    @DisplayName("denials in check order: found, owner, event id, recalled, active, time, quantity")
    void order() {
      Batch b = batch("B1", 10);
      rejects(
          BATCH_NOT_FOUND,
          () -> TraceRules.recordEvent(note("E", "B1"), FARMER, Optional.empty(), true, TX));
      rejects(
          NOT_OWNER,
          () -> TraceRules.recordEvent(note("E", "B1"), OTHER_FARMER, Optional.of(b), true, TX));
      rejects(
          EVENT_ID_CONFLICT,
          () -> TraceRules.recordEvent(note("E", "B1"), FARMER, Optional.of(b), true, TX));
      Batch recalled = b.recalled("R1");
      rejects(
          BATCH_RECALLED,
          () -> TraceRules.recordEvent(note("E", "B1"), FARMER, Optional.of(recalled), false, TX));
      Batch consumed = b.withQuantity(kg(0));
      rejects(
          BATCH_NOT_ACTIVE,
          () -> TraceRules.recordEvent(note("E", "B1"), FARMER, Optional.of(consumed), false, TX));
      var early =
          new Commands.RecordEvent(
              "E",
              "B1",
              BizStep.HARVESTING,
              time("2026-04-30T08:00:00+08:00"),
              FIELD,
              null,
              null,
              null,
              null);
      rejects(
          EVENT_BEFORE_BATCH,
          () -> TraceRules.recordEvent(early, FARMER, Optional.of(b), false, TX));
      var litres =
          new Commands.RecordEvent(
              "E", "B1", BizStep.PACKING, LATER, FIELD, null, null, Quantity.of(1, Unit.LTR), null);
      rejects(
          QUANTITY_INVALID,
          () -> TraceRules.recordEvent(litres, FARMER, Optional.of(b), false, TX));
      var tooMuch =
          new Commands.RecordEvent(
              "E", "B1", BizStep.PACKING, LATER, FIELD, null, null, kg(11), null);
      rejects(
          QUANTITY_NOT_CONSERVED,
          () -> TraceRules.recordEvent(tooMuch, FARMER, Optional.of(b), false, TX));
    }
  }

  @Nested
  @DisplayName("splitBatch")
  class SplitBatch {

    @Test
    @DisplayName("children's sum leaves the parent; both sides point at each other")
    void conserves() {
      Recorded r =
          TraceRules.splitBatch(
              split("B1", 30, 20), FARMER, Optional.of(batch("B1", 100)), Set.of(), false, TX);
      Batch parent = r.writes().get(0);
      assertThat(parent.quantity()).isEqualTo(kg(50));
      assertThat(parent.children()).containsExactly("B1-0", "B1-1");
      assertThat(r.created()).extracting(Batch::parents).containsOnly(List.of("B1"));
      assertThat(r.created()).extracting(Batch::quantity).containsExactly(kg(30), kg(20));
      assertThat(r.event().type()).isEqualTo(EventType.TRANSFORMATION_EVENT);
      assertThat(r.links()).hasSize(3);
    }

    @Test
    @DisplayName("splitting all of it consumes the parent")
    void consumes() {
      Recorded r =
          TraceRules.splitBatch(
              split("B1", 60, 40), FARMER, Optional.of(batch("B1", 100)), Set.of(), false, TX);
      assertThat(r.writes().get(0).status()).isEqualTo(BatchStatus.CONSUMED);
      assertThat(r.writes().get(0).disposition()).isEqualTo(Disposition.CONSUMED);
    }

    @Test
    @DisplayName("more than the parent holds, another unit, or a taken child id is refused")
    void denials() {
      var parent = Optional.of(batch("B1", 100));
      rejects(
          QUANTITY_NOT_CONSERVED,
          () -> TraceRules.splitBatch(split("B1", 60, 41), FARMER, parent, Set.of(), false, TX));
      var grams =
          new Commands.SplitBatch(
              "E", "B1", LATER, FIELD, List.of(new BatchQuantity("C", Quantity.of(1, Unit.GRM))));
      rejects(
          QUANTITY_INVALID,
          () -> TraceRules.splitBatch(grams, FARMER, parent, Set.of(), false, TX));
      rejects(
          ALREADY_EXISTS,
          () -> TraceRules.splitBatch(split("B1", 1), FARMER, parent, Set.of("B1-0"), false, TX));
      rejects(
          NOT_OWNER,
          () -> TraceRules.splitBatch(split("B1", 1), OTHER_FARMER, parent, Set.of(), false, TX));
      rejects(
          INVALID_ARGUMENT,
          () ->
              new Commands.SplitBatch(
                  "E", "B1", LATER, FIELD, List.of(new BatchQuantity("B1", kg(1)))));
    }
  }

  @Nested
  @DisplayName("mergeBatches")
  class MergeBatches {

    Commands.MergeBatches merge(long a, long b, long out) {
      return new Commands.MergeBatches(
          "E",
          LATER,
          FIELD,
          List.of(new BatchQuantity("A", kg(a)), new BatchQuantity("B", kg(b))),
          new NewBatch("M", RICE, kg(out)));
    }

    @Test
    @DisplayName("the output is exactly the inputs' sum and names them as parents")
    void sums() {
      Map<String, Batch> loaded = Map.of("A", batch("A", 30), "B", batch("B", 20));
      Recorded r = TraceRules.mergeBatches(merge(30, 15, 45), FARMER, loaded, Set.of(), false, TX);
      Batch out = r.created().get(0);
      assertThat(out.quantity()).isEqualTo(kg(45));
      assertThat(out.parents()).containsExactly("A", "B");
      assertThat(out.producerId()).isEqualTo("P-1");
      assertThat(r.writes()).extracting(Batch::quantity).containsExactly(kg(0), kg(5), kg(45));
    }

    @Test
    @DisplayName("an unbalanced sum, a missing or foreign input is refused")
    void denials() {
      Map<String, Batch> loaded = Map.of("A", batch("A", 30), "B", batch("B", 20));
      rejects(
          QUANTITY_NOT_CONSERVED,
          () -> TraceRules.mergeBatches(merge(30, 15, 44), FARMER, loaded, Set.of(), false, TX));
      rejects(
          QUANTITY_NOT_CONSERVED,
          () -> TraceRules.mergeBatches(merge(31, 15, 46), FARMER, loaded, Set.of(), false, TX));
      rejects(
          BATCH_NOT_FOUND,
          () ->
              TraceRules.mergeBatches(
                  merge(1, 1, 2), FARMER, Map.of("A", batch("A", 3)), Set.of(), false, TX));
      rejects(
          NOT_OWNER,
          () -> TraceRules.mergeBatches(merge(1, 1, 2), OTHER_FARMER, loaded, Set.of(), false, TX));
      rejects(
          INVALID_ARGUMENT,
          () ->
              new Commands.MergeBatches(
                  "E",
                  LATER,
                  FIELD,
                  List.of(new BatchQuantity("A", kg(1))),
                  new NewBatch("M", RICE, kg(1))));
    }
  }

  @Nested
  @DisplayName("transformBatch")
  class TransformBatch {

    Commands.TransformBatch transform(long in, long out, long loss) {
      return new Commands.TransformBatch(
          "E",
          LATER,
          FIELD,
          List.of(new BatchQuantity("PIG", kg(in))),
          List.of(new NewBatch("CUTS", new ProductClass(null, "XL-PORK", "分割肉", "MEAT"), kg(out))),
          kg(loss));
    }

    @Test
    @DisplayName("outputs plus loss equal inputs; outputs are PROCESSING by the processor")
    void balances() {
      Recorded r =
          TraceRules.transformBatch(
              transform(100, 70, 30),
              FARMER,
              Map.of("PIG", batch("PIG", 100)),
              Set.of(),
              false,
              TX);
      Batch cuts = r.created().get(0);
      assertThat(cuts.productionType()).isEqualTo(ProductionType.PROCESSING);
      assertThat(cuts.producedAt()).isEqualTo(LATER);
      assertThat(r.event().detail().loss()).isEqualTo(kg(30));
    }

    @Test
    @DisplayName("an imbalance is QUANTITY_NOT_CONSERVED; a loss in another unit QUANTITY_INVALID")
    void denials() {
      var loaded = Map.of("PIG", batch("PIG", 100));
      rejects(
          QUANTITY_NOT_CONSERVED,
          () ->
              TraceRules.transformBatch(
                  transform(100, 70, 29), FARMER, loaded, Set.of(), false, TX));
      var grams =
          new Commands.TransformBatch(
              "E",
              LATER,
              FIELD,
              List.of(new BatchQuantity("PIG", kg(100))),
              List.of(new NewBatch("CUTS", RICE, kg(70))),
              Quantity.of(30, Unit.GRM));
      rejects(
          QUANTITY_INVALID,
          () -> TraceRules.transformBatch(grams, FARMER, loaded, Set.of(), false, TX));
    }
  }

  @Nested
  @DisplayName("shipBatch and receiveBatch")
  class ShipAndReceive {

    final Commands.ShipBatch ship =
        new Commands.ShipBatch("E1", "B1", LATER, FIELD, "P-2", "CoopOrgMSP");
    final Commands.ReceiveBatch receive = new Commands.ReceiveBatch("E2", "B1", LATER, FIELD);

    @Test
    @DisplayName("shipping sets IN_TRANSIT and the pending owner; receiving hands over")
    void handOver() {
      Batch shipped =
          TraceRules.shipBatch(ship, FARMER, Optional.of(batch("B1", 10)), false, TX)
              .writes()
              .get(0);
      assertThat(shipped.status()).isEqualTo(BatchStatus.IN_TRANSIT);
      assertThat(shipped.pendingOwner()).isEqualTo("CoopOrgMSP/P-2");
      Batch received =
          TraceRules.receiveBatch(receive, OTHER_FARMER, Optional.of(shipped), false, TX)
              .writes()
              .get(0);
      assertThat(received.owner()).isEqualTo("CoopOrgMSP/P-2");
      assertThat(received.pendingOwner()).isNull();
      assertThat(received.status()).isEqualTo(BatchStatus.ACTIVE);
    }

    @Test
    @DisplayName("in transit, only receiving is allowed, and only by the pending owner")
    void inTransit() {
      Batch shipped =
          TraceRules.shipBatch(ship, FARMER, Optional.of(batch("B1", 10)), false, TX)
              .writes()
              .get(0);
      rejects(
          BATCH_NOT_ACTIVE,
          () -> TraceRules.recordEvent(note("E3", "B1"), FARMER, Optional.of(shipped), false, TX));
      rejects(
          NOT_OWNER,
          () -> TraceRules.receiveBatch(receive, FARMER, Optional.of(shipped), false, TX));
    }

    @Test
    @DisplayName("receiving an unshipped batch is INVALID_STATE; shipping to oneself is invalid")
    void invalid() {
      rejects(
          INVALID_STATE,
          () -> TraceRules.receiveBatch(receive, FARMER, Optional.of(batch("B1", 10)), false, TX));
      var toSelf = new Commands.ShipBatch("E1", "B1", LATER, FIELD, "P-1", "CoopOrgMSP");
      rejects(
          INVALID_ARGUMENT,
          () -> TraceRules.shipBatch(toSelf, FARMER, Optional.of(batch("B1", 10)), false, TX));
    }
  }

  @Nested
  @DisplayName("issueCertificate and voidCertificate")
  class Certificates {

    Commands.IssueCertificate issue(long amount, List<String> upstream) {
      return new Commands.IssueCertificate(
          "C1",
          "B1",
          CertificateStyle.PRODUCER,
          CertificateBasis.SELF_TEST,
          List.of(Promise.NO_ILLEGAL_ADDITIVES),
          kg(amount),
          LATER,
          upstream);
    }

    @Test
    @DisplayName("the owner issues for at most what the batch holds; the batch lists it")
    void issues() {
      var issued =
          TraceRules.issueCertificate(
              issue(10, List.of()), FARMER, Optional.of(batch("B1", 10)), Map.of(), false, TX);
      assertThat(issued.certificate().status()).isEqualTo(CertificateStatus.VALID);
      assertThat(issued.batch().certificateNos()).containsExactly("C1");
      rejects(
          QUANTITY_NOT_CONSERVED,
          () ->
              TraceRules.issueCertificate(
                  issue(11, List.of()), FARMER, Optional.of(batch("B1", 10)), Map.of(), false, TX));
    }

    @Test
    @DisplayName("upstream certificates must exist and be valid")
    void upstream() {
      var b = Optional.of(batch("B1", 10));
      rejects(
          CERTIFICATE_NOT_FOUND,
          () ->
              TraceRules.issueCertificate(issue(1, List.of("U1")), FARMER, b, Map.of(), false, TX));
      Certificate voided =
          TraceRules.voidCertificate(
              new Commands.VoidCertificate("U1", "错"),
              FARMER,
              Optional.of(
                  TraceRules.issueCertificate(issue(1, List.of()), FARMER, b, Map.of(), false, TX)
                      .certificate()));
      rejects(
          INVALID_STATE,
          () ->
              TraceRules.issueCertificate(
                  issue(1, List.of("U1")), FARMER, b, Map.of("U1", voided), false, TX));
    }

    @Test
    @DisplayName("only the issuer voids; voiding twice with the same reason is a no-op retry")
    void voids() {
      Certificate c =
          TraceRules.issueCertificate(
                  issue(1, List.of()), FARMER, Optional.of(batch("B1", 10)), Map.of(), false, TX)
              .certificate();
      var cmd = new Commands.VoidCertificate("C1", "错");
      rejects(NOT_OWNER, () -> TraceRules.voidCertificate(cmd, OTHER_FARMER, Optional.of(c)));
      Certificate voided = TraceRules.voidCertificate(cmd, FARMER, Optional.of(c));
      assertThat(voided.status()).isEqualTo(CertificateStatus.VOID);
      assertThat(TraceRules.voidCertificate(cmd, FARMER, Optional.of(voided))).isSameAs(voided);
      rejects(
          INVALID_STATE,
          () ->
              TraceRules.voidCertificate(
                  new Commands.VoidCertificate("C1", "另"), FARMER, Optional.of(voided)));
      rejects(
          CERTIFICATE_NOT_FOUND, () -> TraceRules.voidCertificate(cmd, FARMER, Optional.empty()));
    }
  }

  @Nested
  @DisplayName("raiseWarning and recallBatch")
  class WarningsAndRecalls {

    final Commands.RecallBatch recall =
        new Commands.RecallBatch("R1", "B1", "超标", RecallLevel.I, LATER);

    /** B1 split into B1-0 and B1-1; B1-0 split into B1-0-0. */
    List<Batch> family() {
      Recorded first =
          TraceRules.splitBatch(
              split("B1", 50, 10), FARMER, Optional.of(batch("B1", 100)), Set.of(), false, TX);
      Recorded second =
          TraceRules.splitBatch(
              split("B1-0", 20), FARMER, Optional.of(first.created().get(0)), Set.of(), false, TX);
      List<Batch> all = new ArrayList<>();
      all.add(first.writes().get(0));
      all.add(second.writes().get(0));
      all.add(first.created().get(1));
      all.addAll(second.created());
      return all;
    }

    @Test
    @DisplayName("a recall marks the batch and every descendant RECALLED")
    void recallsDescendants() {
      List<Batch> family = family();
      var recalled =
          TraceRules.recallBatch(
              recall, REGULATOR, Optional.of(family.get(0)), lookup(family), false, TX);
      assertThat(recalled.recall().affectedBatchIds())
          .containsExactly("B1", "B1-0", "B1-1", "B1-0-0");
      assertThat(recalled.batches())
          .allSatisfy(
              b -> {
                assertThat(b.status()).isEqualTo(BatchStatus.RECALLED);
                assertThat(b.disposition()).isEqualTo(Disposition.RECALLED);
                assertThat(b.recallIds()).containsExactly("R1");
              });
    }

    @Test
    @DisplayName("a warning marks the batch and every descendant")
    void warnsDescendants() {
      List<Batch> family = family();
      var warned =
          TraceRules.raiseWarning(
              new Commands.RaiseWarning("W1", "B1", WarningLevel.HIGH, "抽检", LATER),
              REGULATOR,
              Optional.of(family.get(0)),
              lookup(family),
              false,
              TX);
      assertThat(warned.batches()).hasSize(4).allMatch(b -> b.warningIds().contains("W1"));
    }

    @Test
    @DisplayName("denials in check order: role, found, region, id")
    void order() {
      List<Batch> family = family();
      var b = Optional.of(family.get(0));
      rejects(
          ACCESS_DENIED,
          () -> TraceRules.recallBatch(recall, FARMER, Optional.empty(), lookup(family), true, TX));
      rejects(
          BATCH_NOT_FOUND,
          () ->
              TraceRules.recallBatch(
                  recall, REGULATOR, Optional.empty(), lookup(family), true, TX));
      rejects(
          REGION_OUT_OF_SCOPE,
          () -> TraceRules.recallBatch(recall, OUTSIDE_REGULATOR, b, lookup(family), true, TX));
      rejects(
          ALREADY_EXISTS,
          () -> TraceRules.recallBatch(recall, REGULATOR, b, lookup(family), true, TX));
    }

    @Test
    @DisplayName("more descendants than the bound is LIMIT_EXCEEDED, not a partial recall")
    void bounded() {
      List<String> children = new ArrayList<>();
      for (int i = 0; i < TraceRules.MAX_LINEAGE; i++) {
        children.add("C" + i);
      }
      Batch root = batch("B1", 10).withChildren(children);
      Lineage.BatchLookup everyChild = id -> Optional.of(batch(id, 1));
      rejects(
          LIMIT_EXCEEDED,
          () ->
              TraceRules.recallBatch(recall, REGULATOR, Optional.of(root), everyChild, false, TX));
    }

    @Test
    @DisplayName("after a recall only handleRecall is accepted; DESTROYED removes quantity")
    void handling() {
      Batch recalled = batch("B1", 10).recalled("R1");
      Recall r =
          new Recall("R1", "B1", "超标", RecallLevel.I, "CountyOrgMSP/AGRI", LATER, List.of("B1"));
      var destroy =
          new Commands.HandleRecall(
              "E1", "B1", "R1", LATER, FIELD, RecallAction.DESTROYED, kg(10), null);
      Recorded done =
          TraceRules.handleRecall(
              destroy, FARMER, Optional.of(recalled), Optional.of(r), false, TX);
      assertThat(done.writes().get(0).quantity()).isEqualTo(kg(0));
      assertThat(done.writes().get(0).status()).isEqualTo(BatchStatus.RECALLED);
      assertThat(done.writes().get(0).disposition()).isEqualTo(Disposition.DESTROYED);
      assertThat(done.event().detail().recallHandling().action()).isEqualTo(RecallAction.DESTROYED);

      rejects(
          RECALL_NOT_FOUND,
          () ->
              TraceRules.handleRecall(
                  destroy, FARMER, Optional.of(recalled), Optional.empty(), false, TX));
      rejects(
          NOT_OWNER,
          () ->
              TraceRules.handleRecall(
                  destroy, OTHER_FARMER, Optional.of(recalled), Optional.of(r), false, TX));
      rejects(
          INVALID_STATE,
          () ->
              TraceRules.handleRecall(
                  destroy, FARMER, Optional.of(batch("B1", 10)), Optional.of(r), false, TX));
      var tooMuch =
          new Commands.HandleRecall(
              "E1", "B1", "R1", LATER, FIELD, RecallAction.HELD, kg(11), null);
      rejects(
          QUANTITY_NOT_CONSERVED,
          () ->
              TraceRules.handleRecall(
                  tooMuch, FARMER, Optional.of(recalled), Optional.of(r), false, TX));
    }
  }

  @Nested
  @DisplayName("Lineage")
  class Lineages {

    @Test
    @DisplayName("ancestors and descendants are walked breadth first, each batch once")
    void walks() {
      Batch a = batch("A", 1).withChildren(List.of("C"));
      Batch b = batch("B", 1).withChildren(List.of("C"));
      Batch c =
          Batch.created(
                  "C",
                  RICE,
                  kg(2),
                  FIELD,
                  ProductionType.PROCESSING,
                  LATER,
                  "P-1",
                  "CoopOrgMSP/P-1",
                  List.of("A", "B"),
                  TX)
              .withChildren(List.of("D"));
      Batch d =
          Batch.created(
              "D",
              RICE,
              kg(1),
              FIELD,
              ProductionType.PROCESSING,
              LATER,
              "P-1",
              "CoopOrgMSP/P-1",
              List.of("C"),
              TX);
      var lookup = lookup(List.of(a, b, c, d));
      assertThat(Lineage.ancestors(d, lookup, 10))
          .extracting(Batch::batchId)
          .containsExactly("C", "A", "B");
      assertThat(Lineage.descendants(a, lookup, 10))
          .extracting(Batch::batchId)
          .containsExactly("C", "D");
      rejects(LIMIT_EXCEEDED, () -> Lineage.ancestors(d, lookup, 2));
    }
  }
}
