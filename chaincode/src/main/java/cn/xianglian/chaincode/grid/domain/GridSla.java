package cn.xianglian.chaincode.grid.domain;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;

/**
 * SLA statistics over event records, a pure function. For a group of events:
 *
 * <ul>
 *   <li>{@code reported}: events in the group, whatever their state; {@code rejected}: 不予受理.
 *   <li>{@code handled}: events that reached 处置 (HANDLED, VERIFIED, CLOSED or RATED); <b>handled
 *       rate</b> = handled / (reported − rejected) — the 德清 "95 % handled" figure.
 *   <li>{@code handledWithin24h}: handled events whose first 处置 step is at most 24 hours after the
 *       report; <b>within-24-hours rate</b> = handledWithin24h / handled — the 宜城 "90 % within 24
 *       hours" figure.
 *   <li>{@code closed}: CLOSED or RATED; {@code closedOnTime}: closed at or before {@code dueAt}
 *       (report time + the category's total limit); <b>on-time rate</b> = closedOnTime / closed.
 *   <li>{@code openOverdue}: not finished and {@code asOf} after {@code dueAt}; {@code escalated}:
 *       escalation level ≥ 1; {@code rated} and the average rating of rated events.
 * </ul>
 *
 * Rates are basis points rounded half up (no floating point), absent when the denominator is 0. One
 * pass over the events; the cost is linear in their number and steps.
 */
public final class GridSla {

  private static final long DAY_SECONDS = 24 * 3600L;

  private GridSla() {}

  public static SlaReport compute(
      Iterable<GridEvent> events, SlaGroup groupBy, OffsetDateTime asOf) {
    Counter total = new Counter();
    Map<String, Counter> groups = new TreeMap<>();
    for (GridEvent event : events) {
      total.add(event, asOf);
      String key = groupBy.keyOf(event);
      if (key != null) {
        groups.computeIfAbsent(key, k -> new Counter()).add(event, asOf);
      }
    }
    return new SlaReport(
        groupBy,
        asOf,
        total.figures("*"),
        groups.entrySet().stream().map(e -> e.getValue().figures(e.getKey())).toList());
  }

  /**
   * {@code numerator / denominator} in basis points rounded half up; null when denominator is 0.
   */
  public static Integer basisPoints(long numerator, long denominator) {
    if (denominator == 0) {
      return null;
    }
    return (int) ((numerator * 10_000L * 2 + denominator) / (denominator * 2));
  }

  private static final class Counter {
    int reported;
    int rejected;
    int handled;
    int handledWithin24h;
    int closed;
    int closedOnTime;
    int openOverdue;
    int escalated;
    int rated;
    long ratingSum;

    void add(GridEvent event, OffsetDateTime asOf) {
      reported++;
      GridStatus status = event.status();
      if (status == GridStatus.REJECTED) {
        rejected++;
      }
      OffsetDateTime handledAt = null;
      OffsetDateTime closedAt = null;
      for (Step step : event.steps()) {
        if (handledAt == null && step.action() == StepAction.HANDLE) {
          handledAt = step.at();
        } else if (step.action() == StepAction.CLOSE) {
          closedAt = step.at();
        }
      }
      if (status.isHandled() && handledAt != null) {
        handled++;
        if (handledAt.toEpochSecond() - event.reportedAt().toEpochSecond() <= DAY_SECONDS) {
          handledWithin24h++;
        }
      }
      if (status.isClosed() && closedAt != null) {
        closed++;
        if (!closedAt.isAfter(event.dueAt())) {
          closedOnTime++;
        }
      }
      if (!status.isFinished() && asOf.isAfter(event.dueAt())) {
        openOverdue++;
      }
      if (event.escalationLevel() > 0) {
        escalated++;
      }
      if (event.rating() != null) {
        rated++;
        ratingSum += event.rating();
      }
    }

    SlaFigures figures(String key) {
      return new SlaFigures(
          key,
          reported,
          rejected,
          handled,
          handledWithin24h,
          closed,
          closedOnTime,
          openOverdue,
          escalated,
          rated,
          basisPoints(handled, reported - rejected),
          basisPoints(closedOnTime, closed),
          basisPoints(handledWithin24h, handled),
          rated == 0 ? null : (int) ((ratingSum * 100 * 2 + rated) / (rated * 2L)));
    }
  }
}
