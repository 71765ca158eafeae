package cn.xianglian.app.governance;

import cn.xianglian.chaincode.grid.domain.GridSla;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The grid SLA from the projected events, per township or per department, with the definitions of
 * the contract's {@code GridSla} (docs/contract-grid.md, "SLA statistics"): handled = reached 处置,
 * within 24 hours = first 处置 at most 86,400 s after the report, closed on time = last 结案 at or
 * before {@code dueAt}, open overdue = unfinished and {@code asOf} after {@code dueAt}, escalated =
 * level ≥ 1; rates in basis points rounded half up by {@link GridSla#basisPoints}. Every query is
 * limited to a region scope (a prefix of the 12-digit code).
 */
@Component
public class GridFigures {

  /** How the figures are grouped. */
  public enum By {
    TOWNSHIP("e.township", "e.township"),
    DEPARTMENT("e.department_id", "coalesce(d.name, e.department_id)");

    private final String key;
    private final String label;

    By(String key, String label) {
      this.key = key;
      this.label = label;
    }
  }

  /** The figures of one group; rates in basis points, null when their denominator is 0. */
  public record Sla(
      String key,
      String label,
      int reported,
      int rejected,
      int handled,
      int handledWithin24h,
      int closed,
      int closedOnTime,
      int openOverdue,
      int escalated,
      Integer handledRateBp,
      Integer onTimeRateBp,
      Integer within24hRateBp) {

    /** A rate in basis points as a percentage with two decimals, or an em dash for none. */
    public static String percent(Integer basisPoints) {
      return basisPoints == null
          ? "—"
          : String.format(java.util.Locale.ROOT, "%d.%02d%%", basisPoints / 100, basisPoints % 100);
    }
  }

  /** One event as the drill-down lists it. */
  public record EventRow(
      String eventId,
      String category,
      String gridId,
      String village,
      String township,
      String departmentId,
      String departmentName,
      String status,
      String title,
      String reportedAt,
      String dueAt,
      int escalationLevel,
      int lateSteps,
      Integer rating,
      String txId,
      long blockNumber) {}

  /** One step of an event with the ledger transaction that recorded it. */
  public record StepRow(
      int seq,
      String action,
      String fromStatus,
      String toStatus,
      String actor,
      String role,
      String at,
      String recordedAt,
      String departmentId,
      boolean late,
      String txId,
      Long blockNumber) {}

  private static final String HANDLED = "e.status in ('HANDLED', 'VERIFIED', 'CLOSED', 'RATED')";
  private static final String CLOSED = "e.status in ('CLOSED', 'RATED')";

  private final JdbcTemplate jdbc;

  public GridFigures(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The SLA per group within {@code scope}, in key order, as of {@code asOfEpochSecond}. Grouped by
   * department, events never dispatched are left out (as GridSla does).
   */
  public List<Sla> sla(By by, String scope, long asOfEpochSecond) {
    return jdbc.query(
        "select "
            + by.key
            + ", min("
            + by.label
            + "), count(*),"
            + " sum(case when e.status = 'REJECTED' then 1 else 0 end),"
            + " sum(case when "
            + HANDLED
            + " and e.handled_epoch is not null then 1 else 0 end),"
            + " sum(case when "
            + HANDLED
            + " and e.handled_epoch is not null"
            + " and e.handled_epoch - e.reported_epoch <= 86400 then 1 else 0 end),"
            + " sum(case when "
            + CLOSED
            + " and e.closed_epoch is not null then 1 else 0 end),"
            + " sum(case when "
            + CLOSED
            + " and e.closed_epoch is not null and e.closed_epoch <= e.due_epoch"
            + " then 1 else 0 end),"
            + " sum(case when e.status not in ('CLOSED', 'RATED', 'REJECTED')"
            + " and e.due_epoch < ? then 1 else 0 end),"
            + " sum(case when e.escalation_level > 0 then 1 else 0 end)"
            + " from gov_grid_event e"
            + " left join gov_grid_department d on d.department_id = e.department_id"
            + " where e.village like ? and "
            + by.key
            + " is not null group by "
            + by.key
            + " order by "
            + by.key,
        (rs, n) -> sla(rs),
        asOfEpochSecond,
        scope + "%");
  }

  private static Sla sla(ResultSet rs) throws SQLException {
    int reported = rs.getInt(3);
    int rejected = rs.getInt(4);
    int handled = rs.getInt(5);
    int within24h = rs.getInt(6);
    int closed = rs.getInt(7);
    int onTime = rs.getInt(8);
    return new Sla(
        rs.getString(1),
        rs.getString(2),
        reported,
        rejected,
        handled,
        within24h,
        closed,
        onTime,
        rs.getInt(9),
        rs.getInt(10),
        GridSla.basisPoints(handled, reported - rejected),
        GridSla.basisPoints(onTime, closed),
        GridSla.basisPoints(within24h, handled));
  }

  /** The events of one township or one department within {@code scope}, newest report first. */
  public List<EventRow> events(By by, String key, String scope) {
    return jdbc.query(
        EVENT_SELECT
            + " where e.village like ? and "
            + by.key
            + " = ? order by e.reported_epoch desc, e.event_id",
        (rs, n) -> event(rs),
        scope + "%",
        key);
  }

  /** One event, if projected. */
  public Optional<EventRow> event(String eventId) {
    return jdbc
        .query(EVENT_SELECT + " where e.event_id = ?", (rs, n) -> event(rs), eventId)
        .stream()
        .findFirst();
  }

  /** The event's steps in order, each with its transaction's block (null if not yet projected). */
  public List<StepRow> steps(String eventId) {
    return jdbc.query(
        "select s.seq, s.action, s.from_status, s.to_status, s.actor, s.actor_role, s.at_time,"
            + " s.recorded_at, s.department_id, s.late, s.step_tx_id,"
            + " (select min(t.block_number) from xl_transaction t"
            + " where t.tx_id = s.step_tx_id and t.validation = 'VALID')"
            + " from gov_grid_step s where s.event_id = ? order by s.seq",
        (rs, n) ->
            new StepRow(
                rs.getInt(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getBoolean(10),
                rs.getString(11),
                rs.getObject(12) == null ? null : rs.getLong(12)),
        eventId);
  }

  /** True when a department with this id was named by a projected catalogue. */
  public boolean departmentExists(String departmentId) {
    Integer count =
        jdbc.queryForObject(
            "select count(*) from gov_grid_department where department_id = ?",
            Integer.class,
            departmentId);
    return count != null && count > 0;
  }

  private static final String EVENT_SELECT =
      "select e.event_id, e.category, e.grid_id, e.village, e.township, e.department_id, d.name,"
          + " e.status, e.title, e.reported_at, e.due_at, e.escalation_level, e.late_steps,"
          + " e.rating, e.tx_id, e.block_number from gov_grid_event e"
          + " left join gov_grid_department d on d.department_id = e.department_id";

  private static EventRow event(ResultSet rs) throws SQLException {
    return new EventRow(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10),
        rs.getString(11),
        rs.getInt(12),
        rs.getInt(13),
        (Integer) rs.getObject(14),
        rs.getString(15),
        rs.getLong(16));
  }
}
