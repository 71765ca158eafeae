package cn.xianglian.chaincode.anchor;

import static cn.xianglian.chaincode.common.ChaincodeErrors.guard;
import static cn.xianglian.chaincode.domain.ErrorCode.ANCHOR_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.INVALID_ARGUMENT;

import cn.xianglian.chaincode.anchor.domain.AnchorRecord;
import cn.xianglian.chaincode.anchor.domain.AnchorRules;
import cn.xianglian.chaincode.anchor.domain.AnchorRules.Recorded;
import cn.xianglian.chaincode.anchor.domain.ListAnchors;
import cn.xianglian.chaincode.anchor.domain.RecordAnchor;
import cn.xianglian.chaincode.common.Caller;
import cn.xianglian.chaincode.common.CanonicalJson;
import cn.xianglian.chaincode.common.KeyCodec;
import cn.xianglian.chaincode.common.LedgerKey;
import cn.xianglian.chaincode.common.LedgerState;
import cn.xianglian.chaincode.common.ObjectType;
import cn.xianglian.chaincode.common.Payloads;
import cn.xianglian.chaincode.domain.Actor;
import cn.xianglian.chaincode.domain.ChinaTime;
import cn.xianglian.chaincode.domain.Tx;
import cn.xianglian.chaincode.domain.XlException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * The anchor contract {@code anchor} (公开锚定) of docs/contract-anchor.md: the anchoring service
 * records each anchored checkpoint (range, root, EVM transaction), so members and auditors see what
 * is anchored without an EVM node. Ranges are contiguous; a retry with the same content returns the
 * stored record. Stateless.
 */
@Contract(
    name = "anchor",
    info = @Info(title = "XiangLian anchors", version = "0.1.0", description = "公开锚定"))
public final class AnchorContract implements ContractInterface {

  private static final int WIDTH = 20;
  private static final Pattern NUMBER = Pattern.compile("0|[1-9][0-9]{0,18}");

  /** Records an anchored checkpoint; event {@code AnchorRecorded} with the record. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String recordAnchor(Context ctx, String json) {
    return guard(
        () -> {
          Actor actor = Caller.of(ctx);
          AnchorRules.requireAnchorer(actor);
          RecordAnchor cmd =
              CanonicalJson.read(Payloads.limited("argument", json), RecordAnchor.class);
          ChaincodeStub stub = ctx.getStub();
          LedgerState state = new LedgerState(stub);
          Optional<AnchorRecord> existing = anchor(state, cmd.anchorIndex());
          List<LedgerState.Entry> byBlock = state.list(ObjectType.ANCHOR_BLOCK);
          Optional<AnchorRecord> last =
              byBlock.isEmpty()
                  ? Optional.empty()
                  : Optional.of(pointed(state, byBlock.get(byBlock.size() - 1)));
          Recorded recorded =
              AnchorRules.record(
                  cmd,
                  actor,
                  existing,
                  last,
                  new Tx(stub.getTxId(), ChinaTime.of(stub.getTxTimestamp())));
          AnchorRecord record = recorded.record();
          if (!recorded.retry()) {
            state.write(anchorKey(record.anchorIndex()), record);
            state.write(
                KeyCodec.key(ObjectType.ANCHOR_BLOCK, padded(record.toBlock())),
                record.anchorIndex());
            state.event("AnchorRecorded", record);
          }
          return CanonicalJson.text(record);
        });
  }

  /** The record with this anchor index, or ANCHOR_NOT_FOUND. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String getAnchor(Context ctx, String anchorIndex) {
    return guard(
        () -> {
          long index = number("anchorIndex", anchorIndex);
          return CanonicalJson.text(
              anchor(new LedgerState(ctx.getStub()), index)
                  .orElseThrow(() -> new XlException(ANCHOR_NOT_FOUND, "no anchor " + index)));
        });
  }

  /** The record whose range holds this Fabric block, or ANCHOR_NOT_FOUND. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String getAnchorForBlock(Context ctx, String blockNumber) {
    return guard(
        () -> {
          long block = number("blockNumber", blockNumber);
          LedgerState state = new LedgerState(ctx.getStub());
          String wanted = padded(block);
          for (LedgerState.Entry entry : state.list(ObjectType.ANCHOR_BLOCK)) {
            if (entry.key().id().compareTo(wanted) >= 0) {
              AnchorRecord record = pointed(state, entry);
              XlException.check(
                  record.holds(block), ANCHOR_NOT_FOUND, "no anchor holds block " + block);
              return CanonicalJson.text(record);
            }
          }
          throw new XlException(ANCHOR_NOT_FOUND, "no anchor holds block " + block);
        });
  }

  /** Records from {@code fromIndex} in index order, at most {@code limit}; {@code next} or none. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String listAnchors(Context ctx, String json) {
    return guard(
        () -> {
          ListAnchors query =
              CanonicalJson.read(Payloads.limited("argument", json), ListAnchors.class);
          LedgerState state = new LedgerState(ctx.getStub());
          String from = padded(query.fromIndex());
          List<AnchorRecord> records = new ArrayList<>();
          Long next = null;
          for (LedgerState.Entry entry : state.list(ObjectType.ANCHOR)) {
            if (entry.key().id().compareTo(from) < 0) {
              continue;
            }
            AnchorRecord record = CanonicalJson.fromState(entry.value(), AnchorRecord.class);
            if (records.size() == query.limit()) {
              next = record.anchorIndex();
              break;
            }
            records.add(record);
          }
          Map<String, Object> page = new LinkedHashMap<>();
          page.put("records", records);
          page.put("next", next);
          return CanonicalJson.text(page);
        });
  }

  private static long number(String field, String text) {
    XlException.check(
        text != null && NUMBER.matcher(text).matches(),
        INVALID_ARGUMENT,
        field + " must be a non-negative decimal number");
    return Long.parseLong(text);
  }

  private static String padded(long value) {
    String digits = Long.toString(value);
    return "0".repeat(WIDTH - digits.length()) + digits;
  }

  private static LedgerKey anchorKey(long index) {
    return KeyCodec.key(ObjectType.ANCHOR, padded(index));
  }

  private static Optional<AnchorRecord> anchor(LedgerState state, long index) {
    return state.read(anchorKey(index), AnchorRecord.class);
  }

  private static AnchorRecord pointed(LedgerState state, LedgerState.Entry entry) {
    long index = CanonicalJson.fromState(entry.value(), Long.class);
    return anchor(state, index)
        .orElseThrow(() -> new IllegalStateException("index names a missing anchor " + index));
  }
}
