package cn.xianglian.chaincode.trace.domain;

import java.time.OffsetDateTime;
import java.util.List;

/** A risk warning on a batch; it is also marked on every descendant ({@code affectedBatchIds}). */
public record Warning(
    String warningId,
    String batchId,
    WarningLevel level,
    String reason,
    String issuer,
    OffsetDateTime issuedAt,
    List<String> affectedBatchIds) {

  public Warning {
    affectedBatchIds = List.copyOf(affectedBatchIds);
  }
}
