package cn.xianglian.qr.resolve;

import cn.xianglian.qr.scan.CodeStats;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code gs1:pip} answer for JSON clients: the consumer page's facts, without markup. */
final class ProductJson {

  private ProductJson() {}

  static Map<String, Object> of(Resolution r, CodeStats stats) {
    BatchView b = r.batch();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("genuine", true);
    json.put("code", r.link().path());
    json.put("level", r.serial().level().name());
    json.put("runId", r.run().runId());
    json.put("batchId", b.batchId());
    json.put("product", Map.of("name", b.productName(), "category", b.productCategory()));
    json.put("gtin", b.gtin());
    json.put("producer", Map.of("producerId", b.producerId(), "name", b.producerName()));
    json.put("origin", Map.of("region", b.originRegion(), "site", b.originSite()));
    json.put("producedAt", b.producedAt());
    json.put("status", b.status());
    json.put("recalled", b.recalled());
    json.put("recalls", b.recalls());
    json.put("warningCount", b.warningCount());
    json.put("certified", b.certified());
    json.put("events", b.events());
    json.put("inspections", b.inspections());
    r.packedIn().ifPresent(p -> json.put("packedIn", p.text()));
    r.contents()
        .ifPresent(
            c ->
                json.put(
                    "contents",
                    Map.of(
                        "from", c.serial(0).text(),
                        "to", c.serial(c.count() - 1).text(),
                        "count", c.count())));
    if (stats != null) {
      json.put("firstScanAt", stats.firstScanAt().toString());
      json.put("scanCount", stats.scanCount());
    }
    return json;
  }
}
