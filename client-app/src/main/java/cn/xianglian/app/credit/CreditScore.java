package cn.xianglian.app.credit;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A producer's credit score (信用) from the facts the ledger holds about it, every point explained.
 * The rules (docs/credit.md) in the order they are applied, starting from {@value #BASE}:
 *
 * <ol>
 *   <li>{@code INSPECTION_PASSED}: +2 per passed inspection of the producer's batches, at most +10;
 *   <li>{@code INSPECTION_FAILED}: −15 per failed inspection;
 *   <li>{@code RECALLED}: −20 per recall of one of its batches;
 *   <li>{@code RECALL_HANDLED_ON_TIME}: +10 per recall handled within 7 days of the recall;
 *   <li>{@code WARNING}: −10 per risk warning on one of its batches (complaints and warnings);
 *   <li>{@code LATE_RECORD}: −1 per event recorded more than 7 days after it happened, at most −10;
 *   <li>{@code RECORDS_ON_TIME}: +5 when at least 5 events were recorded and 90 % of them on time.
 * </ol>
 *
 * The score is kept between 0 and 120; grade A from 100, B from 85, C from 70, else D.
 */
public final class CreditScore {

  public static final int BASE = 100;
  static final Duration ON_TIME = Duration.ofDays(7);

  /** One point line: which rule, on which record, how many points. */
  public record Line(String rule, String recordType, String recordId, int points) {}

  /** What the projection knows about one producer. */
  public record Facts(
      List<Inspection> inspections,
      List<Recall> recalls,
      List<String> warningIds,
      List<Recorded> records) {}

  public record Inspection(String eventId, boolean passed) {}

  /** A recall of one of the producer's batches and when it was handled, if it was. */
  public record Recall(String recallId, OffsetDateTime issuedAt, OffsetDateTime handledAt) {}

  /** An event: when it happened and when the ledger recorded it. */
  public record Recorded(String eventId, OffsetDateTime happenedAt, OffsetDateTime recordedAt) {}

  /** The score, its grade and every line that made it. */
  public record Result(int score, String grade, List<Line> lines) {}

  private CreditScore() {}

  public static Result of(Facts facts) {
    var lines = new ArrayList<Line>();
    int passedPoints = 0;
    for (Inspection inspection : facts.inspections()) {
      if (inspection.passed()) {
        if (passedPoints < 10) {
          lines.add(new Line("INSPECTION_PASSED", "event", inspection.eventId(), 2));
          passedPoints += 2;
        }
      } else {
        lines.add(new Line("INSPECTION_FAILED", "event", inspection.eventId(), -15));
      }
    }
    for (Recall recall : facts.recalls()) {
      lines.add(new Line("RECALLED", "recall", recall.recallId(), -20));
      if (recall.handledAt() != null
          && !recall.handledAt().isAfter(recall.issuedAt().plus(ON_TIME))) {
        lines.add(new Line("RECALL_HANDLED_ON_TIME", "recall", recall.recallId(), 10));
      }
    }
    for (String warningId : facts.warningIds()) {
      lines.add(new Line("WARNING", "warning", warningId, -10));
    }
    int late = 0;
    for (Recorded recorded : facts.records()) {
      boolean onTime = !recorded.recordedAt().isAfter(recorded.happenedAt().plus(ON_TIME));
      if (!onTime) {
        late++;
        if (late <= 10) {
          lines.add(new Line("LATE_RECORD", "event", recorded.eventId(), -1));
        }
      }
    }
    int total = facts.records().size();
    if (total >= 5 && (total - late) * 10 >= total * 9) {
      lines.add(new Line("RECORDS_ON_TIME", null, (total - late) + "/" + total, 5));
    }
    int score = BASE + lines.stream().mapToInt(Line::points).sum();
    score = Math.max(0, Math.min(120, score));
    String grade = score >= 100 ? "A" : score >= 85 ? "B" : score >= 70 ? "C" : "D";
    return new Result(score, grade, List.copyOf(lines));
  }
}
