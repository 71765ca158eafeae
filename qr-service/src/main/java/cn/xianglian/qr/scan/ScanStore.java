package cn.xianglian.qr.scan;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The scan tables (schema.sql) through Spring JDBC. */
public final class ScanStore {

  /** A complaint from the consumer page. */
  public record Complaint(
      Instant receivedAt,
      String code,
      String batchId,
      String category,
      String text,
      String contact) {}

  /** A warning as stored. */
  public record StoredWarning(
      long id, Instant raisedAt, String kind, String code, String batchId, String detail) {}

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final TransactionTemplate transaction;

  public ScanStore(
      JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.template = template;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** Runs the writes of one batch of scans as one transaction (one commit, not one per row). */
  void inTransaction(Runnable writes) {
    transaction.executeWithoutResult(status -> writes.run());
  }

  void insertScans(List<Scan> scans) {
    template.batchUpdate(
        "INSERT INTO scan (scanned_at, code, outcome, batch_id, lat, lon) VALUES (?, ?, ?, ?, ?, ?)",
        scans,
        500,
        (ps, s) -> {
          ps.setTimestamp(1, Timestamp.from(s.at()));
          ps.setString(2, s.code());
          ps.setString(3, s.outcome());
          ps.setString(4, s.batchId());
          ps.setObject(5, s.lat());
          ps.setObject(6, s.lon());
        });
  }

  void upsertStats(List<CodeStats> stats) {
    template.batchUpdate(
        "MERGE INTO code_stats (code, first_scan_at, last_scan_at, scan_count, last_lat, last_lon,"
            + " last_located_at) KEY (code) VALUES (?, ?, ?, ?, ?, ?, ?)",
        stats,
        500,
        (ps, s) -> {
          ps.setString(1, s.code());
          ps.setTimestamp(2, Timestamp.from(s.firstScanAt()));
          ps.setTimestamp(3, Timestamp.from(s.lastScanAt()));
          ps.setLong(4, s.scanCount());
          ps.setObject(5, s.lastLat());
          ps.setObject(6, s.lastLon());
          ps.setTimestamp(7, s.lastLocatedAt() == null ? null : Timestamp.from(s.lastLocatedAt()));
        });
  }

  void insertWarning(Instant at, CounterfeitHeuristics.Warning warning, String batchId) {
    jdbc.sql(
            "INSERT INTO scan_warning (raised_at, kind, code, batch_id, detail) VALUES (?, ?, ?, ?, ?)")
        .params(Timestamp.from(at), warning.kind(), warning.code(), batchId, warning.detail())
        .update();
  }

  Optional<CodeStats> stats(String code) {
    return jdbc.sql(
            "SELECT code, first_scan_at, last_scan_at, scan_count, last_lat, last_lon,"
                + " last_located_at FROM code_stats WHERE code = ?")
        .param(code)
        .query(
            (rs, n) ->
                new CodeStats(
                    rs.getString(1),
                    rs.getTimestamp(2).toInstant(),
                    rs.getTimestamp(3).toInstant(),
                    rs.getLong(4),
                    (Double) rs.getObject(5),
                    (Double) rs.getObject(6),
                    rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
        .optional();
  }

  public List<StoredWarning> warnings(int limit) {
    return jdbc.sql(
            "SELECT id, raised_at, kind, code, batch_id, detail FROM scan_warning"
                + " ORDER BY id DESC LIMIT ?")
        .param(limit)
        .query(
            (rs, n) ->
                new StoredWarning(
                    rs.getLong(1),
                    rs.getTimestamp(2).toInstant(),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6)))
        .list();
  }

  public void addComplaint(Complaint complaint) {
    jdbc.sql(
            "INSERT INTO complaint (received_at, code, batch_id, category, text, contact)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(
            Timestamp.from(complaint.receivedAt()),
            complaint.code(),
            complaint.batchId(),
            complaint.category(),
            complaint.text(),
            complaint.contact())
        .update();
  }

  public List<Complaint> complaints(int limit) {
    return jdbc.sql(
            "SELECT received_at, code, batch_id, category, text, contact FROM complaint"
                + " ORDER BY id DESC LIMIT ?")
        .param(limit)
        .query(
            (rs, n) ->
                new Complaint(
                    rs.getTimestamp(1).toInstant(),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6)))
        .list();
  }

  /** Scans of one code, newest first. */
  public List<Map<String, Object>> scansOf(String code, int limit) {
    return jdbc.sql(
            "SELECT scanned_at, outcome, batch_id, lat, lon FROM scan WHERE code = ?"
                + " ORDER BY id DESC LIMIT ?")
        .params(code, limit)
        .query()
        .listOfRows();
  }
}
