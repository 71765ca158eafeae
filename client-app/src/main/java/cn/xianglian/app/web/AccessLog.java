package cn.xianglian.app.web;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Writes one row per page read of records (who, when, which page, which record). */
@Component
class AccessLog {

  private final JdbcTemplate jdbc;

  AccessLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void read(String username, String page, String recordType, String recordId) {
    jdbc.update(
        "insert into xl_access_log (accessed_at, username, page, record_type, record_id)"
            + " values (?, ?, ?, ?, ?)",
        Timestamp.from(Instant.now()),
        username == null ? "anonymous" : username,
        page,
        recordType,
        recordId);
  }
}
