package cn.xianglian.chaincode.party.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.xianglian.chaincode.domain.ErrorCode;
import cn.xianglian.chaincode.domain.RegionCode;
import cn.xianglian.chaincode.domain.XlException;
import cn.xianglian.chaincode.party.domain.PartyRules.DuesBracket;
import cn.xianglian.chaincode.party.domain.PartyRules.FlatDues;
import cn.xianglian.chaincode.party.domain.PartyRules.Frequency;
import cn.xianglian.chaincode.party.domain.PartyRules.MeetingRule;
import cn.xianglian.chaincode.party.domain.PartyRules.PointRule;
import cn.xianglian.chaincode.party.domain.PartyRules.StageRule;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The pure rules of party affairs: pipeline intervals, overdue meetings, dues and points. */
class PartyDomainTest {

  static final RegionCode COUNTY = RegionCode.of("520122000000");
  static final RegionCode VILLAGE = RegionCode.of("520122100201");
  static final OffsetDateTime T = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8));

  static PartyRules rules(int version, String from, List<MeetingRule> meetings) {
    return new PartyRules(
        COUNTY,
        version,
        LocalDate.parse(from),
        meetings,
        List.of(
            new DuesBracket(300_000L, 50),
            new DuesBracket(500_000L, 100),
            new DuesBracket(1_000_000L, 150),
            new DuesBracket(null, 200)),
        List.of(new FlatDues(Dues.Category.FARMER, 20, 100)),
        List.of(new StageRule(Stage.CANDIDATE, 12), new StageRule(Stage.FULL, 12)),
        List.of(
            new PointRule("MEETING_PRESENT", "参加", 2),
            new PointRule("MEETING_ABSENT", "请假", -1),
            new PointRule("DUES_ON_TIME", "按时", 1),
            new PointRule("EVALUATION_EXCELLENT", "优秀", 10)),
        "c",
        "tx",
        T);
  }

  static final PartyRules RULES =
      rules(
          1,
          "2020-01-01",
          List.of(
              new MeetingRule(Meeting.Type.BRANCH_ASSEMBLY, Frequency.QUARTERLY),
              new MeetingRule(Meeting.Type.THEME_DAY, Frequency.MONTHLY)));

  static Member member(Stage stage, String date) {
    return new Member(
        "M1",
        "BR",
        VILLAGE,
        "f".repeat(64),
        stage,
        List.of(new Member.StageEntry(stage, LocalDate.parse(date), null, null, "o", "tx")),
        "o",
        "tx",
        T);
  }

  static Organisation branch(String established) {
    return new Organisation(
        "BR",
        Organisation.Kind.BRANCH,
        "支部",
        VILLAGE,
        "TC",
        LocalDate.parse(established),
        "o",
        "tx",
        T);
  }

  static Meeting meeting(Meeting.Type type, String date, Meeting.Attendance... attendance) {
    return new Meeting(
        "MT-" + date,
        "BR",
        type,
        LocalDate.parse(date),
        "t",
        "a".repeat(64),
        List.of(attendance),
        0,
        0,
        "o",
        "tx",
        T);
  }

  static ErrorCode codeOf(Runnable call) {
    XlException e = catchThrowableOfType(XlException.class, call::run);
    assertThat(e).as("must be rejected").isNotNull();
    return e.code();
  }

  @Nested
  @DisplayName("the 发展党员 pipeline")
  class PipelineRules {

    @Test
    @DisplayName("a 积极分子 becomes 发展对象 twelve months later, not a day earlier")
    void candidateAfterAYear() {
      Member activist = member(Stage.ACTIVIST, "2024-02-29");
      assertThat(Pipeline.earliest(activist.stageDate(), Stage.CANDIDATE, RULES))
          .isEqualTo(LocalDate.parse("2025-02-28"));
      assertThat(
              codeOf(
                  () ->
                      Pipeline.requireNext(
                          activist, Stage.CANDIDATE, LocalDate.parse("2025-02-27"), RULES)))
          .isEqualTo(ErrorCode.INTERVAL_NOT_MET);
      Pipeline.requireNext(activist, Stage.CANDIDATE, LocalDate.parse("2025-02-28"), RULES);
    }

    @Test
    @DisplayName("a 预备党员 is 转正 after one year of probation")
    void probation() {
      Member probationary = member(Stage.PROBATIONARY, "2024-07-01");
      assertThat(
              codeOf(
                  () ->
                      Pipeline.requireNext(
                          probationary, Stage.FULL, LocalDate.parse("2025-06-30"), RULES)))
          .isEqualTo(ErrorCode.INTERVAL_NOT_MET);
      Pipeline.requireNext(probationary, Stage.FULL, LocalDate.parse("2025-07-01"), RULES);
    }

    @Test
    @DisplayName("skipping a stage, going back or past 正式党员 is refused")
    void order() {
      Member applicant = member(Stage.APPLICANT, "2024-01-01");
      LocalDate later = LocalDate.parse("2026-01-01");
      assertThat(codeOf(() -> Pipeline.requireNext(applicant, Stage.CANDIDATE, later, RULES)))
          .isEqualTo(ErrorCode.STAGE_SKIPPED);
      assertThat(codeOf(() -> Pipeline.requireNext(applicant, Stage.FULL, later, RULES)))
          .isEqualTo(ErrorCode.STAGE_SKIPPED);
      assertThat(codeOf(() -> Pipeline.requireNext(applicant, Stage.APPLICANT, later, RULES)))
          .isEqualTo(ErrorCode.INVALID_STATE);
      Member full = member(Stage.FULL, "2020-01-01");
      assertThat(codeOf(() -> Pipeline.requireNext(full, Stage.FULL, later, RULES)))
          .isEqualTo(ErrorCode.INVALID_STATE);
      Pipeline.requireNext(applicant, Stage.ACTIVIST, LocalDate.parse("2024-01-01"), RULES);
    }
  }

  @Nested
  @DisplayName("overdue meetings")
  class Overdue {

    @Test
    @DisplayName("each ended period without a required meeting is overdue; the current one is not")
    void periods() {
      List<Meeting> held =
          List.of(
              meeting(Meeting.Type.THEME_DAY, "2025-01-31"),
              meeting(Meeting.Type.THEME_DAY, "2025-03-01"),
              meeting(Meeting.Type.BRANCH_ASSEMBLY, "2025-06-30"));
      List<String> overdue = new ArrayList<>();
      MeetingSchedule.overdue(
              branch("2025-01-10"), held, List.of(RULES), null, LocalDate.parse("2025-07-15"))
          .forEach(o -> overdue.add(o.type() + " " + o.period()));
      assertThat(overdue)
          .containsExactly(
              "THEME_DAY 2025-02",
              "BRANCH_ASSEMBLY 2025-Q1",
              "THEME_DAY 2025-04",
              "THEME_DAY 2025-05",
              "THEME_DAY 2025-06");
    }

    @Test
    @DisplayName("a new rules version changes the frequency from its first period on")
    void versions() {
      PartyRules quarterly =
          rules(
              2,
              "2025-04-01",
              List.of(new MeetingRule(Meeting.Type.THEME_DAY, Frequency.QUARTERLY)));
      List<String> overdue = new ArrayList<>();
      MeetingSchedule.overdue(
              branch("2025-01-01"),
              List.of(meeting(Meeting.Type.THEME_DAY, "2025-05-20")),
              List.of(RULES, quarterly),
              LocalDate.parse("2025-01-01"),
              LocalDate.parse("2025-10-01"))
          .forEach(o -> overdue.add(o.type() + " " + o.period()));
      assertThat(overdue)
          .containsExactly(
              "THEME_DAY 2025-01",
              "THEME_DAY 2025-02",
              "BRANCH_ASSEMBLY 2025-Q1",
              "THEME_DAY 2025-03",
              "THEME_DAY 2025-Q3");
    }

    @Test
    @DisplayName("without any rules the county has none to check: PARTY_RULES_NOT_FOUND")
    void noRules() {
      assertThat(
              codeOf(
                  () ->
                      MeetingSchedule.overdue(
                          branch("2025-01-01"),
                          List.of(),
                          List.of(),
                          null,
                          LocalDate.parse("2025-06-01"))))
          .isEqualTo(ErrorCode.PARTY_RULES_NOT_FOUND);
    }
  }

  @Nested
  @DisplayName("dues and arrears")
  class DuesRules {

    @Test
    @DisplayName("salaried dues follow the bracket of the base; farmers pay within the range")
    void amounts() {
      assertThat(DuesLedger.salaried(RULES, 300_000)).isEqualTo(1_500);
      assertThat(DuesLedger.salaried(RULES, 300_001)).isEqualTo(3_000);
      assertThat(DuesLedger.salaried(RULES, 1_234_567)).isEqualTo(24_691);
      DuesLedger.requireAmount(RULES, Dues.Category.FARMER, null, 100);
      assertThat(codeOf(() -> DuesLedger.requireAmount(RULES, Dues.Category.FARMER, null, 101)))
          .isEqualTo(ErrorCode.AMOUNT_INVALID);
      assertThat(codeOf(() -> DuesLedger.requireAmount(RULES, Dues.Category.STUDENT, null, 20)))
          .isEqualTo(ErrorCode.AMOUNT_INVALID);
      assertThat(codeOf(() -> DuesLedger.requireAmount(RULES, Dues.Category.SALARIED, 300_000L, 1)))
          .isEqualTo(ErrorCode.AMOUNT_INVALID);
    }

    @Test
    @DisplayName("arrears are the unpaid months since joining; six trailing months is lapsed")
    void arrears() {
      Member joined = member(Stage.FULL, "2025-01-20");
      List<Dues> paid = List.of(dues("2025-01"), dues("2025-03"));
      DuesLedger.Arrears arrears = DuesLedger.arrears(joined, paid, null, YearMonth.of(2025, 9));
      assertThat(arrears.unpaidMonths())
          .containsExactly(
              "2025-02", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09");
      assertThat(arrears.trailing()).isEqualTo(6);
      assertThat(arrears.lapsed()).isTrue();
      assertThat(
              DuesLedger.arrears(joined, paid, YearMonth.of(2025, 5), YearMonth.of(2025, 9))
                  .unpaidMonths())
          .hasSize(5);
      assertThat(DuesLedger.arrears(joined, paid, null, YearMonth.of(2025, 8)).lapsed()).isFalse();
      assertThat(
              DuesLedger.arrears(
                      member(Stage.ACTIVIST, "2025-01-01"), paid, null, YearMonth.of(2025, 9))
                  .unpaidMonths())
          .isEmpty();
    }

    static Dues dues(String month) {
      return new Dues(
          "M1",
          "BR",
          month,
          Dues.Category.FARMER,
          null,
          50,
          LocalDate.parse(month + "-10"),
          true,
          1,
          "o",
          "tx",
          T);
    }
  }

  @Nested
  @DisplayName("points")
  class PointsRules {

    @Test
    @DisplayName("meetings, dues, the grade and awards add up by the rules in force")
    void tally() {
      Meeting.Attendance here = new Meeting.Attendance("M1", true, null);
      Meeting.Attendance away = new Meeting.Attendance("M1", false, "病假");
      List<Meeting> meetings =
          List.of(
              meeting(Meeting.Type.THEME_DAY, "2025-01-10", here),
              meeting(Meeting.Type.THEME_DAY, "2025-02-10", away),
              meeting(Meeting.Type.THEME_DAY, "2024-12-10", here),
              meeting(
                  Meeting.Type.THEME_DAY, "2025-03-10", new Meeting.Attendance("M2", true, null)));
      List<Dues> dues = List.of(DuesRules.dues("2025-01"), DuesRules.dues("2024-12"));
      Evaluation grade =
          new Evaluation(
              "M1",
              "BR",
              2025,
              Evaluation.Grade.EXCELLENT,
              LocalDate.parse("2026-01-05"),
              null,
              "o",
              "tx",
              T);
      Award award =
          new Award(
              "A1",
              "M1",
              "BR",
              "VOLUNTEER",
              3,
              LocalDate.parse("2025-05-01"),
              null,
              1,
              "o",
              "tx",
              T);
      Points.Tally tally =
          Points.tally(
              "M1", 2025, List.of(RULES), meetings, dues, Optional.of(grade), List.of(award));
      assertThat(tally.total()).isEqualTo(2 - 1 + 1 + 10 + 3);
      assertThat(tally.lines()).hasSize(5);
      assertThat(
              Points.tally("M1", 2025, List.of(), meetings, dues, Optional.empty(), List.of())
                  .total())
          .isZero();
    }
  }
}
