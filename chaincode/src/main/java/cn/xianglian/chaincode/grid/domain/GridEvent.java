package cn.xianglian.chaincode.grid.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import cn.xianglian.chaincode.domain.Role;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A grid event (事件) or complaint/suggestion as stored: what was reported where, by whom
 * (pseudonymous party, with the salted hash of the reporter's personal data when given), the limits
 * of its category copied at report time (so later catalogue versions do not move its deadlines),
 * its state, department, escalation and every signed step in order.
 */
public record GridEvent(
    String eventId,
    String category,
    int catalogueVersion,
    String gridId,
    RegionCode region,
    String title,
    String description,
    Location location,
    List<String> photos,
    String reporter,
    String reporterMsp,
    Role reporterRole,
    String reporterHash,
    GridStatus status,
    String departmentId,
    Limits limits,
    OffsetDateTime reportedAt,
    OffsetDateTime dueAt,
    int escalationLevel,
    List<Escalation> escalations,
    int returns,
    int reworks,
    Integer rating,
    List<Step> steps) {

  public GridEvent {
    photos = List.copyOf(photos);
    escalations = List.copyOf(escalations);
    steps = List.copyOf(steps);
  }

  /** The last step (the report, at least). */
  public Step lastStep() {
    return steps.get(steps.size() - 1);
  }

  /** When the current stage began: the time of the step that entered the current state. */
  public OffsetDateTime stageStart() {
    return lastStep().at();
  }

  /** The limit of the current stage; empty for finished states. */
  public Optional<OffsetDateTime> stageDeadline() {
    int hours = limits.stageHours(status);
    return hours == 0 ? Optional.empty() : Optional.of(stageStart().plusHours(hours));
  }

  /** The time of the first 处置 step, if any. */
  public Optional<OffsetDateTime> handledAt() {
    return firstAt(StepAction.HANDLE);
  }

  /** The time of the 结案 step, if any. */
  public Optional<OffsetDateTime> closedAt() {
    return firstAt(StepAction.CLOSE);
  }

  private Optional<OffsetDateTime> firstAt(StepAction action) {
    for (Step step : steps) {
      if (step.action() == action) {
        return Optional.of(step.at());
      }
    }
    return Optional.empty();
  }

  /** This event after {@code step}: new state, department, counters, escalations and rating. */
  GridEvent after(
      Step step,
      String department,
      List<Escalation> newEscalations,
      int returnsAfter,
      int reworksAfter) {
    List<Step> allSteps = new ArrayList<>(steps);
    allSteps.add(step);
    List<Escalation> allEscalations = new ArrayList<>(escalations);
    allEscalations.addAll(newEscalations);
    int level =
        newEscalations.isEmpty()
            ? escalationLevel
            : newEscalations.get(newEscalations.size() - 1).level();
    return new GridEvent(
        eventId,
        category,
        catalogueVersion,
        gridId,
        region,
        title,
        description,
        location,
        photos,
        reporter,
        reporterMsp,
        reporterRole,
        reporterHash,
        step.to(),
        department,
        limits,
        reportedAt,
        dueAt,
        level,
        allEscalations,
        returnsAfter,
        reworksAfter,
        step.rating() != null ? step.rating() : rating,
        allSteps);
  }

  /** True when {@code command} reports exactly this event (a retry). */
  public boolean sameContentAs(ReportEvent command, String reporterParty, String hash) {
    return eventId.equals(command.eventId())
        && gridId.equals(command.gridId())
        && category.equals(command.category())
        && title.equals(command.title())
        && java.util.Objects.equals(description, command.description())
        && java.util.Objects.equals(location, command.location())
        && photos.equals(command.photos())
        && reporter.equals(reporterParty)
        && java.util.Objects.equals(reporterHash, hash)
        && (command.at() == null || command.at().isEqual(reportedAt));
  }
}
