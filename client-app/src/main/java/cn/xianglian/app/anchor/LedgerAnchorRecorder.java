package cn.xianglian.app.anchor;

import cn.xianglian.app.system.TraceLedger;
import cn.xianglian.ledger.Identity;
import cn.xianglian.ledger.LedgerClient;
import cn.xianglian.ledger.LedgerException;
import cn.xianglian.ledger.Proposal;
import cn.xianglian.ledger.anchor.AnchorException;
import cn.xianglian.ledger.anchor.AnchorException.Code;
import cn.xianglian.ledger.anchor.AnchorRecord;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@link cn.xianglian.ledger.anchor.AnchorRecorder} on the Fabric ledger: {@code
 * anchor:getAnchor} to ask, {@code anchor:recordAnchor} to write (docs/contract-anchor.md). The
 * record carries no leaves (they are derivable from the blocks; the local store keeps them).
 */
final class LedgerAnchorRecorder implements cn.xianglian.ledger.anchor.AnchorRecorder {

  static final String CONTRACT = "anchor";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HexFormat HEX = HexFormat.of();

  private final LedgerClient ledger;
  private final Supplier<Identity> signer;
  private final String channel;

  LedgerAnchorRecorder(LedgerClient ledger, Supplier<Identity> signer, String channel) {
    this.ledger = ledger;
    this.signer = signer;
    this.channel = channel;
  }

  @Override
  public boolean isRecorded(AnchorRecord record) {
    Optional<JsonNode> there = read(record.anchorIndex());
    if (there.isEmpty()) {
      return false;
    }
    ObjectNode wanted = argument(record);
    JsonNode stored = there.get();
    for (String field : new String[] {"anchorIndex", "fromBlock", "toBlock", "leafCount"}) {
      if (stored.path(field).asLong(-1) != wanted.get(field).asLong()) {
        throw conflict(record, field);
      }
    }
    for (String field : new String[] {"channel", "root", "lastBlockHash"}) {
      if (!stored.path(field).asString("").equals(wanted.get(field).asString())) {
        throw conflict(record, field);
      }
    }
    JsonNode evm = stored.path("evm");
    JsonNode mine = wanted.get("evm");
    for (String field : new String[] {"chainId", "contract", "txHash", "emitter"}) {
      if (!evm.path(field).asString("").equalsIgnoreCase(mine.get(field).asString())) {
        throw conflict(record, "evm." + field);
      }
    }
    if (evm.path("blockNumber").asLong(-1) != mine.get("blockNumber").asLong()) {
      throw conflict(record, "evm.blockNumber");
    }
    return true;
  }

  @Override
  public void record(AnchorRecord record) {
    try {
      ledger.submit(
          signer.get(),
          Proposal.of(CONTRACT, "recordAnchor", JSON.writeValueAsString(argument(record))));
    } catch (LedgerException e) {
      String code = e.errorCode().orElse("");
      if (code.equals("ALREADY_EXISTS") || code.equals("ANCHOR_RANGE_NOT_NEXT")) {
        throw new AnchorException(
            Code.RECORD_CONFLICT,
            "the ledger refused anchor #" + record.anchorIndex() + ": " + e.getMessage(),
            e);
      }
      throw new AnchorException(
          Code.LEDGER_UNAVAILABLE,
          "recording anchor #" + record.anchorIndex() + " failed: " + e.getMessage(),
          e);
    }
  }

  /** The ledger's record of anchor {@code index}, if it holds one. */
  Optional<JsonNode> read(long index) {
    try {
      byte[] bytes =
          ledger.evaluate(signer.get(), Proposal.of(CONTRACT, "getAnchor", Long.toString(index)));
      return Optional.of(JSON.readTree(new String(bytes, StandardCharsets.UTF_8)));
    } catch (LedgerException e) {
      if (e.errorCode().filter("ANCHOR_NOT_FOUND"::equals).isPresent()) {
        return Optional.empty();
      }
      throw new AnchorException(
          Code.LEDGER_UNAVAILABLE, "reading anchor #" + index + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * The {@code recordAnchor} argument: the record without leaves and without what the contract
   * sets.
   */
  ObjectNode argument(AnchorRecord record) {
    if (record.evmTxHash() == null || record.emitter() == null) {
      throw new AnchorException(
          Code.CHAIN_UNAVAILABLE,
          "anchor #" + record.anchorIndex() + " lacks its EVM transaction or emitter");
    }
    ObjectNode node = JSON.createObjectNode();
    node.put("anchorIndex", record.anchorIndex());
    node.put("channel", channel);
    node.put("fromBlock", record.checkpoint().fromBlock());
    node.put("toBlock", record.checkpoint().toBlock());
    node.put("leafCount", record.checkpoint().leaves().size());
    node.put("root", HEX.formatHex(record.root()));
    node.put("lastBlockHash", HEX.formatHex(record.checkpoint().lastBlockHash()));
    ObjectNode evm = node.putObject("evm");
    evm.put("chainId", record.chainId());
    evm.put("contract", record.contractAddress());
    evm.put("txHash", record.evmTxHash());
    evm.put("blockNumber", record.evmBlock());
    evm.put("emitter", record.emitter());
    evm.put(
        "anchoredAt",
        TraceLedger.format(OffsetDateTime.ofInstant(record.anchoredAt(), ZoneOffset.UTC)));
    return node;
  }

  private static AnchorException conflict(AnchorRecord record, String field) {
    return new AnchorException(
        Code.RECORD_CONFLICT,
        "the ledger holds anchor #" + record.anchorIndex() + " with another " + field);
  }
}
