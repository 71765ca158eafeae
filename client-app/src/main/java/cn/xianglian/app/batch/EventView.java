package cn.xianglian.app.batch;

import cn.xianglian.app.system.LedgerRef;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** One event of a batch's history, with the transaction that recorded it. */
@Schema(description = "事件 — one EPCIS-shaped event with its ledger transaction")
public record EventView(
    String eventId,
    String batchId,
    Integer seq,
    @Schema(allowableValues = {"ObjectEvent", "AggregationEvent", "TransformationEvent"})
        String type,
    @Schema(allowableValues = {"ADD", "OBSERVE", "DELETE"}) String action,
    String bizStep,
    String disposition,
    String eventTime,
    LocationDto readPoint,
    LocationDto bizLocation,
    QuantityDto quantity,
    List<Part> inputs,
    List<Part> outputs,
    Map<String, Object> detail,
    String recorder,
    String recorderMsp,
    String txId,
    String recordTime,
    @Schema(description = "block number, timestamp and signing MSP of txId") LedgerRef ledger) {

  /** An input or output batch of a transformation. */
  public record Part(String batchId, ProductDto product, QuantityDto quantity) {}
}
