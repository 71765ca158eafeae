package cn.xianglian.app.projection;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The read models of the trace contract: which key object type feeds which table, and how the
 * record's JSON (docs/contract-trace.md, "Records") maps to its columns. The projector writes rows
 * with it and the integrity check re-derives them from the ledger's value with it, so both always
 * agree on what a row should say.
 */
public enum TraceTable implements ReadModel {
  PRODUCER(
      "xl.producer",
      "tr_producer",
      "producer_id",
      "getProducer",
      column("name", json -> text(json, "name")),
      column("producer_type", json -> text(json, "type")),
      column("region", json -> text(json, "region")),
      column("township", json -> township(text(json, "region"))),
      column("owner_party", json -> text(json, "owner")),
      column("registered_at", json -> text(json, "registeredAt"))),
  BATCH(
      "xl.batch",
      "tr_batch",
      "batch_id",
      "getBatch",
      column("product_name", json -> text(json.path("product"), "name")),
      column("product_category", json -> text(json.path("product"), "category")),
      column(
          "product_code",
          json ->
              Optional.ofNullable(text(json.path("product"), "gtin"))
                  .orElse(text(json.path("product"), "code"))),
      column("quantity_amount", json -> text(json.path("quantity"), "amount")),
      column("quantity_uom", json -> text(json.path("quantity"), "uom")),
      column("origin_region", json -> text(json.path("origin"), "region")),
      column("township", json -> township(text(json.path("origin"), "region"))),
      column("producer_id", json -> text(json, "producerId")),
      column("owner_party", json -> text(json, "owner")),
      column("status", json -> text(json, "status")),
      column("disposition", json -> text(json, "disposition")),
      column("produced_at", json -> text(json, "producedAt"))),
  EVENT(
      "xl.event",
      "tr_event",
      "event_id",
      null,
      column("batch_id", json -> text(json, "batchId")),
      column("seq", json -> json.path("seq").isNumber() ? json.path("seq").asLong() : null),
      column("biz_step", json -> text(json, "bizStep")),
      column("disposition", json -> text(json, "disposition")),
      column("event_time", json -> text(json, "eventTime")),
      column("region", json -> text(json.path("readPoint"), "region")),
      column("recorder", json -> text(json, "recorder"))),
  CERTIFICATE(
      "xl.certificate",
      "tr_certificate",
      "certificate_no",
      "getCertificate",
      column("batch_id", json -> text(json, "batchId")),
      column("status", json -> text(json, "status")),
      column("issuer", json -> text(json, "issuer")),
      column("issued_at", json -> text(json, "issuedAt"))),
  WARNING(
      "xl.warning",
      "tr_warning",
      "warning_id",
      null,
      column("batch_id", json -> text(json, "batchId")),
      column("level", json -> text(json, "level")),
      column("reason", json -> text(json, "reason")),
      column("issuer", json -> text(json, "issuer")),
      column("issued_at", json -> text(json, "issuedAt")),
      column("affected_count", json -> json.path("affectedBatchIds").size())),
  RECALL(
      "xl.recall",
      "tr_recall",
      "recall_id",
      "getRecall",
      column("batch_id", json -> text(json, "batchId")),
      column("level", json -> text(json, "level")),
      column("reason", json -> text(json, "reason")),
      column("issuer", json -> text(json, "issuer")),
      column("issued_at", json -> text(json, "issuedAt")),
      column("affected_count", json -> json.path("affectedBatchIds").size()));

  private final String objectType;
  private final String table;
  private final String idColumn;
  private final String getter;
  private final List<Column> columns;

  TraceTable(String objectType, String table, String idColumn, String getter, Column... columns) {
    this.objectType = objectType;
    this.table = table;
    this.idColumn = idColumn;
    this.getter = getter;
    this.columns = List.of(columns);
  }

  @Override
  public String contract() {
    return "trace";
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

  private static String text(JsonNode node, String field) {
    return ReadModel.text(node, field);
  }

  static String township(String region) {
    return ReadModel.township(region);
  }
}
