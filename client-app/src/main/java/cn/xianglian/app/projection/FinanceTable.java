package cn.xianglian.app.projection;

import static cn.xianglian.app.projection.ReadModel.number;
import static cn.xianglian.app.projection.ReadModel.text;
import static cn.xianglian.app.projection.ReadModel.township;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The read models of the finance contract (三资, docs/contract-finance.md): vouchers, decisions,
 * approval rules, publications, objections, contracts and assets, one table each, decoded from the
 * records' JSON. A voucher's lines and steps (who approved, rejected, posted it, in which
 * transaction) and the anomalies of a village's month are written beside them by {@link
 * FinanceRows}.
 */
public enum FinanceTable implements ReadModel {
  VOUCHER(
      "xl.fin.voucher",
      "fin_voucher",
      "voucher_id",
      "getVoucher",
      column("village", json -> text(json, "village")),
      column("township", json -> township(text(json, "village"))),
      column("period", json -> text(json, "period")),
      column("voucher_date", json -> text(json, "date")),
      column("summary", json -> text(json, "summary")),
      column("total_fen", json -> number(json, "totalFen")),
      column("status", json -> text(json, "status")),
      column("decision_id", json -> text(json, "decisionId")),
      column("reverses", json -> text(json, "reverses")),
      column("counterparty", FinanceTable::firstCounterparty),
      column("recorded_at", json -> text(json.path("steps").path(0), "time"))),
  DECISION(
      "xl.fin.decision",
      "fin_decision",
      "decision_id",
      "getDecision",
      column("village", json -> text(json, "village")),
      column("township", json -> township(text(json, "village"))),
      column("subject", json -> text(json, "subject")),
      column("decided_on", json -> text(json, "decidedOn")),
      column("amount_fen", json -> number(json, "amountFen"))),
  RULES(
      "xl.fin.rules",
      "fin_rules",
      "rules_id",
      null,
      column("county", json -> text(json, "county")),
      column("version", json -> number(json, "version")),
      column("effective_from", json -> text(json, "effectiveFrom")),
      column("large_amount_fen", json -> number(json, "largeAmountFen"))) {
    /** Rules are keyed by county and version: the row id joins both. */
    @Override
    public String id(StateKey key) {
      return String.join("-", key.attributes());
    }
  },
  PUBLICATION(
      "xl.fin.publication",
      "fin_publication",
      "publication_id",
      "getPublication",
      column("village", json -> text(json, "village")),
      column("township", json -> township(text(json, "village"))),
      column("catalogue_id", json -> text(json, "catalogueId")),
      column("category_code", json -> text(json, "categoryCode")),
      column("item_code", json -> text(json, "itemCode")),
      column("period", json -> text(json, "period")),
      column("title", json -> text(json, "title")),
      column("content_sha256", json -> text(json, "contentSha256")),
      column("due_on", json -> text(json, "dueOn")),
      column("late", json -> json.path("late").asBoolean(false)),
      column("published_at", json -> text(json, "publishedAt"))),
  OBJECTION(
      "xl.fin.objection",
      "fin_objection",
      "objection_id",
      "getObjection",
      column("publication_id", json -> text(json, "publicationId")),
      column("village", json -> text(json, "village")),
      column("township", json -> township(text(json, "village"))),
      column("question", json -> text(json, "question")),
      column("status", json -> text(json, "status")),
      column("filed_at", json -> text(json, "filedAt")),
      column("due_on", json -> text(json, "dueOn")),
      column("answer_text", json -> text(json.path("answer"), "text")),
      column("answered_at", json -> text(json.path("answer"), "answeredAt")),
      column(
          "answer_late",
          json ->
              json.path("answer").isObject()
                  ? json.path("answer").path("late").asBoolean()
                  : null)),
  CONTRACT(
      "xl.fin.contract",
      "fin_contract",
      "contract_id",
      null,
      column("village", json -> text(json, "village")),
      column("township", json -> township(text(json, "village"))),
      column("direction", json -> text(json, "direction")),
      column("counterparty", json -> text(json, "counterparty")),
      column("subject", json -> text(json, "subject")),
      column("start_date", json -> text(json, "startDate")),
      column("end_date", json -> text(json, "endDate")),
      column("amount_fen", json -> number(json, "amountFen"))),
  ASSET(
      "xl.fin.asset",
      "fin_asset",
      "asset_id",
      null,
      column("village", json -> text(json, "village")),
      column("township", json -> township(text(json, "village"))),
      column("category", json -> text(json, "category")),
      column("name", json -> text(json, "name")),
      column("location", json -> text(json, "location")),
      column("acquired_on", json -> text(json, "acquiredOn")),
      column("cost_fen", json -> number(json, "costFen")),
      column("status", json -> text(json, "status")));

  private final String objectType;
  private final String table;
  private final String idColumn;
  private final String getter;
  private final List<Column> columns;

  FinanceTable(String objectType, String table, String idColumn, String getter, Column... columns) {
    this.objectType = objectType;
    this.table = table;
    this.idColumn = idColumn;
    this.getter = getter;
    this.columns = List.of(columns);
  }

  @Override
  public String contract() {
    return "finance";
  }

  @Override
  public String objectType() {
    return objectType;
  }

  @Override
  public String table() {
    return table;
  }

  @Override
  public String idColumn() {
    return idColumn;
  }

  @Override
  public Optional<String> getter() {
    return Optional.ofNullable(getter);
  }

  @Override
  public List<Column> columns() {
    return columns;
  }

  private static Column column(String name, Function<JsonNode, Object> value) {
    return new Column(name, value);
  }

  /** The first counterparty named on a voucher's lines (the payee of a payment), or null. */
  private static String firstCounterparty(JsonNode voucher) {
    for (JsonNode line : voucher.path("lines")) {
      String counterparty = text(line, "counterparty");
      if (counterparty != null) {
        return counterparty;
      }
    }
    return null;
  }
}
