package cn.xianglian.qr.issuance;

import cn.xianglian.qr.digitallink.CodeLevel;
import cn.xianglian.qr.digitallink.Gtin;
import cn.xianglian.qr.digitallink.InternalCode;
import cn.xianglian.qr.digitallink.ProductKey;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of a code run as the {@code code} contract takes and returns it (docs/contract-code.md):
 * keys in sorted order (TreeMap), {@code product} either {@code {"gtin":..}} or {@code
 * {"code":..}}.
 */
public final class CodeRunJson {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private CodeRunJson() {}

  /** The argument of {@code code:issueRun}. */
  public static String issueArgument(CodeRun run) {
    Map<String, Object> json = new TreeMap<>();
    json.put("batchId", run.batchId());
    if (run.contains() != null) {
      Map<String, Object> contains = new TreeMap<>();
      contains.put("perParent", run.contains().perParent());
      contains.put("runId", run.contains().childRunId());
      json.put("contains", contains);
    }
    json.put("digest", run.digest());
    json.put("keyId", run.keyId());
    json.put("level", run.range().level().name());
    json.put("lot", run.lot());
    json.put("product", product(run.product()));
    json.put("runId", run.runId());
    json.put("serialEnd", run.range().end());
    json.put("serialStart", run.range().start());
    return JSON.writeValueAsString(json);
  }

  /** The argument of {@code code:getRunsByLot}. */
  public static String lotArgument(ProductKey product, String lot) {
    Map<String, Object> json = new TreeMap<>();
    json.put("lot", lot);
    json.put("product", product(product));
    return JSON.writeValueAsString(json);
  }

  public static Map<String, String> product(ProductKey product) {
    return product instanceof Gtin
        ? Map.of("gtin", product.value())
        : Map.of("code", product.value());
  }

  public static CodeRun parse(JsonNode node) {
    JsonNode product = node.path("product");
    ProductKey key =
        product.has("gtin")
            ? new Gtin(product.path("gtin").asString())
            : new InternalCode(product.path("code").asString());
    JsonNode contains = node.path("contains");
    return new CodeRun(
        node.path("runId").asString(),
        node.path("batchId").asString(),
        key,
        node.path("lot").asString(),
        new SerialRange(
            CodeLevel.valueOf(node.path("level").asString()),
            node.path("serialStart").asLong(),
            node.path("serialEnd").asLong()),
        node.path("keyId").asString(),
        node.path("digest").asString(),
        contains.isObject()
            ? new Containment(contains.path("runId").asString(), contains.path("perParent").asInt())
            : null);
  }

  public static CodeRun parse(byte[] json) {
    return parse(JSON.readTree(json));
  }

  static JsonNode tree(byte[] json) {
    return JSON.readTree(json);
  }
}
