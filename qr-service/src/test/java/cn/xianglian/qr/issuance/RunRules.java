package cn.xianglian.qr.issuance;

import cn.xianglian.qr.QrError;
import cn.xianglian.qr.QrException;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;

/**
 * The checks the code contract makes before recording a run (docs/contract-code.md), in the
 * documented order, mirrored for the in-memory registry of unit tests. The registry passes the run,
 * the lot's existing runs and a lookup of runs by id; nothing is written when a check fails.
 *
 * @return the identical run already recorded, when this is a retry
 */
final class RunRules {

  private RunRules() {}

  static Optional<CodeRun> check(
      CodeRun run,
      Optional<CodeRun> sameId,
      Collection<CodeRun> lotRuns,
      Function<String, Optional<CodeRun>> byId) {
    if (sameId.isPresent()) {
      if (sameId.get().equals(run)) {
        return sameId;
      }
      throw new QrException(
          QrError.ALREADY_EXISTS, "run " + run.runId() + " exists with different content");
    }
    for (CodeRun other : lotRuns) {
      if (!other.batchId().equals(run.batchId())) {
        throw new QrException(
            QrError.LOT_BOUND_TO_OTHER_BATCH,
            "lot " + run.lot() + " belongs to batch " + other.batchId());
      }
    }
    for (CodeRun other : lotRuns) {
      if (other.range().overlaps(run.range())) {
        throw new QrException(
            QrError.RANGE_OVERLAP, "overlaps run " + other.runId() + " " + other.range());
      }
    }
    if (run.contains() != null) {
      Containment containment = run.contains();
      CodeRun child =
          byId.apply(containment.childRunId())
              .orElseThrow(
                  () ->
                      new QrException(
                          QrError.AGGREGATION_INVALID,
                          "contained run " + containment.childRunId() + " not found"));
      if (!child.batchId().equals(run.batchId())
          || !child.product().equals(run.product())
          || !child.lot().equals(run.lot())
          || run.range().level().contains().orElseThrow() != child.range().level()) {
        throw new QrException(
            QrError.AGGREGATION_INVALID,
            "contained run must be of the same batch, product and lot, one level down");
      }
      long needed = (child.count() + containment.perParent() - 1) / containment.perParent();
      if (needed != run.count()) {
        throw new QrException(
            QrError.AGGREGATION_INVALID,
            "packing "
                + child.count()
                + " codes by "
                + containment.perParent()
                + " needs "
                + needed
                + " parent codes, run has "
                + run.count());
      }
      for (CodeRun other : lotRuns) {
        if (other.contains() != null && other.contains().childRunId().equals(child.runId())) {
          throw new QrException(
              QrError.AGGREGATION_INVALID,
              "run " + child.runId() + " is already packed by " + other.runId());
        }
      }
    }
    return Optional.empty();
  }
}
