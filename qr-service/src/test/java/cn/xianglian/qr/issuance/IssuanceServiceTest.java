package cn.xianglian.qr.issuance;

import static cn.xianglian.qr.Errors.errorOf;
import static org.assertj.core.api.Assertions.assertThat;

import cn.xianglian.qr.Caller;
import cn.xianglian.qr.QrError;
import cn.xianglian.qr.digitallink.CodeLevel;
import cn.xianglian.qr.digitallink.Gtin;
import cn.xianglian.qr.digitallink.InternalCode;
import cn.xianglian.qr.digitallink.ProductKey;
import cn.xianglian.qr.digitallink.Serial;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IssuanceServiceTest {

  static final Gtin RICE = new Gtin("06901234567892");
  static final InternalCode TEA = new InternalCode("XL-TEA-01");

  InMemoryCodeRunRegistry registry;
  AtomicReference<String> keyId;
  IssuanceService service;

  @BeforeEach
  void setUp() {
    registry = new InMemoryCodeRunRegistry();
    keyId = new AtomicReference<>("1");
    Map<String, ProductKey> products =
        Map.of("XF-2026-0001", RICE, "XF-2026-0002", RICE, "TEA-1", TEA, "批次一", RICE);
    service =
        new IssuanceService(
            registry,
            id ->
                Optional.ofNullable(products.get(id))
                    .map(product -> new BatchFacts(id, product, OWNER, VILLAGE)),
            keyId::get);
  }

  static final String VILLAGE = "520122100201";
  static final String OWNER = "CoopOrgMSP/P-1";
  static final Caller FARMER =
      new Caller("farmer", "farmer", "CoopOrgMSP", "producer", "520122100201", "P-1");

  CodeRun issue(IssueRequest request) {
    return service.issue(request, FARMER);
  }

  static IssueRequest items(String runId, String batchId, Long start, long count) {
    return new IssueRequest(runId, batchId, null, CodeLevel.ITEM, start, count, null);
  }

  @Nested
  @DisplayName("issue")
  class Issue {

    @Test
    void records_one_run_with_range_key_and_digest_of_its_codes() {
      CodeRun run = issue(items("R1", "XF-2026-0001", null, 3));

      assertThat(run.product()).isEqualTo(RICE);
      assertThat(run.lot()).isEqualTo("XF-2026-0001");
      assertThat(run.range()).isEqualTo(new SerialRange(CodeLevel.ITEM, 1, 3));
      assertThat(run.keyId()).isEqualTo("1");
      assertThat(run.digest())
          .isEqualTo(
              sha256(
                  """
          /01/06901234567892/10/XF-2026-0001/21/U1
          /01/06901234567892/10/XF-2026-0001/21/U2
          /01/06901234567892/10/XF-2026-0001/21/U3
          """));
      assertThat(registry.find("R1")).contains(run);
    }

    @Test
    void the_next_run_continues_after_the_highest_serial_of_its_level() {
      issue(items("R1", "XF-2026-0001", null, 100));
      CodeRun second = issue(items("R2", "XF-2026-0001", null, 50));
      CodeRun cases =
          issue(new IssueRequest("R3", "XF-2026-0001", null, CodeLevel.CASE, null, 5, null));

      assertThat(second.range()).isEqualTo(new SerialRange(CodeLevel.ITEM, 101, 150));
      assertThat(cases.range()).isEqualTo(new SerialRange(CodeLevel.CASE, 1, 5));
      assertThat(cases.link(0).path()).isEqualTo("/01/06901234567892/10/XF-2026-0001/21/C1");
    }

    @Test
    void products_without_gtin_use_the_internal_path() {
      CodeRun run = issue(items("T1", "TEA-1", null, 1));
      assertThat(run.link(0).path()).isEqualTo("/xl/XL-TEA-01/10/TEA-1/21/U1");
    }

    @Test
    void a_retry_with_the_same_content_returns_the_recorded_run() {
      CodeRun first = issue(items("R1", "XF-2026-0001", null, 10));
      assertThat(issue(items("R1", "XF-2026-0001", null, 10))).isEqualTo(first);
      assertThat(registry.runsOf(RICE, "XF-2026-0001")).hasSize(1);
    }

    @Test
    void a_million_codes_are_one_run_whose_digest_covers_every_code() {
      CodeRun run = issue(items("BIG", "XF-2026-0001", null, 1_000_000));

      assertThat(run.count()).isEqualTo(1_000_000);
      assertThat(run.link(999_999).serial()).isEqualTo("U1000000");
      assertThat(run.digest())
          .isEqualTo(slowDigest("/01/06901234567892/10/XF-2026-0001/21/U", 1_000_000));
    }
  }

  @Nested
  @DisplayName("rejections")
  class Rejections {

    @Test
    void overlapping_ranges_of_the_same_product_lot_and_level() {
      issue(items("R1", "XF-2026-0001", 1L, 100));

      assertThat(errorOf(() -> issue(items("R2", "XF-2026-0001", 100L, 5))))
          .isEqualTo(QrError.RANGE_OVERLAP);
      assertThat(registry.find("R2")).isEmpty();
    }

    @Test
    void the_same_run_id_with_other_content() {
      issue(items("R1", "XF-2026-0001", 1L, 100));
      assertThat(errorOf(() -> issue(items("R1", "XF-2026-0001", 1L, 101))))
          .isEqualTo(QrError.ALREADY_EXISTS);
    }

    @Test
    void a_lot_already_bound_to_another_batch() {
      issue(items("R1", "XF-2026-0001", 1L, 10));
      var other =
          new IssueRequest("R2", "XF-2026-0002", "XF-2026-0001", CodeLevel.ITEM, 11L, 5, null);
      assertThat(errorOf(() -> issue(other))).isEqualTo(QrError.LOT_BOUND_TO_OTHER_BATCH);
    }

    @Test
    void an_unknown_batch() {
      assertThat(errorOf(() -> issue(items("R1", "NOPE", null, 1))))
          .isEqualTo(QrError.BATCH_NOT_FOUND);
    }

    @Test
    void a_batch_id_that_is_not_a_valid_lot_without_an_explicit_lot() {
      assertThat(errorOf(() -> issue(items("R1", "批次一", null, 1))))
          .isEqualTo(QrError.INVALID_ARGUMENT);
      var explicit = new IssueRequest("R1", "批次一", "PC1", CodeLevel.ITEM, null, 1, null);
      assertThat(issue(explicit).lot()).isEqualTo("PC1");
    }

    @Test
    void runs_beyond_ten_million_codes_and_empty_runs() {
      assertThat(errorOf(() -> issue(items("R1", "XF-2026-0001", null, 10_000_001))))
          .isEqualTo(QrError.RANGE_TOO_LARGE);
      assertThat(errorOf(() -> issue(items("R1", "XF-2026-0001", null, 0))))
          .isEqualTo(QrError.RANGE_TOO_LARGE);
      assertThat(errorOf(() -> issue(items("R1", "XF-2026-0001", 0L, 5))))
          .isEqualTo(QrError.INVALID_ARGUMENT);
    }
  }

  @Nested
  @DisplayName("aggregation")
  class Packing {

    CodeRun items;
    CodeRun cases;

    @BeforeEach
    void pack() {
      items = issue(items("I", "XF-2026-0001", 1L, 25));
      cases =
          issue(
              new IssueRequest(
                  "C", "XF-2026-0001", null, CodeLevel.CASE, null, 3, new Containment("I", 10)));
    }

    @Test
    void a_case_holds_consecutive_items_and_the_last_case_the_rest() {
      assertThat(Aggregation.contentsOf(cases, items, new Serial(CodeLevel.CASE, 1)))
          .isEqualTo(new SerialRange(CodeLevel.ITEM, 1, 10));
      assertThat(Aggregation.contentsOf(cases, items, new Serial(CodeLevel.CASE, 3)))
          .isEqualTo(new SerialRange(CodeLevel.ITEM, 21, 25));
    }

    @Test
    void an_item_knows_its_case() {
      assertThat(Aggregation.parentOf(cases, items, new Serial(CodeLevel.ITEM, 10)))
          .isEqualTo(new Serial(CodeLevel.CASE, 1));
      assertThat(Aggregation.parentOf(cases, items, new Serial(CodeLevel.ITEM, 11)))
          .isEqualTo(new Serial(CodeLevel.CASE, 2));
      assertThat(Aggregation.packerOf(items, registry.runsOf(RICE, "XF-2026-0001")))
          .contains(cases);
    }

    @Test
    void a_run_is_packed_once_and_by_the_right_number_of_cases() {
      var again =
          new IssueRequest(
              "C2", "XF-2026-0001", null, CodeLevel.CASE, null, 3, new Containment("I", 10));
      var tooFew =
          new IssueRequest(
              "C3", "XF-2026-0001", null, CodeLevel.CASE, null, 2, new Containment("I", 10));
      var wrongLevel =
          new IssueRequest(
              "P1", "XF-2026-0001", null, CodeLevel.PALLET, null, 1, new Containment("I", 25));
      var missing =
          new IssueRequest(
              "C4", "XF-2026-0001", null, CodeLevel.CASE, null, 1, new Containment("X", 25));

      assertThat(errorOf(() -> issue(again))).isEqualTo(QrError.AGGREGATION_INVALID);
      assertThat(errorOf(() -> issue(tooFew))).isEqualTo(QrError.AGGREGATION_INVALID);
      assertThat(errorOf(() -> issue(wrongLevel))).isEqualTo(QrError.AGGREGATION_INVALID);
      assertThat(errorOf(() -> issue(missing))).isEqualTo(QrError.AGGREGATION_INVALID);
    }
  }

  /** The digest written out the obvious way, line by line. */
  static String slowDigest(String prefix, int count) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      for (int n = 1; n <= count; n++) {
        sha256.update((prefix + n + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha256.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Nested
  @DisplayName("who may issue and print")
  class WhoMayIssue {

    static Caller caller(String msp, String role, String region, String party) {
      return new Caller(role + "-" + party, role + "-" + party, msp, role, region, party);
    }

    @Test
    @DisplayName("a labeler whose region scope covers the batch's origin issues; its labels too")
    void a_labeler_in_scope_issues_and_prints() {
      Caller county = caller("CountyOrgMSP", "labeler", "520122000000", "QR");
      Caller township = caller("CountyOrgMSP", "labeler", "520122100000", "QR-T");

      CodeRun run = service.issue(items("R1", "XF-2026-0001", null, 3), county);
      service.issue(items("R2", "XF-2026-0001", null, 3), township);

      assertThat(service.authorisedRun("R1", township)).isEqualTo(run);
      assertThat(service.authorisedRun("R1", FARMER)).isEqualTo(run);
    }

    @Test
    @DisplayName("another producer, a labeler of another region or another role: ACCESS_DENIED")
    void others_are_denied_and_nothing_is_recorded() {
      Caller otherFarmer = caller("CoopOrgMSP", "producer", VILLAGE, "P-2");
      Caller sameIdOtherOrg = caller("OtherOrgMSP", "producer", VILLAGE, "P-1");
      Caller otherCounty = caller("CountyOrgMSP", "labeler", "520123000000", "QR-X");
      Caller otherTownship = caller("CountyOrgMSP", "labeler", "520122101000", "QR-Y");
      Caller regulator = caller("CountyOrgMSP", "regulator", "520122000000", "AGRI");

      for (Caller denied :
          new Caller[] {otherFarmer, sameIdOtherOrg, otherCounty, otherTownship, regulator}) {
        assertThat(errorOf(() -> service.issue(items("R1", "XF-2026-0001", null, 3), denied)))
            .as(denied.username())
            .isEqualTo(QrError.ACCESS_DENIED);
      }
      assertThat(registry.find("R1")).isEmpty();

      issue(items("R1", "XF-2026-0001", null, 3));
      for (Caller denied : new Caller[] {otherFarmer, otherCounty, regulator}) {
        assertThat(errorOf(() -> service.authorisedRun("R1", denied)))
            .as(denied.username())
            .isEqualTo(QrError.ACCESS_DENIED);
      }
    }

    @Test
    @DisplayName("an unknown batch is BATCH_NOT_FOUND, an unknown run RUN_NOT_FOUND")
    void unknown_batch_and_run() {
      assertThat(errorOf(() -> service.issue(items("R1", "NOPE", null, 3), FARMER)))
          .isEqualTo(QrError.BATCH_NOT_FOUND);
      assertThat(errorOf(() -> service.authorisedRun("R9", FARMER)))
          .isEqualTo(QrError.RUN_NOT_FOUND);
    }
  }
}
