package cn.xianglian.qr.issuance;

import cn.xianglian.qr.Caller;
import cn.xianglian.qr.QrError;
import cn.xianglian.qr.QrException;
import cn.xianglian.qr.digitallink.Ai82;
import cn.xianglian.qr.digitallink.ProductKey;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Issues label runs: load the batch's product, choose the range, compute its digest, record the run
 * (one ledger transaction however many codes). The current issuer key id is written into the run;
 * its labels are signed with that key and the resolver accepts no other key for them.
 */
public final class IssuanceService {

  /** Finds a batch's product, owner and origin on the ledger. */
  @FunctionalInterface
  public interface Batches {
    Optional<BatchFacts> facts(String batchId);
  }

  private final CodeRunRegistry registry;
  private final Batches batches;
  private final Supplier<String> currentKeyId;

  public IssuanceService(CodeRunRegistry registry, Batches batches, Supplier<String> currentKeyId) {
    this.registry = registry;
    this.batches = batches;
    this.currentKeyId = currentKeyId;
  }

  /**
   * Issues a run for {@code caller}: the owning producer of the batch or a labeler whose region
   * scope covers it ({@link IssuerAccess}); the run is recorded as signed by the caller's identity.
   */
  public CodeRun issue(IssueRequest request, Caller caller) {
    if (request.level() == null) {
      throw new QrException(QrError.INVALID_ARGUMENT, "level missing");
    }
    if (request.batchId() == null || request.batchId().isBlank()) {
      throw new QrException(QrError.INVALID_ARGUMENT, "batchId missing");
    }
    String lot = request.lot() == null ? request.batchId() : request.lot();
    try {
      Ai82.require("10", lot);
    } catch (QrException e) {
      throw new QrException(
          QrError.INVALID_ARGUMENT,
          "lot "
              + lot
              + " is not a valid AI 10 value (1-20 chars of GS1 set 82): give an explicit lot");
    }
    caller.requireRole(IssuerAccess.ROLES);
    BatchFacts batch = facts(request.batchId());
    IssuerAccess.require(caller, batch);
    ProductKey product = batch.product();
    long start =
        request.start() != null
            ? request.start()
            : nextFree(registry.runsOf(product, lot), request);
    SerialRange range = SerialRange.ofCount(request.level(), start, request.count());
    String digest = RangeDigest.of(product, lot, range);
    CodeRun run =
        new CodeRun(
            request.runId(),
            request.batchId(),
            product,
            lot,
            range,
            currentKeyId.get(),
            digest,
            request.contains());
    return registry.issue(run, caller);
  }

  /**
   * The run {@code runId} if {@code caller} may print its labels (same rule as issuing):
   * RUN_NOT_FOUND, BATCH_NOT_FOUND or ACCESS_DENIED otherwise.
   */
  public CodeRun authorisedRun(String runId, Caller caller) {
    caller.requireRole(IssuerAccess.ROLES);
    CodeRun run =
        registry
            .find(runId)
            .orElseThrow(() -> new QrException(QrError.RUN_NOT_FOUND, "run " + runId));
    IssuerAccess.require(caller, facts(run.batchId()));
    return run;
  }

  private BatchFacts facts(String batchId) {
    return batches
        .facts(batchId)
        .orElseThrow(
            () -> new QrException(QrError.BATCH_NOT_FOUND, "batch " + batchId + " not found"));
  }

  private static long nextFree(List<CodeRun> lotRuns, IssueRequest request) {
    long next = 1;
    for (CodeRun run : lotRuns) {
      if (run.runId().equals(request.runId())) {
        return run.range().start();
      }
      if (run.range().level() == request.level()) {
        next = Math.max(next, run.range().end() + 1);
      }
    }
    return next;
  }
}
