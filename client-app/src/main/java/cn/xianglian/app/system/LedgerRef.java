package cn.xianglian.app.system;

import cn.xianglian.ledger.TransactionInfo;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * Where a record was written: the transaction, the block holding it, when the client signed it and
 * the organisation (MSP) whose member signed it.
 */
@Schema(description = "账本位置 — where a record was committed on the ledger")
public record LedgerRef(
    @Schema(description = "Fabric transaction id", example = "9f2c…") String txId,
    @Schema(description = "block number holding the transaction", example = "12") long blockNumber,
    @Schema(description = "transaction timestamp (client header)") Instant timestamp,
    @Schema(description = "MSP id of the signing organisation", example = "CoopOrgMSP")
        String mspId,
    @Schema(description = "whether the transaction was committed as valid") boolean valid) {

  static LedgerRef of(TransactionInfo info) {
    return new LedgerRef(
        info.txId(), info.blockNumber(), info.timestamp(), info.creatorMspId(), info.valid());
  }
}
