package cn.xianglian.qr.resolve;

import cn.xianglian.ledger.Identity;
import cn.xianglian.ledger.LedgerClient;
import cn.xianglian.ledger.LedgerException;
import cn.xianglian.ledger.Proposal;
import cn.xianglian.qr.QrError;
import cn.xianglian.qr.QrException;
import cn.xianglian.qr.digitallink.Gtin;
import cn.xianglian.qr.digitallink.InternalCode;
import cn.xianglian.qr.digitallink.ProductKey;
import cn.xianglian.qr.issuance.BatchFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads batches from the ledger with the {@code trace} contract's queries (JSON shapes in
 * docs/contract-trace.md) and maps them to {@link BatchView}. {@code BATCH_NOT_FOUND} is an empty
 * result; any other ledger failure is {@code LEDGER_UNAVAILABLE}.
 */
public final class TraceReader {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final Map<String, String> STEPS =
      Map.ofEntries(
          Map.entry("commissioning", "建档"),
          Map.entry("inspecting", "检测"),
          Map.entry("sampling", "抽样"),
          Map.entry("packing", "包装"),
          Map.entry("shipping", "发货"),
          Map.entry("receiving", "收货"),
          Map.entry("retail_selling", "零售"),
          Map.entry("transforming", "加工"),
          Map.entry("destroying", "销毁"),
          Map.entry("holding", "暂扣"),
          Map.entry("xl:planting", "种植"),
          Map.entry("xl:breeding", "养殖"),
          Map.entry("xl:fertilizing", "施肥"),
          Map.entry("xl:pesticide_applying", "施药"),
          Map.entry("xl:vet_drug_applying", "用兽药"),
          Map.entry("xl:feeding", "饲喂"),
          Map.entry("xl:harvesting", "采收"),
          Map.entry("xl:slaughtering", "屠宰"));

  private final LedgerClient ledger;
  private final Identity reader;

  public TraceReader(LedgerClient ledger, Identity reader) {
    this.ledger = ledger;
    this.reader = reader;
  }

  /** The batch as the consumer page shows it, or empty when the ledger has no such batch. */
  public Optional<BatchView> batch(String batchId) {
    Optional<JsonNode> trace = query("traceBatch", batchId);
    if (trace.isEmpty()) {
      return Optional.empty();
    }
    JsonNode root = trace.get();
    JsonNode batch = root.path("batch");
    JsonNode product = batch.path("product");
    String producerId = batch.path("producerId").asString();
    String producerName =
        query("getProducer", producerId).map(p -> p.path("name").asString()).orElse(producerId);

    List<BatchView.EventView> events = new ArrayList<>();
    List<BatchView.InspectionView> inspections = new ArrayList<>();
    for (JsonNode event : root.path("events")) {
      String step = event.path("bizStep").asString();
      String time = event.path("eventTime").asString();
      JsonNode detail = event.path("detail");
      events.add(
          new BatchView.EventView(
              time,
              STEPS.getOrDefault(step, step),
              event.path("readPoint").path("site").asString(),
              summary(detail)));
      JsonNode inspection = detail.path("inspection");
      if (inspection.isObject()) {
        List<String> items = new ArrayList<>();
        for (JsonNode item : inspection.path("items")) {
          items.add(
              "%s %s%s (限值 %s) %s"
                  .formatted(
                      item.path("name").asString(),
                      item.path("value").asString(),
                      item.path("unit").asString(),
                      item.path("limit").asString(),
                      "PASS".equals(item.path("result").asString()) ? "合格" : "不合格"));
        }
        inspections.add(
            new BatchView.InspectionView(
                time,
                inspection.path("lab").asString(),
                inspection.path("method").asString(),
                "PASS".equals(inspection.path("result").asString()) ? "合格" : "不合格",
                items));
      }
    }
    List<BatchView.CertificateView> certificates = new ArrayList<>();
    for (JsonNode number : batch.path("certificateNos")) {
      query("getCertificate", number.asString())
          .ifPresent(
              c -> {
                List<String> promises = new ArrayList<>();
                c.path("promises").forEach(p -> promises.add(p.asString()));
                certificates.add(
                    new BatchView.CertificateView(
                        c.path("certificateNo").asString(),
                        c.path("style").asString(),
                        c.path("basis").asString(),
                        c.path("status").asString(),
                        c.path("issuedAt").asString(),
                        promises));
              });
    }
    List<BatchView.RecallView> recalls = new ArrayList<>();
    for (JsonNode id : batch.path("recallIds")) {
      query("getRecall", id.asString())
          .ifPresent(
              r ->
                  recalls.add(
                      new BatchView.RecallView(
                          r.path("recallId").asString(),
                          r.path("reason").asString(),
                          r.path("level").asString(),
                          r.path("issuedAt").asString())));
    }
    List<String> ancestors = new ArrayList<>();
    for (JsonNode ancestor : root.path("ancestors")) {
      ancestors.add(ancestor.path("batch").path("batchId").asString());
    }
    JsonNode quantity = batch.path("quantity");
    return Optional.of(
        new BatchView(
            batch.path("batchId").asString(),
            product.path("name").asString(),
            product.path("category").asString(),
            product.path("gtin").asString(""),
            product.path("code").asString(""),
            quantity.path("amount").asString() + " " + quantity.path("uom").asString(),
            producerId,
            producerName,
            batch.path("origin").path("region").asString(),
            batch.path("origin").path("site").asString(),
            batch.path("productionType").asString(),
            batch.path("producedAt").asString(),
            batch.path("status").asString(),
            List.copyOf(recalls),
            batch.path("warningIds").size(),
            List.copyOf(events),
            List.copyOf(inspections),
            List.copyOf(certificates),
            List.copyOf(ancestors),
            root));
  }

  /** Product key (GTIN or internal code), owner and origin of a batch, for issuance. */
  public Optional<BatchFacts> facts(String batchId) {
    return query("getBatch", batchId)
        .map(
            batch -> {
              JsonNode product = batch.path("product");
              String gtin = product.path("gtin").asString("");
              ProductKey key =
                  gtin.isEmpty()
                      ? new InternalCode(product.path("code").asString())
                      : new Gtin(gtin);
              return new BatchFacts(
                  batch.path("batchId").asString(),
                  key,
                  batch.path("owner").asString(),
                  batch.path("origin").path("region").asString());
            });
  }

  private Optional<JsonNode> query(String transaction, String id) {
    try {
      byte[] result = ledger.evaluate(reader, Proposal.of("trace", transaction, id));
      return Optional.of(JSON.readTree(result));
    } catch (LedgerException e) {
      String code = e.errorCode().orElse("");
      if (code.endsWith("_NOT_FOUND") || "INVALID_ARGUMENT".equals(code)) {
        return Optional.empty();
      }
      throw new QrException(QrError.LEDGER_UNAVAILABLE, "trace:" + transaction + " failed", e);
    }
  }

  private static String summary(JsonNode detail) {
    if (detail.path("note").isString()) {
      return detail.path("note").asString();
    }
    JsonNode input = detail.path("input");
    if (input.isObject()) {
      return input.path("productName").asString()
          + " "
          + input.path("dose").path("amount").asString()
          + input.path("dose").path("uom").asString();
    }
    if (detail.path("inspection").isObject()) {
      return "检测结果："
          + ("PASS".equals(detail.path("inspection").path("result").asString()) ? "合格" : "不合格");
    }
    return "";
  }
}
