package cn.xianglian.ledger.anchor;

import java.util.List;
import java.util.Optional;

/**
 * Where the anchoring service keeps its anchor records (port). Until the anchor records are written
 * back on the Fabric ledger (docs/contract-anchor.md), {@link InMemoryAnchorStore} serves. Records
 * are appended in block order and never changed.
 */
public interface AnchorStore {

  /** The first Fabric block not covered by a record ({@code firstBlock} when empty). */
  long nextBlock();

  /** Appends a record; its range must start at {@link #nextBlock()}. */
  void append(AnchorRecord record);

  /** The record whose checkpoint holds transaction {@code txId}. */
  Optional<AnchorRecord> byTxId(String txId);

  /** All records, in block order. */
  List<AnchorRecord> records();
}
