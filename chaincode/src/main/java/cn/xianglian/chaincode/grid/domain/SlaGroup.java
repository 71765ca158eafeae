package cn.xianglian.chaincode.grid.domain;

/** How SLA figures are grouped: by which key of an event. */
public enum SlaGroup {
  /** The event's grid id. */
  GRID,
  /** The 12-digit village code. */
  VILLAGE,
  /** The leading 9 digits of the region code (乡镇). */
  TOWNSHIP,
  /** The leading 6 digits (县). */
  COUNTY,
  /**
   * The department the event is (or was last) dispatched to; events never dispatched are left out.
   */
  DEPARTMENT;

  /** The group key of {@code event}, or null when it belongs to no group. */
  public String keyOf(GridEvent event) {
    return switch (this) {
      case GRID -> event.gridId();
      case VILLAGE -> event.region().village12();
      case TOWNSHIP -> event.region().township9();
      case COUNTY -> event.region().county6();
      case DEPARTMENT -> event.departmentId();
    };
  }
}
