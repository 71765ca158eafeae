package cn.xianglian.chaincode.party.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import cn.xianglian.chaincode.domain.Require;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A version of a county's party rules, in force from {@code effectiveFrom}: how often each meeting
 * type must be held, the dues brackets and fixed amounts, the least months between pipeline stages
 * and the points of each kind of activity. Counties correct them by defining the next version.
 */
public record PartyRules(
    RegionCode county,
    int version,
    LocalDate effectiveFrom,
    List<MeetingRule> meetings,
    List<DuesBracket> duesBrackets,
    List<FlatDues> flatDues,
    List<StageRule> stages,
    List<PointRule> points,
    String definedBy,
    String txId,
    OffsetDateTime definedAt) {

  /** Point codes the points query computes itself; every other code is an award rule. */
  public static final Set<String> BUILT_IN_POINTS =
      Set.of(
          "MEETING_PRESENT",
          "MEETING_ABSENT",
          "DUES_ON_TIME",
          "DUES_LATE",
          "EVALUATION_EXCELLENT",
          "EVALUATION_QUALIFIED",
          "EVALUATION_BASICALLY_QUALIFIED",
          "EVALUATION_UNQUALIFIED");

  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

  public PartyRules {
    meetings = List.copyOf(meetings);
    duesBrackets = List.copyOf(duesBrackets);
    flatDues = List.copyOf(flatDues);
    stages = List.copyOf(stages);
    points = List.copyOf(points);
  }

  /** How often a meeting type is required. */
  public enum Frequency {
    MONTHLY,
    QUARTERLY,
    YEARLY
  }

  /** A meeting type and how often it must be held. */
  public record MeetingRule(Meeting.Type type, Frequency frequency) {
    public MeetingRule {
      Require.present("meetings.type", type);
      Require.present("meetings.frequency", frequency);
    }
  }

  /**
   * Salaried dues: up to {@code upToFen} of monthly income (inclusive; null for the top bracket)
   * the rate is {@code basisPoints} / 10 000 (50 = 0.5 %).
   */
  public record DuesBracket(Long upToFen, int basisPoints) {
    public DuesBracket {
      Require.argument(upToFen == null || upToFen > 0, "duesBrackets.upToFen must be > 0");
      Require.argument(
          basisPoints > 0 && basisPoints <= 10_000, "duesBrackets.basisPoints must be 1..10000");
    }
  }

  /** A fixed monthly amount range for a category without a salary base (e.g. 农民党员 0.2–1 元). */
  public record FlatDues(Dues.Category category, long minFen, long maxFen) {
    public FlatDues {
      Require.present("flatDues.category", category);
      Require.argument(category != Dues.Category.SALARIED, "flatDues cannot be SALARIED");
      Require.argument(minFen >= 0 && minFen <= maxFen, "flatDues needs 0 <= minFen <= maxFen");
      Require.argument(maxFen <= 1_000_000, "flatDues.maxFen is too large");
    }
  }

  /** The least whole months between reaching the previous stage and reaching {@code stage}. */
  public record StageRule(Stage stage, int minMonths) {
    public StageRule {
      Require.present("stages.stage", stage);
      Require.argument(stage != Stage.APPLICANT, "stages: APPLICANT has no previous stage");
      Require.argument(minMonths >= 0 && minMonths <= 120, "stages.minMonths must be 0..120");
    }
  }

  /** The points of one kind of activity (a built-in code) or of an award rule. */
  public record PointRule(String code, String name, int points) {
    public PointRule {
      Require.present("points.code", code);
      Require.argument(CODE.matcher(code).matches(), "points.code must match " + CODE.pattern());
      Require.text("points.name", name, 40);
      Require.argument(points >= -100 && points <= 100, "points.points must be -100..100");
    }
  }

  /** Checks a rule set's lists as a whole (distinct keys, ordered brackets). */
  public static void validate(
      List<MeetingRule> meetings,
      List<DuesBracket> duesBrackets,
      List<FlatDues> flatDues,
      List<StageRule> stages,
      List<PointRule> points) {
    Require.distinct("meetings", meetings.stream().map(MeetingRule::type).toList(), 1, 10);
    Require.argument(!duesBrackets.isEmpty(), "duesBrackets needs at least one bracket");
    Require.argument(duesBrackets.size() <= 10, "duesBrackets has more than 10 brackets");
    for (int i = 0; i < duesBrackets.size(); i++) {
      Long upTo = duesBrackets.get(i).upToFen();
      boolean last = i == duesBrackets.size() - 1;
      Require.argument(last == (upTo == null), "only the last dues bracket has no upToFen");
      Require.argument(
          i == 0 || last || upTo > duesBrackets.get(i - 1).upToFen(), "duesBrackets must rise");
    }
    Require.distinct("flatDues", flatDues.stream().map(FlatDues::category).toList(), 0, 3);
    Require.distinct("stages", stages.stream().map(StageRule::stage).toList(), 0, 4);
    Set<String> codes = new HashSet<>();
    for (PointRule rule : points) {
      Require.argument(codes.add(rule.code()), "points has duplicate code " + rule.code());
    }
    Require.argument(points.size() <= 50, "points has more than 50 rules");
  }

  /** The meeting rule of {@code type}, if the type is required. */
  public Optional<MeetingRule> meeting(Meeting.Type type) {
    return meetings.stream().filter(rule -> rule.type() == type).findFirst();
  }

  /** The least months before {@code stage} (0 when not configured). */
  public int minMonthsBefore(Stage stage) {
    return stages.stream()
        .filter(rule -> rule.stage() == stage)
        .mapToInt(StageRule::minMonths)
        .findFirst()
        .orElse(0);
  }

  /** The points of {@code code} (0 when not configured). */
  public int pointsOf(String code) {
    return pointRule(code).map(PointRule::points).orElse(0);
  }

  public Optional<PointRule> pointRule(String code) {
    return points.stream().filter(rule -> rule.code().equals(code)).findFirst();
  }

  /** The flat range of {@code category}, if configured. */
  public Optional<FlatDues> flat(Dues.Category category) {
    return flatDues.stream().filter(rule -> rule.category() == category).findFirst();
  }
}
