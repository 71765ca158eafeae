package cn.xianglian.app.batch;

import cn.xianglian.app.system.LedgerRef;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A batch as the ledger holds it, with where its creation was committed. */
@Schema(description = "批次 — a batch and its lineage")
public record BatchView(
    String batchId,
    ProductDto product,
    QuantityDto quantity,
    QuantityDto originalQuantity,
    LocationDto origin,
    String productionType,
    String producedAt,
    String producerId,
    @Schema(description = "owning party <mspId>/<partyId>") String owner,
    String pendingOwner,
    @Schema(allowableValues = {"ACTIVE", "IN_TRANSIT", "CONSUMED", "RECALLED"}) String status,
    @Schema(description = "CBV disposition") String disposition,
    List<String> parents,
    List<String> children,
    List<String> recallIds,
    List<String> warningIds,
    List<String> certificateNos,
    Integer eventCount,
    String createdTxId,
    String createdAt,
    @Schema(description = "block, time and MSP of the creating transaction") LedgerRef ledger) {}
