package cn.xianglian.app.projection;

import cn.xianglian.chaincode.common.CanonicalJson;
import cn.xianglian.chaincode.domain.RegionCode;
import cn.xianglian.chaincode.finance.domain.Anomalies;
import cn.xianglian.chaincode.finance.domain.ApprovalRules;
import cn.xianglian.chaincode.finance.domain.FinanceRules;
import cn.xianglian.chaincode.finance.domain.Publication;
import cn.xianglian.chaincode.finance.domain.Voucher;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The finance rows that are not one record per key, written in the block group's transaction after
 * the read models: a voucher's lines and steps (rewritten whenever the voucher is), the overview's
 * figures of every village the group touched, and the anomalies of every village's month the group
 * touched, found by the contract's own rules ({@link Anomalies#detect}, the pure domain) over the
 * projected posted vouchers, publications and approval rules, exactly as the contract's {@code
 * anomalies} query finds them on the ledger.
 */
final class FinanceRows {

  private static final String MONTH = "\\d{4}-\\d{2}";

  private final JdbcTemplate jdbc;

  FinanceRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Writes lines, steps and anomalies for the finance records of a group. */
  void write(Map<ReadModel, Map<String, List<Object>>> readModel) {
    Set<String> villageMonths = new TreeSet<>();
    Map<String, List<Object>> vouchers = readModel.getOrDefault(FinanceTable.VOUCHER, Map.of());
    if (!vouchers.isEmpty()) {
      writeLinesAndSteps(vouchers, villageMonths);
    }
    readModel
        .getOrDefault(FinanceTable.PUBLICATION, Map.of())
        .values()
        .forEach(
            values -> {
              if (values != null) {
                JsonNode json = json(values);
                String period = ReadModel.text(json, "period");
                if (period != null && period.matches(MONTH)) {
                  villageMonths.add(ReadModel.text(json, "village") + "/" + period);
                }
              }
            });
    if (!readModel.getOrDefault(FinanceTable.RULES, Map.of()).isEmpty()) {
      // New rules can change any month's findings: recompute every month with vouchers.
      jdbc.query(
          "select distinct village, period from fin_voucher",
          rs -> {
            villageMonths.add(rs.getString(1) + "/" + rs.getString(2));
          });
    }
    Set<String> villages = new TreeSet<>();
    for (String villageMonth : villageMonths) {
      int slash = villageMonth.indexOf('/');
      writeAnomalies(villageMonth.substring(0, slash), villageMonth.substring(slash + 1));
      villages.add(villageMonth.substring(0, slash));
    }
    readModel
        .getOrDefault(FinanceTable.OBJECTION, Map.of())
        .values()
        .forEach(
            values -> {
              if (values != null) {
                villages.add(ReadModel.text(json(values), "village"));
              }
            });
    for (String village : villages) {
      refreshFigures(village);
    }
  }

  private static final String[] FIGURES = {
    "select count(*) from fin_voucher where village = ?",
    "select coalesce(sum(total_fen), 0) from fin_voucher where village = ? and status = 'POSTED'",
    "select count(*) from fin_voucher v join fin_voucher_step s on s.voucher_id = v.voucher_id"
        + " where v.village = ? and s.status = 'APPROVED'",
    "select count(*) from fin_voucher v join fin_voucher_step s on s.voucher_id = v.voucher_id"
        + " where v.village = ? and s.status = 'REJECTED'",
    "select count(*) from fin_anomaly where village = ?",
    "select count(*) from fin_publication where village = ? and late = true",
    "select count(*) from fin_objection where village = ?",
    "select count(*) from fin_objection where village = ? and status = 'OPEN'"
  };

  /** Recounts the overview's figures of one village (fin_village_figures). */
  void refreshFigures(String village) {
    if (village == null || village.length() != 12) {
      return;
    }
    var values = new ArrayList<Object>();
    for (String sql : FIGURES) {
      values.add(jdbc.queryForObject(sql, Long.class, village));
    }
    values.add(village);
    int updated =
        jdbc.update(
            "update fin_village_figures set vouchers = ?, posted_fen = ?, approvals = ?,"
                + " rejections = ?, anomalies = ?, late_disclosures = ?, objections = ?,"
                + " open_objections = ? where village = ?",
            values.toArray());
    if (updated == 0) {
      values.add(ReadModel.township(village));
      jdbc.update(
          "insert into fin_village_figures (vouchers, posted_fen, approvals, rejections,"
              + " anomalies, late_disclosures, objections, open_objections, village, township)"
              + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          values.toArray());
    }
  }

  /** Deletes every row this class writes (with the rest of the projection). */
  void clear() {
    for (String table :
        List.of(
            "fin_voucher_line",
            "fin_voucher_step",
            "fin_anomaly",
            "fin_anomaly_evidence",
            "fin_village_figures")) {
      jdbc.update("delete from " + table);
    }
  }

  private void writeLinesAndSteps(Map<String, List<Object>> vouchers, Set<String> villageMonths) {
    var ids = new ArrayList<Object[]>();
    var lines = new ArrayList<Object[]>();
    var steps = new ArrayList<Object[]>();
    vouchers.forEach(
        (voucherId, values) -> {
          ids.add(new Object[] {voucherId});
          if (values == null) {
            return;
          }
          JsonNode voucher = json(values);
          villageMonths.add(
              ReadModel.text(voucher, "village") + "/" + ReadModel.text(voucher, "period"));
          int n = 0;
          for (JsonNode line : voucher.path("lines")) {
            lines.add(
                new Object[] {
                  voucherId,
                  n++,
                  ReadModel.text(line, "account"),
                  line.path("debitFen").asLong(),
                  line.path("creditFen").asLong(),
                  ReadModel.text(line, "counterparty"),
                  ReadModel.text(line, "contractId")
                });
          }
          n = 0;
          for (JsonNode step : voucher.path("steps")) {
            steps.add(
                new Object[] {
                  voucherId,
                  n++,
                  ReadModel.text(step, "status"),
                  ReadModel.text(step, "party"),
                  ReadModel.text(step, "txId"),
                  ReadModel.text(step, "time"),
                  ReadModel.text(step, "note")
                });
          }
        });
    jdbc.batchUpdate("delete from fin_voucher_line where voucher_id = ?", ids);
    jdbc.batchUpdate("delete from fin_voucher_step where voucher_id = ?", ids);
    jdbc.batchUpdate(
        "insert into fin_voucher_line (voucher_id, line_no, account, debit_fen, credit_fen,"
            + " counterparty, contract_id) values (?, ?, ?, ?, ?, ?, ?)",
        lines);
    jdbc.batchUpdate(
        "insert into fin_voucher_step (voucher_id, step_no, status, party, tx_id, step_time, note)"
            + " values (?, ?, ?, ?, ?, ?, ?)",
        steps);
  }

  private void writeAnomalies(String village, String period) {
    jdbc.update("delete from fin_anomaly where village = ? and period = ?", village, period);
    jdbc.update(
        "delete from fin_anomaly_evidence where village = ? and period = ?", village, period);
    RegionCode region = RegionCode.of(village);
    RegionCode county = RegionCode.of(village.substring(0, 6) + "000000");
    List<Voucher> posted =
        records(
            "select value_json from fin_voucher where village = ? and period = ?"
                + " and status = 'POSTED'",
            Voucher.class,
            village,
            period);
    List<ApprovalRules> rules =
        records(
            "select value_json from fin_rules where county = ?",
            ApprovalRules.class,
            village.substring(0, 6) + "000000");
    List<Publication> publications =
        records(
            "select value_json from fin_publication where village = ? and period = ?",
            Publication.class,
            village,
            period);
    Anomalies.Report report =
        Anomalies.detect(
            region,
            period,
            posted,
            FinanceRules.rulesAt(rules, county, YearMonth.parse(period).atEndOfMonth()),
            publications);
    var anomalies = new ArrayList<Object[]>();
    var evidence = new ArrayList<Object[]>();
    int n = 0;
    for (Anomalies.Anomaly anomaly : report.anomalies()) {
      anomalies.add(
          new Object[] {
            village,
            period,
            n,
            ReadModel.township(village),
            anomaly.rule(),
            anomaly.detail(),
            anomaly.amountFen(),
            anomaly.counterparty()
          });
      for (String voucherId : new TreeSet<>(anomaly.voucherIds())) {
        evidence.add(new Object[] {village, period, n, "voucher", voucherId});
      }
      for (String publicationId : new TreeSet<>(anomaly.publicationIds())) {
        evidence.add(new Object[] {village, period, n, "publication", publicationId});
      }
      n++;
    }
    jdbc.batchUpdate(
        "insert into fin_anomaly (village, period, anomaly_no, township, rule, detail, amount_fen,"
            + " counterparty) values (?, ?, ?, ?, ?, ?, ?, ?)",
        anomalies);
    jdbc.batchUpdate(
        "insert into fin_anomaly_evidence (village, period, anomaly_no, record_type, record_id)"
            + " values (?, ?, ?, ?, ?)",
        evidence);
  }

  private <T> List<T> records(String sql, Class<T> type, Object... arguments) {
    return jdbc.query(
        sql,
        (rs, row) ->
            CanonicalJson.fromState(rs.getString(1).getBytes(StandardCharsets.UTF_8), type),
        arguments);
  }

  /** The record JSON of a read-model row's values (its last value). */
  private static JsonNode json(List<Object> values) {
    return JSON.readTree((String) values.getLast());
  }

  private static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();
}
