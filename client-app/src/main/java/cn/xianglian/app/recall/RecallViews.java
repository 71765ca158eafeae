package cn.xianglian.app.recall;

import cn.xianglian.app.system.LedgerRef;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Views of warnings and recalls. */
final class RecallViews {

  private RecallViews() {}

  @Schema(name = "WarningView", description = "风险预警")
  record WarningView(
      String warningId,
      String batchId,
      String level,
      String reason,
      String issuer,
      String issuedAt,
      List<String> affectedBatchIds,
      String txId,
      LedgerRef ledger) {}

  @Schema(name = "RecallView", description = "召回 — with every batch it reached")
  record RecallView(
      String recallId,
      String batchId,
      String reason,
      String level,
      String issuer,
      String issuedAt,
      List<String> affectedBatchIds,
      String txId,
      LedgerRef ledger) {}
}
