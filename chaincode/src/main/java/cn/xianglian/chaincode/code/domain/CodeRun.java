package cn.xianglian.chaincode.code.domain;

import java.time.OffsetDateTime;

/** A code run as stored and returned: one batch's consecutive serial range at one level. */
public record CodeRun(
    String runId,
    String batchId,
    RunProduct product,
    String lot,
    Level level,
    long serialStart,
    long serialEnd,
    long count,
    String keyId,
    String digest,
    Contains contains,
    String issuer,
    String issuerMsp,
    OffsetDateTime issuedAt,
    String txId) {

  /** True when this run was issued with exactly the fields of {@code command}. */
  public boolean sameContentAs(IssueRun command) {
    return runId.equals(command.runId())
        && batchId.equals(command.batchId())
        && product.equals(command.product())
        && lot.equals(command.lot())
        && level == command.level()
        && serialStart == command.serialStart()
        && serialEnd == command.serialEnd()
        && keyId.equals(command.keyId())
        && digest.equals(command.digest())
        && java.util.Objects.equals(contains, command.contains());
  }

  /** True when the serial ranges of the two runs intersect. */
  public boolean overlaps(long start, long end) {
    return serialStart <= end && start <= serialEnd;
  }
}
