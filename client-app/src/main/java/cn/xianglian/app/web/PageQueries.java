package cn.xianglian.app.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The projection's tables as the pages read them; every query is limited to a region scope. */
@Component
class PageQueries {

  /** The drill-down kinds: the figure's table and its record type for verification. */
  enum Kind {
    BATCHES("tr_batch", "batch_id", "batch"),
    RECALLS("tr_recall", "recall_id", "recall"),
    WARNINGS("tr_warning", "warning_id", "warning"),
    EVENTS("tr_event", "event_id", "event");

    final String table;
    final String idColumn;
    final String recordType;

    Kind(String table, String idColumn, String recordType) {
      this.table = table;
      this.idColumn = idColumn;
      this.recordType = recordType;
    }

    String join() {
      return this == BATCHES
          ? "tr_batch b"
          : table + " r join tr_batch b on b.batch_id = r.batch_id";
    }

    String alias() {
      return this == BATCHES ? "b" : "r";
    }
  }

  /** The figures of one township. */
  record Figures(String township, long batches, long recalls, long warnings, long events) {}

  /** One row of a drill-down: the record, its batch and the ledger transaction behind it. */
  record Row(String id, String batchId, String label, String txId, long blockNumber) {}

  private final JdbcTemplate jdbc;

  PageQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Per township (within the scope): batches, recalls, warnings and events. */
  List<Figures> overview(String scope) {
    Map<String, long[]> figures = new TreeMap<>();
    Kind[] kinds = Kind.values();
    for (int k = 0; k < kinds.length; k++) {
      Kind kind = kinds[k];
      int index = k;
      jdbc.query(
          "select b.township, count(*) from "
              + kind.join()
              + " where b.township like ? group by b.township",
          rs -> {
            figures.computeIfAbsent(rs.getString(1), t -> new long[kinds.length])[index] =
                rs.getLong(2);
          },
          scope + "%");
    }
    return figures.entrySet().stream()
        .map(
            e ->
                new Figures(
                    e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
        .toList();
  }

  /** The records behind one figure, newest block first. */
  List<Row> drill(Kind kind, String township) {
    String label =
        switch (kind) {
          case BATCHES -> "b.product_name";
          case RECALLS, WARNINGS -> "r.reason";
          case EVENTS -> "r.biz_step";
        };
    String a = kind.alias();
    return jdbc.query(
        "select "
            + a
            + "."
            + kind.idColumn
            + ", b.batch_id, "
            + label
            + ", "
            + a
            + ".tx_id, "
            + a
            + ".block_number from "
            + kind.join()
            + " where b.township = ? order by "
            + a
            + ".block_number desc",
        (rs, n) ->
            new Row(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)),
        township);
  }

  /** A producer's batches. */
  List<Map<String, Object>> batchesOf(String producerId) {
    return jdbc.queryForList(
        "select batch_id, product_name, quantity_amount, quantity_uom, status, produced_at, tx_id,"
            + " block_number from tr_batch where producer_id = ? order by batch_id",
        producerId);
  }

  Optional<Map<String, Object>> batch(String batchId) {
    return jdbc
        .queryForList(
            "select batch_id, product_name, product_category, product_code, quantity_amount,"
                + " quantity_uom, origin_region, producer_id, status, produced_at, tx_id,"
                + " block_number from tr_batch where batch_id = ?",
            batchId)
        .stream()
        .findFirst();
  }

  List<Map<String, Object>> eventsOf(String batchId) {
    return jdbc.queryForList(
        "select event_id, seq, biz_step, disposition, event_time, tx_id, block_number from tr_event"
            + " where batch_id = ? order by seq",
        batchId);
  }
}
