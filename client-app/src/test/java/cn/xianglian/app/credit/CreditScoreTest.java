package cn.xianglian.app.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A producer's credit score")
class CreditScoreTest {

  private static final OffsetDateTime T = OffsetDateTime.parse("2026-10-01T08:00:00+08:00");

  private static CreditScore.Facts facts(
      List<CreditScore.Inspection> inspections,
      List<CreditScore.Recall> recalls,
      List<String> warnings,
      List<CreditScore.Recorded> records) {
    return new CreditScore.Facts(inspections, recalls, warnings, records);
  }

  @Test
  @DisplayName("starts at 100, grade A, with no lines when nothing is known")
  void nothingKnown() {
    var result = CreditScore.of(facts(List.of(), List.of(), List.of(), List.of()));
    assertThat(result.score()).isEqualTo(100);
    assertThat(result.grade()).isEqualTo("A");
    assertThat(result.lines()).isEmpty();
  }

  @Test
  @DisplayName("passed inspections add 2 each up to 10; a failed one takes 15")
  void inspections() {
    var inspections = new ArrayList<CreditScore.Inspection>();
    for (int i = 0; i < 7; i++) {
      inspections.add(new CreditScore.Inspection("E" + i, true));
    }
    inspections.add(new CreditScore.Inspection("F", false));
    var result = CreditScore.of(facts(inspections, List.of(), List.of(), List.of()));
    assertThat(result.score()).isEqualTo(100 + 10 - 15);
    assertThat(result.lines()).filteredOn(l -> l.rule().equals("INSPECTION_PASSED")).hasSize(5);
    assertThat(result.lines())
        .contains(new CreditScore.Line("INSPECTION_FAILED", "event", "F", -15));
    assertThat(result.grade()).isEqualTo("B");
  }

  @Test
  @DisplayName("a recall takes 20; handling it within 7 days gives 10 back, later nothing")
  void recalls() {
    var onTime = new CreditScore.Recall("R1", T, T.plusDays(7));
    var late = new CreditScore.Recall("R2", T, T.plusDays(8));
    var open = new CreditScore.Recall("R3", T, null);
    var result =
        CreditScore.of(facts(List.of(), List.of(onTime, late, open), List.of(), List.of()));
    assertThat(result.score()).isEqualTo(100 - 60 + 10);
    assertThat(result.lines())
        .containsExactly(
            new CreditScore.Line("RECALLED", "recall", "R1", -20),
            new CreditScore.Line("RECALL_HANDLED_ON_TIME", "recall", "R1", 10),
            new CreditScore.Line("RECALLED", "recall", "R2", -20),
            new CreditScore.Line("RECALLED", "recall", "R3", -20));
    assertThat(result.grade()).isEqualTo("D");
  }

  @Test
  @DisplayName("a warning takes 10")
  void warnings() {
    var result = CreditScore.of(facts(List.of(), List.of(), List.of("W1"), List.of()));
    assertThat(result.score()).isEqualTo(90);
    assertThat(result.lines())
        .containsExactly(new CreditScore.Line("WARNING", "warning", "W1", -10));
  }

  @Test
  @DisplayName("late records take 1 each up to 10; 90 % on time over 5+ records gives 5")
  void records() {
    var records = new ArrayList<CreditScore.Recorded>();
    for (int i = 0; i < 9; i++) {
      records.add(new CreditScore.Recorded("E" + i, T, T.plusDays(1)));
    }
    records.add(new CreditScore.Recorded("LATE", T, T.plusDays(8)));
    var result = CreditScore.of(facts(List.of(), List.of(), List.of(), records));
    assertThat(result.lines())
        .containsExactly(
            new CreditScore.Line("LATE_RECORD", "event", "LATE", -1),
            new CreditScore.Line("RECORDS_ON_TIME", null, "9/10", 5));
    assertThat(result.score()).isEqualTo(104);

    var allLate = new ArrayList<CreditScore.Recorded>();
    for (int i = 0; i < 15; i++) {
      allLate.add(new CreditScore.Recorded("L" + i, T, T.plusDays(30)));
    }
    assertThat(CreditScore.of(facts(List.of(), List.of(), List.of(), allLate)).score())
        .isEqualTo(90);
  }

  @Test
  @DisplayName("never goes below 0 or above 120")
  void clamped() {
    var recalls = new ArrayList<CreditScore.Recall>();
    for (int i = 0; i < 10; i++) {
      recalls.add(new CreditScore.Recall("R" + i, T, null));
    }
    assertThat(CreditScore.of(facts(List.of(), recalls, List.of(), List.of())).score()).isZero();
  }
}
