package cn.xianglian.chaincode.code.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.xianglian.chaincode.domain.Actor;
import cn.xianglian.chaincode.domain.ChinaTime;
import cn.xianglian.chaincode.domain.ErrorCode;
import cn.xianglian.chaincode.domain.RegionCode;
import cn.xianglian.chaincode.domain.Role;
import cn.xianglian.chaincode.domain.Tx;
import cn.xianglian.chaincode.domain.XlException;
import cn.xianglian.chaincode.trace.domain.Batch;
import cn.xianglian.chaincode.trace.domain.BatchStatus;
import cn.xianglian.chaincode.trace.domain.Commands;
import cn.xianglian.chaincode.trace.domain.Location;
import cn.xianglian.chaincode.trace.domain.Producer;
import cn.xianglian.chaincode.trace.domain.ProducerType;
import cn.xianglian.chaincode.trace.domain.ProductClass;
import cn.xianglian.chaincode.trace.domain.ProductionType;
import cn.xianglian.chaincode.trace.domain.Quantity;
import cn.xianglian.chaincode.trace.domain.TraceRules;
import cn.xianglian.chaincode.trace.domain.Unit;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules of code runs as stories: digest vectors, field rules and every check in order. */
class CodeRulesTest {

  static final RegionCode VILLAGE = RegionCode.of("520122100201");
  static final String GTIN = "06901234567892";
  static final String LOT = "XF-2026-0001";
  static final RunProduct RICE = new RunProduct(GTIN, null);
  static final OffsetDateTime PRODUCED = ChinaTime.parse("time", "2026-05-01T08:00:00+08:00");
  static final Tx TX = new Tx("tx-9", ChinaTime.parse("time", "2026-05-03T09:00:00+08:00"));
  static final Actor FARMER = new Actor("CoopOrgMSP", "P-1", Role.PRODUCER, VILLAGE);
  static final Actor OTHER_FARMER = new Actor("CoopOrgMSP", "P-2", Role.PRODUCER, VILLAGE);
  static final Actor LABELER =
      new Actor("CountyOrgMSP", "QR", Role.LABELER, RegionCode.of("520122000000"));
  static final Actor OUTSIDE_LABELER =
      new Actor("CountyOrgMSP", "QR-X", Role.LABELER, RegionCode.of("520123000000"));
  static final Actor REGULATOR =
      new Actor("CountyOrgMSP", "AGRI", Role.REGULATOR, RegionCode.of("520122000000"));

  static Batch batch(String id) {
    Producer producer =
        new Producer(
            "P-1",
            ProducerType.FAMILY_FARM,
            "农场",
            VILLAGE,
            null,
            null,
            "CoopOrgMSP/P-1",
            PRODUCED,
            "tx-0");
    return TraceRules.createBatch(
            new Commands.CreateBatch(
                id,
                "P-1",
                new ProductClass(GTIN, null, "息烽贡米", "GRAIN"),
                Quantity.of(100, Unit.KGM),
                new Location(VILLAGE, "田块 A-01"),
                ProductionType.PLANTING,
                PRODUCED),
            FARMER,
            Optional.of(producer),
            false,
            TX)
        .created()
        .get(0);
  }

  static Batch recalled(Batch b) {
    return new Batch(
        b.batchId(),
        b.product(),
        b.quantity(),
        b.originalQuantity(),
        b.origin(),
        b.productionType(),
        b.producedAt(),
        b.producerId(),
        b.owner(),
        b.pendingOwner(),
        BatchStatus.RECALLED,
        b.disposition(),
        b.parents(),
        b.children(),
        List.of("R-1"),
        b.warningIds(),
        b.certificateNos(),
        b.eventCount(),
        b.createdTxId(),
        b.createdAt());
  }

  static IssueRun cmd(String runId, String batchId, Level level, long start, long end, Contains c) {
    return new IssueRun(
        runId,
        batchId,
        RICE,
        LOT,
        level,
        start,
        end,
        "1",
        RunDigest.of(RICE, LOT, level, start, end),
        c);
  }

  static CodeRun issue(IssueRun cmd, Actor actor, List<CodeRun> lotRuns) {
    return CodeRules.issueRun(
            cmd,
            actor,
            Optional.of(batch(cmd.batchId())),
            lotRuns.stream().filter(r -> r.runId().equals(cmd.runId())).findFirst(),
            lotRuns,
            cmd.contains() == null
                ? Optional.empty()
                : lotRuns.stream()
                    .filter(r -> r.runId().equals(cmd.contains().runId()))
                    .findFirst(),
            TX)
        .run();
  }

  static void rejects(ErrorCode code, Runnable action) {
    XlException e = catchThrowableOfType(XlException.class, action::run);
    assertThat(e).as("expected rejection %s", code).isNotNull();
    assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
  }

  @Nested
  @DisplayName("the digest")
  class Digest {

    @Test
    @DisplayName("matches the documented test vectors")
    void vectors() {
      assertThat(RunDigest.of(RICE, LOT, Level.ITEM, 1, 3))
          .isEqualTo("532adfcf42a60c350105660f03bd2037da6e964c02d7ee5204b4aeea9e2416e6");
      assertThat(RunDigest.of(RICE, LOT, Level.CASE, 1, 2))
          .isEqualTo("0ce8044fd313bedc0a34a8f9f3ad879da1c6237996ca4ee35af94d2a9dde4221");
    }

    @Test
    @DisplayName("percent-encodes every lot character but A-Z a-z 0-9 - . _ in upper-case hex")
    void percentEncoding() {
      assertThat(RunDigest.percentEncode("A-z.0_9")).isEqualTo("A-z.0_9");
      assertThat(RunDigest.percentEncode("L/1 \"%?")).isEqualTo("L%2F1%20%22%25%3F");
    }

    @Test
    @DisplayName("differs between a GTIN and an internal code, and between levels")
    void schemeAndLevel() {
      String gtin = RunDigest.of(RICE, LOT, Level.ITEM, 1, 3);
      assertThat(RunDigest.of(new RunProduct(null, "XL-RICE"), LOT, Level.ITEM, 1, 3))
          .isNotEqualTo(gtin);
      assertThat(RunDigest.of(RICE, LOT, Level.PALLET, 1, 3)).isNotEqualTo(gtin);
    }
  }

  @Nested
  @DisplayName("the argument")
  class Argument {

    @Test
    @DisplayName("accepts the documented example")
    void example() {
      IssueRun run = cmd("C1", "B1", Level.CASE, 1, 2, new Contains("R1", 6));
      assertThat(run.count()).isEqualTo(2);
      assertThat(run.digest())
          .isEqualTo("0ce8044fd313bedc0a34a8f9f3ad879da1c6237996ca4ee35af94d2a9dde4221");
    }

    @Test
    @DisplayName("rejects every broken field rule as INVALID_ARGUMENT")
    void fieldRules() {
      String d = "0".repeat(64);
      List<Runnable> broken = new ArrayList<>();
      broken.add(() -> new IssueRun("", "B1", RICE, LOT, Level.ITEM, 1L, 1L, "1", d, null));
      broken.add(() -> new IssueRun("R 1", "B1", RICE, LOT, Level.ITEM, 1L, 1L, "1", d, null));
      broken.add(
          () -> new IssueRun("R".repeat(65), "B1", RICE, LOT, Level.ITEM, 1L, 1L, "1", d, null));
      broken.add(() -> new IssueRun("R1", null, RICE, LOT, Level.ITEM, 1L, 1L, "1", d, null));
      broken.add(() -> new IssueRun("R1", "B1", null, LOT, Level.ITEM, 1L, 1L, "1", d, null));
      broken.add(() -> new IssueRun("R1", "B1", RICE, "", Level.ITEM, 1L, 1L, "1", d, null));
      broken.add(
          () -> new IssueRun("R1", "B1", RICE, "L".repeat(21), Level.ITEM, 1L, 1L, "1", d, null));
      broken.add(() -> new IssueRun("R1", "B1", RICE, "批次", Level.ITEM, 1L, 1L, "1", d, null));
      broken.add(() -> new IssueRun("R1", "B1", RICE, "A B", Level.ITEM, 1L, 1L, "1", d, null));
      broken.add(() -> new IssueRun("R1", "B1", RICE, LOT, null, 1L, 1L, "1", d, null));
      broken.add(() -> new IssueRun("R1", "B1", RICE, LOT, Level.ITEM, 0L, 1L, "1", d, null));
      broken.add(() -> new IssueRun("R1", "B1", RICE, LOT, Level.ITEM, 5L, 4L, "1", d, null));
      broken.add(
          () ->
              new IssueRun(
                  "R1", "B1", RICE, LOT, Level.ITEM, 1L, 1_000_000_000_000_000_000L, "1", d, null));
      broken.add(
          () -> new IssueRun("R1", "B1", RICE, LOT, Level.ITEM, 1L, 10_000_001L, "1", d, null));
      broken.add(() -> new IssueRun("R1", "B1", RICE, LOT, Level.ITEM, null, 1L, "1", d, null));
      broken.add(
          () -> new IssueRun("R1", "B1", RICE, LOT, Level.ITEM, 1L, 1L, "123456789", d, null));
      broken.add(() -> new IssueRun("R1", "B1", RICE, LOT, Level.ITEM, 1L, 1L, "k-1", d, null));
      broken.add(
          () ->
              new IssueRun(
                  "R1", "B1", RICE, LOT, Level.ITEM, 1L, 1L, "1", d.toUpperCase() + "A", null));
      broken.add(
          () -> new IssueRun("R1", "B1", RICE, LOT, Level.ITEM, 1L, 1L, "1", "A".repeat(64), null));
      broken.add(
          () ->
              new IssueRun(
                  "R1", "B1", RICE, LOT, Level.ITEM, 1L, 1L, "1", d, new Contains("R0", 1)));
      broken.add(() -> new Contains("R0", 0));
      broken.add(() -> new Contains("R0", 100_001));
      broken.add(() -> new Contains(null, 1));
      broken.add(() -> new RunProduct(GTIN, "XL-RICE"));
      broken.add(() -> new RunProduct(null, null));
      broken.add(() -> new RunProduct("06901234567893", null));
      broken.add(() -> new RunProduct(null, "xl-rice"));
      broken.forEach(action -> rejects(ErrorCode.INVALID_ARGUMENT, action));
    }

    @Test
    @DisplayName("accepts the edges: 10,000,000 codes, the largest serial, GS1 set 82 lots")
    void edges() {
      String d = "0".repeat(64);
      assertThat(
              new IssueRun("R1", "B1", RICE, LOT, Level.ITEM, 1L, 10_000_000L, "1", d, null)
                  .count())
          .isEqualTo(10_000_000L);
      assertThat(
              new IssueRun(
                      "R1",
                      "B1",
                      RICE,
                      "!\"%&'()*+,-./:;<=>?_",
                      Level.ITEM,
                      IssueRun.MAX_SERIAL,
                      IssueRun.MAX_SERIAL,
                      "abcD1234",
                      d,
                      null)
                  .count())
          .isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("issueRun")
  class Issue {

    @Test
    @DisplayName("the owning producer issues a run: count, issuer and transaction recorded")
    void owner() {
      CodeRun run = issue(cmd("R1", "B1", Level.ITEM, 1, 12, null), FARMER, List.of());
      assertThat(run.count()).isEqualTo(12);
      assertThat(run.issuer()).isEqualTo("CoopOrgMSP/P-1");
      assertThat(run.issuerMsp()).isEqualTo("CoopOrgMSP");
      assertThat(run.txId()).isEqualTo("tx-9");
      assertThat(run.issuedAt()).isEqualTo(TX.time());
    }

    @Test
    @DisplayName("a labeler of the county issues for a batch of its villages")
    void labeler() {
      assertThat(issue(cmd("R1", "B1", Level.ITEM, 1, 3, null), LABELER, List.of()).issuer())
          .isEqualTo("CountyOrgMSP/QR");
    }

    @Test
    @DisplayName("a product other than the batch's is INVALID_ARGUMENT, even before the role")
    void productMismatch() {
      IssueRun other =
          new IssueRun(
              "R1",
              "B1",
              new RunProduct(null, "XL-TEA"),
              LOT,
              Level.ITEM,
              1L,
              1L,
              "1",
              RunDigest.of(new RunProduct(null, "XL-TEA"), LOT, Level.ITEM, 1, 1),
              null);
      rejects(ErrorCode.INVALID_ARGUMENT, () -> issue(other, REGULATOR, List.of()));
    }

    @Test
    @DisplayName("denies roles other than labeler and producer")
    void role() {
      rejects(
          ErrorCode.ACCESS_DENIED,
          () -> issue(cmd("R1", "B1", Level.ITEM, 1, 1, null), REGULATOR, List.of()));
    }

    @Test
    @DisplayName("an unknown batch is BATCH_NOT_FOUND (after the role)")
    void batchNotFound() {
      IssueRun cmd = cmd("R1", "B1", Level.ITEM, 1, 1, null);
      rejects(
          ErrorCode.BATCH_NOT_FOUND,
          () ->
              CodeRules.issueRun(
                  cmd,
                  FARMER,
                  Optional.empty(),
                  Optional.empty(),
                  List.of(),
                  Optional.empty(),
                  TX));
      rejects(
          ErrorCode.ACCESS_DENIED,
          () ->
              CodeRules.issueRun(
                  cmd,
                  REGULATOR,
                  Optional.empty(),
                  Optional.empty(),
                  List.of(),
                  Optional.empty(),
                  TX));
    }

    @Test
    @DisplayName("a labeler outside the batch's origin region is REGION_OUT_OF_SCOPE")
    void region() {
      rejects(
          ErrorCode.REGION_OUT_OF_SCOPE,
          () -> issue(cmd("R1", "B1", Level.ITEM, 1, 1, null), OUTSIDE_LABELER, List.of()));
    }

    @Test
    @DisplayName("a producer that does not own the batch is NOT_OWNER")
    void owner2() {
      rejects(
          ErrorCode.NOT_OWNER,
          () -> issue(cmd("R1", "B1", Level.ITEM, 1, 1, null), OTHER_FARMER, List.of()));
    }

    @Test
    @DisplayName("a recalled batch gets no new codes, not even a retry")
    void recalledBatch() {
      IssueRun cmd = cmd("R1", "B1", Level.ITEM, 1, 1, null);
      CodeRun existing = issue(cmd, FARMER, List.of());
      rejects(
          ErrorCode.BATCH_RECALLED,
          () ->
              CodeRules.issueRun(
                  cmd,
                  FARMER,
                  Optional.of(recalled(batch("B1"))),
                  Optional.of(existing),
                  List.of(existing),
                  Optional.empty(),
                  TX));
    }

    @Test
    @DisplayName("a retry with the same content returns the existing run; other content is taken")
    void retry() {
      IssueRun cmd = cmd("R1", "B1", Level.ITEM, 1, 3, null);
      CodeRun existing = issue(cmd, FARMER, List.of());
      var again =
          CodeRules.issueRun(
              cmd,
              LABELER,
              Optional.of(batch("B1")),
              Optional.of(existing),
              List.of(existing),
              Optional.empty(),
              TX);
      assertThat(again.retry()).isTrue();
      assertThat(again.run()).isSameAs(existing);
      rejects(
          ErrorCode.ALREADY_EXISTS,
          () -> issue(cmd("R1", "B1", Level.ITEM, 1, 4, null), FARMER, List.of(existing)));
    }

    @Test
    @DisplayName("a lot already used by another batch is LOT_BOUND_TO_OTHER_BATCH")
    void lotBound() {
      CodeRun other = issue(cmd("R1", "B2", Level.ITEM, 1, 3, null), FARMER, List.of());
      rejects(
          ErrorCode.LOT_BOUND_TO_OTHER_BATCH,
          () -> issue(cmd("R2", "B1", Level.ITEM, 100, 103, null), FARMER, List.of(other)));
    }

    @Test
    @DisplayName("an intersecting range at the same level is RANGE_OVERLAP; other levels are free")
    void overlap() {
      CodeRun items = issue(cmd("R1", "B1", Level.ITEM, 10, 20, null), FARMER, List.of());
      rejects(
          ErrorCode.RANGE_OVERLAP,
          () -> issue(cmd("R2", "B1", Level.ITEM, 20, 30, null), FARMER, List.of(items)));
      rejects(
          ErrorCode.RANGE_OVERLAP,
          () -> issue(cmd("R2", "B1", Level.ITEM, 1, 10, null), FARMER, List.of(items)));
      rejects(
          ErrorCode.RANGE_OVERLAP,
          () -> issue(cmd("R2", "B1", Level.ITEM, 1, 100, null), FARMER, List.of(items)));
      assertThat(issue(cmd("R2", "B1", Level.ITEM, 21, 30, null), FARMER, List.of(items)).count())
          .isEqualTo(10);
      assertThat(issue(cmd("C1", "B1", Level.CASE, 10, 20, null), FARMER, List.of(items)).count())
          .isEqualTo(11);
    }

    @Test
    @DisplayName("aggregation: one level down, same lot, not yet contained, ceil(count/perParent)")
    void aggregation() {
      CodeRun items = issue(cmd("R1", "B1", Level.ITEM, 1, 13, null), FARMER, List.of());
      List<CodeRun> lot = List.of(items);
      CodeRun cases = issue(cmd("C1", "B1", Level.CASE, 1, 3, new Contains("R1", 6)), FARMER, lot);
      assertThat(cases.contains()).isEqualTo(new Contains("R1", 6));
      rejects(
          ErrorCode.AGGREGATION_INVALID,
          () -> issue(cmd("C1", "B1", Level.CASE, 1, 2, new Contains("R1", 6)), FARMER, lot));
      rejects(
          ErrorCode.AGGREGATION_INVALID,
          () -> issue(cmd("C1", "B1", Level.CASE, 1, 3, new Contains("NOPE", 6)), FARMER, lot));
      rejects(
          ErrorCode.AGGREGATION_INVALID,
          () -> issue(cmd("P1", "B1", Level.PALLET, 1, 3, new Contains("R1", 6)), FARMER, lot));
      rejects(
          ErrorCode.AGGREGATION_INVALID,
          () ->
              issue(
                  cmd("C2", "B1", Level.CASE, 100, 102, new Contains("R1", 6)),
                  FARMER,
                  List.of(items, cases)));
      CodeRun pallet =
          issue(
              cmd("P1", "B1", Level.PALLET, 1, 1, new Contains("C1", 3)),
              FARMER,
              List.of(items, cases));
      assertThat(pallet.count()).isEqualTo(1);
    }

    @Test
    @DisplayName("a contained run of another lot is AGGREGATION_INVALID")
    void aggregationOtherLot() {
      IssueRun elsewhere =
          new IssueRun(
              "R9",
              "B1",
              RICE,
              "OTHER",
              Level.ITEM,
              1L,
              6L,
              "1",
              RunDigest.of(RICE, "OTHER", Level.ITEM, 1, 6),
              null);
      CodeRun child = issue(elsewhere, FARMER, List.of());
      IssueRun cases = cmd("C1", "B1", Level.CASE, 1, 1, new Contains("R9", 6));
      rejects(
          ErrorCode.AGGREGATION_INVALID,
          () ->
              CodeRules.issueRun(
                  cases,
                  FARMER,
                  Optional.of(batch("B1")),
                  Optional.empty(),
                  List.of(),
                  Optional.of(child),
                  TX));
    }

    @Test
    @DisplayName("a digest that is not the range's is DIGEST_MISMATCH")
    void digest() {
      IssueRun wrong =
          new IssueRun(
              "R1",
              "B1",
              RICE,
              LOT,
              Level.ITEM,
              1L,
              4L,
              "1",
              RunDigest.of(RICE, LOT, Level.ITEM, 1, 3),
              null);
      rejects(ErrorCode.DIGEST_MISMATCH, () -> issue(wrong, FARMER, List.of()));
    }
  }
}
