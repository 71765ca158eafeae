package cn.xianglian.chaincode.grid.domain;

import cn.xianglian.chaincode.domain.Require;

/**
 * The time limits of a category, in (calendar) hours: one per stage, counted from the step that
 * entered the stage, and {@code totalHours} from report to close (the on-time criterion).
 */
public record Limits(
    Integer acceptHours,
    Integer dispatchHours,
    Integer claimHours,
    Integer handleHours,
    Integer verifyHours,
    Integer closeHours,
    Integer totalHours) {

  /** The longest limit accepted: one year. */
  public static final int MAX_HOURS = 8_760;

  public Limits {
    hours("acceptHours", acceptHours);
    hours("dispatchHours", dispatchHours);
    hours("claimHours", claimHours);
    hours("handleHours", handleHours);
    hours("verifyHours", verifyHours);
    hours("closeHours", closeHours);
    hours("totalHours", totalHours);
  }

  private static void hours(String field, Integer value) {
    Require.present("limits." + field, value);
    Require.argument(
        value >= 1 && value <= MAX_HOURS, "limits." + field + " must be 1.." + MAX_HOURS);
  }

  /** The limit of the stage an event in {@code status} is in; 0 for finished states. */
  public int stageHours(GridStatus status) {
    return switch (status) {
      case REPORTED -> acceptHours;
      case ACCEPTED -> dispatchHours;
      case DISPATCHED -> claimHours;
      case CLAIMED -> handleHours;
      case HANDLED -> verifyHours;
      case VERIFIED -> closeHours;
      case CLOSED, RATED, REJECTED -> 0;
    };
  }
}
