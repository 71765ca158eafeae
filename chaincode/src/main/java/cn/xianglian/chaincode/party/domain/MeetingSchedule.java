package cn.xianglian.chaincode.party.domain;

import static cn.xianglian.chaincode.domain.ErrorCode.PARTY_RULES_NOT_FOUND;

import cn.xianglian.chaincode.domain.Require;
import cn.xianglian.chaincode.domain.XlException;
import cn.xianglian.chaincode.party.domain.PartyRules.Frequency;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Overdue detection: for every period (month, quarter or year) that has ended by the reference day,
 * from the one in which the organisation was established, every meeting type the rules in force at
 * the period's start require and that has no meeting in the period.
 */
public final class MeetingSchedule {

  /** The longest look-back: ten years of months. */
  public static final int MAX_MONTHS = 120;

  private MeetingSchedule() {}

  /** A required meeting that was not held in a period that has ended. */
  public record Overdue(
      Meeting.Type type, Frequency frequency, String period, LocalDate periodEnd) {}

  /** The overdue meetings of {@code org} by {@code asOf}, oldest first. */
  public static List<Overdue> overdue(
      Organisation org,
      List<Meeting> meetings,
      List<PartyRules> ruleVersions,
      LocalDate from,
      LocalDate asOf) {
    XlException.check(
        !ruleVersions.isEmpty(), PARTY_RULES_NOT_FOUND, "no party rules for " + org.region());
    LocalDate start =
        from == null || from.isBefore(org.establishedOn()) ? org.establishedOn() : from;
    YearMonth first = YearMonth.from(start);
    YearMonth last = YearMonth.from(asOf);
    Require.argument(
        !first.plusMonths(MAX_MONTHS).isBefore(last), "at most " + MAX_MONTHS + " months back");
    List<Overdue> overdue = new ArrayList<>();
    for (Meeting.Type type : Meeting.Type.values()) {
      YearMonth month = first;
      while (!month.isAfter(last)) {
        Optional<PartyRules> rules = rulesAt(ruleVersions, month.atDay(1));
        Optional<Frequency> frequency =
            rules.flatMap(r -> r.meeting(type)).map(PartyRules.MeetingRule::frequency);
        if (frequency.isEmpty()) {
          month = month.plusMonths(1);
          continue;
        }
        YearMonth periodStart = periodStart(month, frequency.get());
        YearMonth periodEnd = periodStart.plusMonths(months(frequency.get()) - 1);
        LocalDate endDay = periodEnd.atEndOfMonth();
        if (!endDay.isBefore(asOf)) {
          break;
        }
        LocalDate begin = periodStart.atDay(1);
        boolean held =
            meetings.stream()
                .anyMatch(
                    m ->
                        m.type() == type && !m.date().isBefore(begin) && !m.date().isAfter(endDay));
        if (!held) {
          overdue.add(
              new Overdue(type, frequency.get(), label(periodStart, frequency.get()), endDay));
        }
        month = periodEnd.plusMonths(1);
      }
    }
    overdue.sort(Comparator.comparing(Overdue::periodEnd).thenComparing(Overdue::type));
    return overdue;
  }

  /** The version in force on {@code day}: the highest version effective by then. */
  public static Optional<PartyRules> rulesAt(List<PartyRules> versions, LocalDate day) {
    return versions.stream()
        .filter(r -> !r.effectiveFrom().isAfter(day))
        .max(Comparator.comparingInt(PartyRules::version));
  }

  static int months(Frequency frequency) {
    return switch (frequency) {
      case MONTHLY -> 1;
      case QUARTERLY -> 3;
      case YEARLY -> 12;
    };
  }

  static YearMonth periodStart(YearMonth month, Frequency frequency) {
    return switch (frequency) {
      case MONTHLY -> month;
      case QUARTERLY -> YearMonth.of(month.getYear(), (month.getMonthValue() - 1) / 3 * 3 + 1);
      case YEARLY -> YearMonth.of(month.getYear(), 1);
    };
  }

  /** {@code 2025-03}, {@code 2025-Q1} or {@code 2025}. */
  static String label(YearMonth start, Frequency frequency) {
    return switch (frequency) {
      case MONTHLY -> start.toString();
      case QUARTERLY -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
      case YEARLY -> Integer.toString(start.getYear());
    };
  }
}
