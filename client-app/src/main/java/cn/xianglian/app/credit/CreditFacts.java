package cn.xianglian.app.credit;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a producer's credit facts from the projection (batches it produced, their records). */
@Component
public class CreditFacts {

  private final JdbcTemplate jdbc;
  private final JsonMapper json = JsonMapper.builder().build();

  CreditFacts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The producers (id, name, region) whose region starts with the scope. */
  public List<Map<String, Object>> producers(String scope) {
    return jdbc.queryForList(
        "select producer_id, name, region from tr_producer where region like ?"
            + " order by producer_id",
        scope + "%");
  }

  public boolean exists(String producerId) {
    Long count =
        jdbc.queryForObject(
            "select count(*) from tr_producer where producer_id = ?", Long.class, producerId);
    return count != null && count > 0;
  }

  public String regionOf(String producerId) {
    return jdbc
        .queryForList(
            "select region from tr_producer where producer_id = ?", String.class, producerId)
        .stream()
        .findFirst()
        .orElse(null);
  }

  public CreditScore.Facts of(String producerId) {
    List<CreditScore.Inspection> inspections =
        jdbc.query(
            "select e.event_id, e.value_json from tr_event e join tr_batch b"
                + " on b.batch_id = e.batch_id where b.producer_id = ?"
                + " and e.biz_step = 'inspecting' order by e.event_time, e.event_id",
            (rs, n) ->
                new CreditScore.Inspection(
                    rs.getString(1),
                    "PASS"
                        .equals(
                            read(rs.getString(2))
                                .path("detail")
                                .path("inspection")
                                .path("result")
                                .asString())),
            producerId);
    Map<String, OffsetDateTime> handled = new HashMap<>();
    jdbc.query(
        "select e.value_json, e.event_time from tr_event e join tr_batch b on b.batch_id ="
            + " e.batch_id where b.producer_id = ? and e.biz_step = 'xl:recall_handling'",
        rs -> {
          String recallId =
              read(rs.getString(1))
                  .path("detail")
                  .path("recallHandling")
                  .path("recallId")
                  .asString();
          OffsetDateTime at = OffsetDateTime.parse(rs.getString(2));
          handled.merge(recallId, at, (a, b) -> a.isBefore(b) ? a : b);
        },
        producerId);
    List<CreditScore.Recall> recalls =
        jdbc.query(
            "select r.recall_id, r.issued_at from tr_recall r join tr_batch b"
                + " on b.batch_id = r.batch_id where b.producer_id = ? order by r.issued_at",
            (rs, n) ->
                new CreditScore.Recall(
                    rs.getString(1),
                    OffsetDateTime.parse(rs.getString(2)),
                    handled.get(rs.getString(1))),
            producerId);
    List<String> warnings =
        jdbc.queryForList(
            "select w.warning_id from tr_warning w join tr_batch b on b.batch_id = w.batch_id"
                + " where b.producer_id = ? order by w.issued_at",
            String.class,
            producerId);
    List<CreditScore.Recorded> records =
        jdbc.query(
            "select e.event_id, e.event_time, t.tx_timestamp from tr_event e join tr_batch b"
                + " on b.batch_id = e.batch_id join xl_transaction t on t.tx_id = e.tx_id"
                + " and t.validation = 'VALID' where b.producer_id = ? and e.event_time is not null"
                + " order by e.event_time, e.event_id",
            (rs, n) ->
                new CreditScore.Recorded(
                    rs.getString(1),
                    OffsetDateTime.parse(rs.getString(2)),
                    toOffset(rs.getTimestamp(3))),
            producerId);
    return new CreditScore.Facts(inspections, recalls, warnings, records);
  }

  private JsonNode read(String text) {
    return json.readTree(text);
  }

  private static OffsetDateTime toOffset(Timestamp timestamp) {
    return timestamp.toInstant().atOffset(ZoneOffset.ofHours(8));
  }
}
