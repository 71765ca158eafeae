package cn.xianglian.chaincode.trace.domain;

import java.time.OffsetDateTime;
import java.util.List;

/** A recall of a batch and every descendant ({@code affectedBatchIds}, the batch first). */
public record Recall(
    String recallId,
    String batchId,
    String reason,
    RecallLevel level,
    String issuer,
    OffsetDateTime issuedAt,
    List<String> affectedBatchIds) {

  public Recall {
    affectedBatchIds = List.copyOf(affectedBatchIds);
  }
}
