package cn.xianglian.chaincode.code;

import static cn.xianglian.chaincode.common.ChaincodeErrors.guard;
import static cn.xianglian.chaincode.domain.ErrorCode.RUN_NOT_FOUND;

import cn.xianglian.chaincode.code.domain.CodeRules;
import cn.xianglian.chaincode.code.domain.CodeRules.Issued;
import cn.xianglian.chaincode.code.domain.CodeRun;
import cn.xianglian.chaincode.code.domain.IssueRun;
import cn.xianglian.chaincode.code.domain.LotQuery;
import cn.xianglian.chaincode.common.Caller;
import cn.xianglian.chaincode.common.CanonicalJson;
import cn.xianglian.chaincode.common.KeyCodec;
import cn.xianglian.chaincode.common.LedgerKey;
import cn.xianglian.chaincode.common.LedgerState;
import cn.xianglian.chaincode.common.ObjectType;
import cn.xianglian.chaincode.common.Payloads;
import cn.xianglian.chaincode.domain.Actor;
import cn.xianglian.chaincode.domain.ChinaTime;
import cn.xianglian.chaincode.domain.Require;
import cn.xianglian.chaincode.domain.Tx;
import cn.xianglian.chaincode.domain.XlException;
import cn.xianglian.chaincode.trace.domain.Batch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * The code contract {@code code} (码段), as specified in docs/contract-code.md. {@code issueRun}
 * records one batch's serial range at one packaging level in one transaction, after re-checking
 * ownership, lot binding, overlap, aggregation and the digest; the lot index is read as a range, so
 * two overlapping runs cannot both commit. Stateless.
 */
@Contract(
    name = "code",
    info = @Info(title = "XiangLian code runs", version = "0.1.0", description = "码段"))
public final class CodeContract implements ContractInterface {

  /** Width of the zero-padded {@code serialStart} in the lot index. */
  private static final int SERIAL_WIDTH = 18;

  private static final Comparator<CodeRun> LOT_ORDER =
      Comparator.comparing(CodeRun::level).thenComparingLong(CodeRun::serialStart);

  /** The payload of the {@code CodeRunIssued} event (same shape as the trace events). */
  record EventPayload(String type, String id, List<String> batchIds) {}

  /** Issues a run of codes; a retry with the same content returns the run and writes nothing. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String issueRun(Context ctx, String json) {
    return guard(
        () -> {
          IssueRun cmd = CanonicalJson.read(Payloads.limited("argument", json), IssueRun.class);
          Actor actor = Caller.of(ctx);
          ChaincodeStub stub = ctx.getStub();
          LedgerState state = new LedgerState(stub);
          Optional<Batch> batch =
              state.read(KeyCodec.key(ObjectType.BATCH, cmd.batchId()), Batch.class);
          Optional<CodeRun> existing = run(state, cmd.runId());
          List<CodeRun> lotRuns =
              runsOfLot(state, cmd.product().scheme(), cmd.product().value(), cmd.lot());
          Optional<CodeRun> child =
              cmd.contains() == null ? Optional.empty() : run(state, cmd.contains().runId());
          Issued issued =
              CodeRules.issueRun(
                  cmd,
                  actor,
                  batch,
                  existing,
                  lotRuns,
                  child,
                  new Tx(stub.getTxId(), ChinaTime.of(stub.getTxTimestamp())));
          CodeRun run = issued.run();
          if (!issued.retry()) {
            state.write(KeyCodec.key(ObjectType.CODE_RUN, run.runId()), run);
            state.writeIndex(lotKey(run));
            state.writeIndex(
                KeyCodec.key(ObjectType.CODE_RUN_BY_BATCH, run.batchId(), run.runId()));
            state.event(
                "CodeRunIssued", new EventPayload("CodeRun", run.runId(), List.of(run.batchId())));
          }
          return CanonicalJson.text(run);
        });
  }

  /** The run with this id, or RUN_NOT_FOUND. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String getRun(Context ctx, String runId) {
    return guard(
        () -> {
          CodeRules.runId("runId", runId);
          return CanonicalJson.text(
              run(new LedgerState(ctx.getStub()), runId)
                  .orElseThrow(() -> new XlException(RUN_NOT_FOUND, "no run " + runId)));
        });
  }

  /** Every run of a product and lot, by level (ITEM, CASE, PALLET) then serialStart. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String getRunsByLot(Context ctx, String json) {
    return guard(
        () -> {
          LotQuery query = CanonicalJson.read(Payloads.limited("argument", json), LotQuery.class);
          List<CodeRun> runs =
              new ArrayList<>(
                  runsOfLot(
                      new LedgerState(ctx.getStub()),
                      query.product().scheme(),
                      query.product().value(),
                      query.lot()));
          runs.sort(LOT_ORDER);
          return CanonicalJson.text(Map.of("records", runs));
        });
  }

  /** Every run of a batch, in runId order. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String getRunsByBatch(Context ctx, String batchId) {
    return guard(
        () -> {
          Require.id("batchId", batchId);
          LedgerState state = new LedgerState(ctx.getStub());
          List<CodeRun> runs = new ArrayList<>();
          for (LedgerState.Entry entry : state.list(ObjectType.CODE_RUN_BY_BATCH, batchId)) {
            runs.add(stored(state, entry.key().id()));
          }
          return CanonicalJson.text(Map.of("records", runs));
        });
  }

  /** The lot index key of a run (visible to key-layout tests). */
  static LedgerKey lotKey(CodeRun run) {
    String serial = Long.toString(run.serialStart());
    return KeyCodec.key(
        ObjectType.CODE_RUN_BY_LOT,
        run.product().scheme(),
        run.product().value(),
        run.lot(),
        run.level().name(),
        "0".repeat(SERIAL_WIDTH - serial.length()) + serial,
        run.runId());
  }

  private static Optional<CodeRun> run(LedgerState state, String runId) {
    return state.read(KeyCodec.key(ObjectType.CODE_RUN, runId), CodeRun.class);
  }

  private static CodeRun stored(LedgerState state, String runId) {
    return run(state, runId)
        .orElseThrow(() -> new IllegalStateException("index names a missing run " + runId));
  }

  private static List<CodeRun> runsOfLot(
      LedgerState state, String scheme, String product, String lot) {
    List<CodeRun> runs = new ArrayList<>();
    for (LedgerState.Entry entry : state.list(ObjectType.CODE_RUN_BY_LOT, scheme, product, lot)) {
      runs.add(stored(state, entry.key().id()));
    }
    return runs;
  }
}
