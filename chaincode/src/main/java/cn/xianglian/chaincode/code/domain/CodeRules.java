package cn.xianglian.chaincode.code.domain;

import static cn.xianglian.chaincode.domain.ErrorCode.AGGREGATION_INVALID;
import static cn.xianglian.chaincode.domain.ErrorCode.ALREADY_EXISTS;
import static cn.xianglian.chaincode.domain.ErrorCode.BATCH_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.BATCH_RECALLED;
import static cn.xianglian.chaincode.domain.ErrorCode.DIGEST_MISMATCH;
import static cn.xianglian.chaincode.domain.ErrorCode.LOT_BOUND_TO_OTHER_BATCH;
import static cn.xianglian.chaincode.domain.ErrorCode.NOT_OWNER;
import static cn.xianglian.chaincode.domain.ErrorCode.RANGE_OVERLAP;

import cn.xianglian.chaincode.domain.Actor;
import cn.xianglian.chaincode.domain.Require;
import cn.xianglian.chaincode.domain.Role;
import cn.xianglian.chaincode.domain.Tx;
import cn.xianglian.chaincode.domain.XlException;
import cn.xianglian.chaincode.trace.domain.Batch;
import cn.xianglian.chaincode.trace.domain.BatchStatus;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The checks of {@code issueRun}, in the order docs/contract-code.md gives them. */
public final class CodeRules {

  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** GS1 AI 10: 1–20 characters of the GS1 AI encodable character set 82. */
  private static final Pattern LOT = Pattern.compile("[A-Za-z0-9!\"%&'()*+,\\-./:;<=>?_]{1,20}");

  private CodeRules() {}

  public static String runId(String field, String value) {
    Require.present(field, value);
    Require.argument(RUN_ID.matcher(value).matches(), field + " must match " + RUN_ID.pattern());
    return value;
  }

  public static String lot(String value) {
    Require.present("lot", value);
    Require.argument(
        LOT.matcher(value).matches(), "lot must be 1-20 characters of GS1 character set 82");
    return value;
  }

  /** The outcome of {@code issueRun}: a new run to write, or the existing one of a safe retry. */
  public record Issued(CodeRun run, boolean retry) {}

  /**
   * Decides {@code issueRun}. {@code lotRuns} are every run of the command's product and lot;
   * {@code child} is the run {@code contains.runId} names, when there is one.
   */
  public static Issued issueRun(
      IssueRun cmd,
      Actor actor,
      Optional<Batch> batch,
      Optional<CodeRun> existing,
      List<CodeRun> lotRuns,
      Optional<CodeRun> child,
      Tx tx) {
    batch.ifPresent(
        b ->
            Require.argument(
                cmd.product().matches(b.product()),
                "product differs from the product of batch " + b.batchId()));
    actor.requireRole(Role.LABELER, Role.PRODUCER);
    Batch found =
        batch.orElseThrow(() -> new XlException(BATCH_NOT_FOUND, "no batch " + cmd.batchId()));
    if (actor.role() == Role.LABELER) {
      actor.requireInScope(found.origin().region());
    } else {
      XlException.check(
          actor.party().equals(found.owner()),
          NOT_OWNER,
          actor.party() + " does not own batch " + found.batchId());
    }
    XlException.check(
        found.status() != BatchStatus.RECALLED,
        BATCH_RECALLED,
        "batch " + found.batchId() + " is recalled");
    if (existing.isPresent()) {
      XlException.check(
          existing.get().sameContentAs(cmd),
          ALREADY_EXISTS,
          "run " + cmd.runId() + " exists with different content");
      return new Issued(existing.get(), true);
    }
    for (CodeRun run : lotRuns) {
      XlException.check(
          run.batchId().equals(cmd.batchId()),
          LOT_BOUND_TO_OTHER_BATCH,
          "lot " + cmd.lot() + " belongs to batch " + run.batchId());
    }
    for (CodeRun run : lotRuns) {
      XlException.check(
          run.level() != cmd.level() || !run.overlaps(cmd.serialStart(), cmd.serialEnd()),
          RANGE_OVERLAP,
          "range overlaps run " + run.runId());
    }
    if (cmd.contains() != null) {
      checkAggregation(cmd, lotRuns, child);
    }
    XlException.check(
        RunDigest.of(cmd.product(), cmd.lot(), cmd.level(), cmd.serialStart(), cmd.serialEnd())
            .equals(cmd.digest()),
        DIGEST_MISMATCH,
        "digest is not the digest of the range");
    return new Issued(
        new CodeRun(
            cmd.runId(),
            cmd.batchId(),
            cmd.product(),
            cmd.lot(),
            cmd.level(),
            cmd.serialStart(),
            cmd.serialEnd(),
            cmd.count(),
            cmd.keyId(),
            cmd.digest(),
            cmd.contains(),
            actor.party(),
            actor.mspId(),
            tx.time(),
            tx.txId()),
        false);
  }

  private static void checkAggregation(
      IssueRun cmd, List<CodeRun> lotRuns, Optional<CodeRun> child) {
    String childId = cmd.contains().runId();
    CodeRun contained =
        child.orElseThrow(() -> new XlException(AGGREGATION_INVALID, "no run " + childId));
    XlException.check(
        contained.batchId().equals(cmd.batchId())
            && contained.product().equals(cmd.product())
            && contained.lot().equals(cmd.lot()),
        AGGREGATION_INVALID,
        "run " + childId + " is not of the same batch, product and lot");
    XlException.check(
        cmd.level().directlyContains(contained.level()),
        AGGREGATION_INVALID,
        "run " + childId + " is not exactly one level down");
    for (CodeRun run : lotRuns) {
      XlException.check(
          run.contains() == null || !run.contains().runId().equals(childId),
          AGGREGATION_INVALID,
          "run " + childId + " is already contained by run " + run.runId());
    }
    long perParent = cmd.contains().perParent();
    long parents = (contained.count() + perParent - 1) / perParent;
    XlException.check(
        parents == cmd.count(),
        AGGREGATION_INVALID,
        "run " + childId + " needs " + parents + " parent codes, not " + cmd.count());
  }
}
