package cn.xianglian.chaincode.party.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A member's 积分 for a year, computed from what the ledger holds: meetings present or absent, dues
 * paid on time or late, the 民主评议 grade and awards. Each item counts with the points of the rules in
 * force on its date (the award keeps the points it was given).
 */
public final class Points {

  private Points() {}

  /** Points of one code: how many items and their sum. */
  public record Line(String code, int count, int points) {}

  /** The year's points of a member, line by line. */
  public record Tally(String memberId, int year, int total, List<Line> lines) {}

  public static Tally tally(
      String memberId,
      int year,
      List<PartyRules> ruleVersions,
      List<Meeting> meetings,
      List<Dues> dues,
      Optional<Evaluation> evaluation,
      List<Award> awards) {
    Map<String, int[]> lines = new LinkedHashMap<>();
    for (Meeting meeting : meetings) {
      if (meeting.date().getYear() != year) {
        continue;
      }
      meeting
          .of(memberId)
          .ifPresent(
              a ->
                  add(
                      lines,
                      ruleVersions,
                      a.present() ? "MEETING_PRESENT" : "MEETING_ABSENT",
                      meeting.date()));
    }
    for (Dues paid : dues) {
      if (paid.month().startsWith(year + "-")) {
        add(
            lines,
            ruleVersions,
            paid.onTime() ? "DUES_ON_TIME" : "DUES_LATE",
            LocalDate.parse(paid.month() + "-01"));
      }
    }
    evaluation
        .filter(e -> e.year() == year)
        .ifPresent(
            e -> add(lines, ruleVersions, "EVALUATION_" + e.grade().name(), e.evaluatedOn()));
    for (Award award : awards) {
      if (award.date().getYear() == year) {
        int[] line = lines.computeIfAbsent(award.code(), code -> new int[2]);
        line[0]++;
        line[1] = Math.addExact(line[1], award.points());
      }
    }
    List<Line> out = new ArrayList<>();
    int total = 0;
    for (Map.Entry<String, int[]> entry : lines.entrySet()) {
      out.add(new Line(entry.getKey(), entry.getValue()[0], entry.getValue()[1]));
      total = Math.addExact(total, entry.getValue()[1]);
    }
    return new Tally(memberId, year, total, out);
  }

  private static void add(
      Map<String, int[]> lines, List<PartyRules> versions, String code, LocalDate date) {
    int points = MeetingSchedule.rulesAt(versions, date).map(r -> r.pointsOf(code)).orElse(0);
    int[] line = lines.computeIfAbsent(code, c -> new int[2]);
    line[0]++;
    line[1] = Math.addExact(line[1], points);
  }
}
