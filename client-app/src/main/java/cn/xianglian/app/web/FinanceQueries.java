package cn.xianglian.app.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The finance read models (三资) as the pages read them. Every list is limited to a region scope (a
 * prefix of 12-digit region codes) or one village; money stays in 分 until the template.
 */
@Component
class FinanceQueries {

  /** The figures of one village on the auditor's overview. */
  record VillageFigures(
      String village,
      String township,
      long vouchers,
      long postedFen,
      long approvals,
      long rejections,
      long anomalies,
      long lateDisclosures,
      long objections,
      long openObjections) {}

  private final JdbcTemplate jdbc;

  FinanceQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Per village within the scope: vouchers, posted amount, approvals, anomalies, ... (kept per
   * village by the projector in fin_village_figures).
   */
  List<VillageFigures> overview(String scope) {
    return jdbc.query(
        "select village, township, vouchers, posted_fen, approvals, rejections, anomalies,"
            + " late_disclosures, objections, open_objections from fin_village_figures"
            + " where village like ? order by village",
        (rs, n) ->
            new VillageFigures(
                rs.getString(1),
                rs.getString(2),
                rs.getLong(3),
                rs.getLong(4),
                rs.getLong(5),
                rs.getLong(6),
                rs.getLong(7),
                rs.getLong(8),
                rs.getLong(9),
                rs.getLong(10)),
        scope + "%");
  }

  /** A village's vouchers, optionally only those with a step of {@code stepStatus}. */
  List<Map<String, Object>> vouchers(String village, String stepStatus) {
    String base =
        "select v.voucher_id, v.voucher_date, v.summary, v.total_fen, v.status, v.counterparty,"
            + " v.tx_id, v.block_number from fin_voucher v where v.village = ?";
    if (stepStatus == null) {
      return jdbc.queryForList(base + " order by v.voucher_date, v.voucher_id", village);
    }
    return jdbc.queryForList(
        base
            + " and exists (select 1 from fin_voucher_step s where s.voucher_id = v.voucher_id"
            + " and s.status = ?) order by v.voucher_date, v.voucher_id",
        village,
        stepStatus);
  }

  Optional<Map<String, Object>> voucher(String voucherId) {
    return jdbc
        .queryForList(
            "select voucher_id, village, township, period, voucher_date, summary, total_fen,"
                + " status, decision_id, reverses, counterparty, tx_id, block_number"
                + " from fin_voucher where voucher_id = ?",
            voucherId)
        .stream()
        .findFirst();
  }

  List<Map<String, Object>> lines(String voucherId) {
    return jdbc.queryForList(
        "select line_no, account, debit_fen, credit_fen, counterparty, contract_id"
            + " from fin_voucher_line where voucher_id = ? order by line_no",
        voucherId);
  }

  /** A voucher's steps, each with the block its transaction is in. */
  List<Map<String, Object>> steps(String voucherId) {
    return jdbc.queryForList(
        "select s.step_no, s.status, s.party, s.tx_id, s.step_time, s.note, t.block_number"
            + " from fin_voucher_step s left join xl_transaction t on t.tx_id = s.tx_id"
            + " and t.validation = 'VALID' where s.voucher_id = ? order by s.step_no",
        voucherId);
  }

  /** The anomalies of a village (all months), each with its evidence ids. */
  List<Map<String, Object>> anomalies(String village) {
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "select village, period, anomaly_no, rule, detail, amount_fen, counterparty"
                + " from fin_anomaly where village = ? order by period, anomaly_no",
            village);
    for (Map<String, Object> row : rows) {
      row.put(
          "VOUCHERS",
          jdbc.queryForList(
              "select record_id from fin_anomaly_evidence where village = ? and period = ?"
                  + " and anomaly_no = ? and record_type = 'voucher' order by record_id",
              String.class,
              village,
              row.get("PERIOD"),
              row.get("ANOMALY_NO")));
      row.put(
          "PUBLICATIONS",
          jdbc.queryForList(
              "select record_id from fin_anomaly_evidence where village = ? and period = ?"
                  + " and anomaly_no = ? and record_type = 'publication' order by record_id",
              String.class,
              village,
              row.get("PERIOD"),
              row.get("ANOMALY_NO")));
    }
    return rows;
  }

  List<Map<String, Object>> publications(String village, boolean lateOnly) {
    return jdbc.queryForList(
        "select p.publication_id, p.catalogue_id, p.category_code, p.item_code, p.period,"
            + " p.title, p.content_sha256, p.due_on, p.late, p.published_at, p.tx_id,"
            + " p.block_number, c.content from fin_publication p left join"
            + " fin_publication_content c on c.publication_id = p.publication_id"
            + " where p.village = ?"
            + (lateOnly ? " and p.late = true" : "")
            + " order by p.period desc, p.publication_id",
        village);
  }

  List<Map<String, Object>> objections(String village) {
    return jdbc.queryForList(
        "select o.objection_id, o.publication_id, o.question, o.status, o.filed_at, o.due_on,"
            + " o.answer_text, o.answered_at, o.answer_late, o.tx_id, o.block_number"
            + " from fin_objection o where o.village = ? order by o.filed_at, o.objection_id",
        village);
  }

  Optional<Map<String, Object>> objection(String objectionId) {
    return jdbc
        .queryForList(
            "select objection_id, village, status from fin_objection where objection_id = ?",
            objectionId)
        .stream()
        .findFirst();
  }

  List<Map<String, Object>> contracts(String village) {
    return jdbc.queryForList(
        "select contract_id, direction, counterparty, subject, start_date, end_date, amount_fen,"
            + " tx_id, block_number from fin_contract where village = ? order by contract_id",
        village);
  }

  List<Map<String, Object>> assets(String village) {
    return jdbc.queryForList(
        "select asset_id, category, name, location, acquired_on, cost_fen, status, tx_id,"
            + " block_number from fin_asset where village = ? and status = 'ACTIVE'"
            + " order by asset_id",
        village);
  }

  /** Whether the projection knows anything of the village's finances. */
  boolean knows(String village) {
    Long count =
        jdbc.queryForObject(
            "select (select count(*) from fin_voucher where village = ?)"
                + " + (select count(*) from fin_publication where village = ?)"
                + " + (select count(*) from fin_contract where village = ?)"
                + " + (select count(*) from fin_asset where village = ?)",
            Long.class,
            village,
            village,
            village,
            village);
    return count != null && count > 0;
  }

  /** Keeps the text of a publication the village entered (the ledger holds its hash). */
  void storeContent(String publicationId, String content, String sha256) {
    int updated =
        jdbc.update(
            "update fin_publication_content set content = ?, content_sha256 = ?,"
                + " stored_at = current_timestamp where publication_id = ?",
            content,
            sha256,
            publicationId);
    if (updated == 0) {
      jdbc.update(
          "insert into fin_publication_content (publication_id, content, content_sha256,"
              + " stored_at) values (?, ?, ?, current_timestamp)",
          publicationId,
          content,
          sha256);
    }
  }
}
