package cn.xianglian.chaincode.trace.domain;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An EPCIS-style event on a batch. {@code batchId} and {@code seq} name its primary batch and its
 * position there; transformation events are also listed under every input and output batch.
 */
public record TraceEvent(
    String eventId,
    String batchId,
    long seq,
    EventType type,
    EventAction action,
    BizStep bizStep,
    Disposition disposition,
    OffsetDateTime eventTime,
    Location readPoint,
    Location bizLocation,
    Quantity quantity,
    List<BatchQuantity> inputs,
    List<BatchQuantity> outputs,
    EventDetail detail,
    String recorder,
    String recorderMsp,
    String txId,
    OffsetDateTime recordTime) {

  public TraceEvent {
    inputs = inputs == null ? null : List.copyOf(inputs);
    outputs = outputs == null ? null : List.copyOf(outputs);
  }
}
