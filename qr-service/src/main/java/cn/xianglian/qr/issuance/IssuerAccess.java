package cn.xianglian.qr.issuance;

import cn.xianglian.qr.Caller;
import cn.xianglian.qr.QrError;
import cn.xianglian.qr.QrException;

/**
 * Who may issue and print the codes of a batch, the rule the code contract applies to {@code
 * issueRun} (docs/contract-code.md): the {@code producer} that owns the batch, or a {@code labeler}
 * whose region scope covers the batch's origin. Nobody else, whatever the ledger would let them
 * read: printing labels is making genuine codes.
 */
public final class IssuerAccess {

  /** Roles that may issue runs at all (the checks below then look at the batch). */
  public static final String[] ROLES = {"producer", "labeler"};

  private IssuerAccess() {}

  /** ACCESS_DENIED unless {@code caller} may issue and print codes of {@code batch}. */
  public static void require(Caller caller, BatchFacts batch) {
    caller.requireRole(ROLES);
    if (caller.hasRole("producer") && !caller.party().equals(batch.owner())) {
      throw new QrException(
          QrError.ACCESS_DENIED, caller.party() + " does not own batch " + batch.batchId());
    }
    if (caller.hasRole("labeler") && !caller.covers(batch.originRegion())) {
      throw new QrException(
          QrError.ACCESS_DENIED,
          "batch "
              + batch.batchId()
              + " (region "
              + batch.originRegion()
              + ") is outside the labeler's region scope "
              + caller.scope());
    }
  }
}
