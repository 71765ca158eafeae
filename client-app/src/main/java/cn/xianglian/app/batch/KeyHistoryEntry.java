package cn.xianglian.app.batch;

import cn.xianglian.app.system.LedgerRef;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/** One version of the batch record in Fabric's key history. */
@Schema(description = "键历史 — one committed version of the batch record")
public record KeyHistoryEntry(
    String txId,
    String timestamp,
    Boolean isDelete,
    Map<String, Object> value,
    @Schema(description = "block number, timestamp and signing MSP of txId") LedgerRef ledger) {}
