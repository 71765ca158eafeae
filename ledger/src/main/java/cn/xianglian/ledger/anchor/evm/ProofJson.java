package cn.xianglian.ledger.anchor.evm;

import cn.xianglian.ledger.anchor.InclusionProof;
import cn.xianglian.ledger.anchor.TxLeaf;
import cn.xianglian.ledger.anchor.TxProof;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a {@link TxProof} (format {@value #FORMAT}), what the API hands out and the
 * verifier reads. Hashes are lower-case hex without {@code 0x}; EVM values keep their usual {@code
 * 0x} form.
 *
 * <pre>{@code
 * {
 *   "format": "xianglian-tx-proof/1",
 *   "hashing": "RFC 6962: leaf = SHA-256(0x00 || leaf bytes), node = SHA-256(0x01 || left || right)",
 *   "leaf": {"blockNumber": 12, "blockHash": "9f…", "txId": "ab…"},
 *           (a disclosure leaf adds "publicationId": "…", "contentHash": "…")
 *   "leafIndex": 3,
 *   "treeSize": 10,
 *   "path": ["…", "…"],
 *   "root": "…",
 *   "checkpoint": {"fromBlock": 0, "toBlock": 19},
 *   "anchor": {"chainId": "1337", "contract": "0x…", "index": 0, "evmTxHash": "0x…", "evmBlock": 5}
 * }
 * }</pre>
 */
public final class ProofJson {

  public static final String FORMAT = "xianglian-tx-proof/1";

  private static final String HASHING =
      "RFC 6962: leaf = SHA-256(0x00 || leaf bytes), node = SHA-256(0x01 || left || right)";
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final HexFormat HEX = HexFormat.of();

  private ProofJson() {}

  public static String write(TxProof proof) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("hashing", HASHING);
    ObjectNode leaf = root.putObject("leaf");
    leaf.put("blockNumber", proof.leaf().blockNumber());
    leaf.put("blockHash", HEX.formatHex(proof.leaf().blockHash()));
    leaf.put("txId", proof.leaf().txId());
    if (proof.leaf().isDisclosure()) {
      leaf.put("publicationId", proof.leaf().disclosure().publicationId());
      leaf.put("contentHash", HEX.formatHex(proof.leaf().disclosure().contentHash()));
    }
    root.put("leafIndex", proof.proof().leafIndex());
    root.put("treeSize", proof.proof().treeSize());
    ArrayNode path = root.putArray("path");
    for (byte[] hash : proof.proof().path()) {
      path.add(HEX.formatHex(hash));
    }
    root.put("root", HEX.formatHex(proof.root()));
    ObjectNode checkpoint = root.putObject("checkpoint");
    checkpoint.put("fromBlock", proof.fromBlock());
    checkpoint.put("toBlock", proof.toBlock());
    ObjectNode anchor = root.putObject("anchor");
    anchor.put("chainId", proof.chainId());
    anchor.put("contract", proof.contractAddress());
    anchor.put("index", proof.anchorIndex());
    anchor.put("evmTxHash", proof.evmTxHash());
    anchor.put("evmBlock", proof.evmBlock());
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }

  /**
   * Reads a proof; anything missing or of the wrong kind is an {@link IllegalArgumentException}
   * naming the field.
   */
  public static TxProof read(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("the proof is not JSON: " + e.getOriginalMessage(), e);
    }
    if (!FORMAT.equals(text(root, "format"))) {
      throw new IllegalArgumentException("unknown proof format " + text(root, "format"));
    }
    JsonNode leaf = object(root, "leaf");
    JsonNode path = root.get("path");
    if (path == null || !path.isArray()) {
      throw new IllegalArgumentException("proof field path must be an array of hex hashes");
    }
    List<byte[]> hashes = new ArrayList<>();
    for (JsonNode hash : path) {
      hashes.add(hex("path[]", hash.isString() ? hash.stringValue() : null));
    }
    JsonNode checkpoint = object(root, "checkpoint");
    JsonNode anchor = object(root, "anchor");
    TxLeaf.Disclosure disclosure = null;
    if (leaf.has("publicationId") || leaf.has("contentHash")) {
      disclosure =
          new TxLeaf.Disclosure(
              text(leaf, "publicationId"), hex("leaf.contentHash", text(leaf, "contentHash")));
    }
    try {
      return new TxProof(
          new TxLeaf(
              number(leaf, "blockNumber"),
              hex("leaf.blockHash", text(leaf, "blockHash")),
              text(leaf, "txId"),
              disclosure),
          new InclusionProof(number(root, "leafIndex"), number(root, "treeSize"), hashes),
          hex("root", text(root, "root")),
          number(checkpoint, "fromBlock"),
          number(checkpoint, "toBlock"),
          text(anchor, "chainId"),
          text(anchor, "contract"),
          number(anchor, "index"),
          text(anchor, "evmTxHash"),
          number(anchor, "evmBlock"));
    } catch (NullPointerException e) {
      throw new IllegalArgumentException("the proof lacks a field: " + e.getMessage(), e);
    }
  }

  /**
   * The published record a disclosure proof may carry ({@code "publication": {"record": "…"}}, the
   * exact text the ledger holds), if present.
   */
  public static java.util.Optional<String> disclosedRecord(String json) {
    try {
      JsonNode record = MAPPER.readTree(json).path("publication").path("record");
      return record.isString()
          ? java.util.Optional.of(record.stringValue())
          : java.util.Optional.empty();
    } catch (JacksonException e) {
      throw new IllegalArgumentException("the proof is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static JsonNode object(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("proof field " + field + " must be an object");
    }
    return node;
  }

  private static String text(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || !node.isString()) {
      throw new IllegalArgumentException("proof field " + field + " must be a string");
    }
    return node.stringValue();
  }

  private static long number(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
      throw new IllegalArgumentException("proof field " + field + " must be an integer");
    }
    return node.asLong();
  }

  private static byte[] hex(String field, String value) {
    if (value == null || value.length() % 2 != 0) {
      throw new IllegalArgumentException("proof field " + field + " must be hex");
    }
    try {
      return HEX.parseHex(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("proof field " + field + " must be hex", e);
    }
  }
}
