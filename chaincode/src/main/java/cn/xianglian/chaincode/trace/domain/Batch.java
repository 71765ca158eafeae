package cn.xianglian.chaincode.trace.domain;

import cn.xianglian.chaincode.domain.Tx;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A lot of produce with its current quantity, owner, status and lineage. Immutable: every change
 * gives a new value ({@code with…}), which the contract writes back.
 */
public record Batch(
    String batchId,
    ProductClass product,
    Quantity quantity,
    Quantity originalQuantity,
    Location origin,
    ProductionType productionType,
    OffsetDateTime producedAt,
    String producerId,
    String owner,
    String pendingOwner,
    BatchStatus status,
    Disposition disposition,
    List<String> parents,
    List<String> children,
    List<String> recallIds,
    List<String> warningIds,
    List<String> certificateNos,
    long eventCount,
    String createdTxId,
    OffsetDateTime createdAt) {

  public Batch {
    parents = List.copyOf(parents);
    children = List.copyOf(children);
    recallIds = List.copyOf(recallIds);
    warningIds = List.copyOf(warningIds);
    certificateNos = List.copyOf(certificateNos);
  }

  /** A new batch with no lineage, events or marks. */
  static Batch created(
      String batchId,
      ProductClass product,
      Quantity quantity,
      Location origin,
      ProductionType productionType,
      OffsetDateTime producedAt,
      String producerId,
      String owner,
      List<String> parents,
      Tx tx) {
    return new Batch(
        batchId,
        product,
        quantity,
        quantity,
        origin,
        productionType,
        producedAt,
        producerId,
        owner,
        null,
        BatchStatus.ACTIVE,
        Disposition.ACTIVE,
        parents,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        0,
        tx.txId(),
        tx.time());
  }

  Batch withQuantity(Quantity newQuantity) {
    BatchStatus newStatus =
        newQuantity.amountIsZero() && status == BatchStatus.ACTIVE ? BatchStatus.CONSUMED : status;
    Disposition newDisposition =
        newStatus == BatchStatus.CONSUMED ? Disposition.CONSUMED : disposition;
    return new Batch(
        batchId,
        product,
        newQuantity,
        originalQuantity,
        origin,
        productionType,
        producedAt,
        producerId,
        owner,
        pendingOwner,
        newStatus,
        newDisposition,
        parents,
        children,
        recallIds,
        warningIds,
        certificateNos,
        eventCount,
        createdTxId,
        createdAt);
  }

  Batch withDisposition(Disposition newDisposition) {
    return new Batch(
        batchId,
        product,
        quantity,
        originalQuantity,
        origin,
        productionType,
        producedAt,
        producerId,
        owner,
        pendingOwner,
        status,
        newDisposition,
        parents,
        children,
        recallIds,
        warningIds,
        certificateNos,
        eventCount,
        createdTxId,
        createdAt);
  }

  Batch withOwnership(
      String newOwner, String newPendingOwner, BatchStatus newStatus, Disposition newDisp) {
    return new Batch(
        batchId,
        product,
        quantity,
        originalQuantity,
        origin,
        productionType,
        producedAt,
        producerId,
        newOwner,
        newPendingOwner,
        newStatus,
        newDisp,
        parents,
        children,
        recallIds,
        warningIds,
        certificateNos,
        eventCount,
        createdTxId,
        createdAt);
  }

  Batch withChildren(List<String> newChildren) {
    return new Batch(
        batchId,
        product,
        quantity,
        originalQuantity,
        origin,
        productionType,
        producedAt,
        producerId,
        owner,
        pendingOwner,
        status,
        disposition,
        parents,
        appended(children, newChildren),
        recallIds,
        warningIds,
        certificateNos,
        eventCount,
        createdTxId,
        createdAt);
  }

  Batch recalled(String recallId) {
    return new Batch(
        batchId,
        product,
        quantity,
        originalQuantity,
        origin,
        productionType,
        producedAt,
        producerId,
        owner,
        pendingOwner,
        BatchStatus.RECALLED,
        Disposition.RECALLED,
        parents,
        children,
        appended(recallIds, List.of(recallId)),
        warningIds,
        certificateNos,
        eventCount,
        createdTxId,
        createdAt);
  }

  Batch warned(String warningId) {
    return new Batch(
        batchId,
        product,
        quantity,
        originalQuantity,
        origin,
        productionType,
        producedAt,
        producerId,
        owner,
        pendingOwner,
        status,
        disposition,
        parents,
        children,
        recallIds,
        appended(warningIds, List.of(warningId)),
        certificateNos,
        eventCount,
        createdTxId,
        createdAt);
  }

  Batch certified(String certificateNo) {
    return new Batch(
        batchId,
        product,
        quantity,
        originalQuantity,
        origin,
        productionType,
        producedAt,
        producerId,
        owner,
        pendingOwner,
        status,
        disposition,
        parents,
        children,
        recallIds,
        warningIds,
        appended(certificateNos, List.of(certificateNo)),
        eventCount,
        createdTxId,
        createdAt);
  }

  /** This batch with one more event; the event's position in it is the old {@link #eventCount}. */
  Batch withEvent() {
    return new Batch(
        batchId,
        product,
        quantity,
        originalQuantity,
        origin,
        productionType,
        producedAt,
        producerId,
        owner,
        pendingOwner,
        status,
        disposition,
        parents,
        children,
        recallIds,
        warningIds,
        certificateNos,
        Math.addExact(eventCount, 1),
        createdTxId,
        createdAt);
  }

  private static List<String> appended(List<String> list, List<String> more) {
    List<String> copy = new ArrayList<>(list);
    copy.addAll(more);
    return copy;
  }
}
