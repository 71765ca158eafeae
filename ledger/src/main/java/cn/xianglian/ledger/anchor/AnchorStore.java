package cn.xianglian.ledger.anchor;

import java.util.List;
import java.util.Optional;

/**
 * Where the anchoring service keeps its anchor records with their leaves (port), the local leaf
 * cache that proofs are built from: {@link FileAnchorStore} or {@link InMemoryAnchorStore}. The
 * records themselves (without leaves) are also written on the Fabric ledger through an {@link
 * AnchorRecorder}. Records are appended in block order and never changed.
 */
public interface AnchorStore {

  /** The first Fabric block not covered by a record ({@code firstBlock} when empty). */
  long nextBlock();

  /** Appends a record; its range must start at {@link #nextBlock()}. */
  void append(AnchorRecord record);

  /** The record whose checkpoint holds transaction {@code txId}. */
  Optional<AnchorRecord> byTxId(String txId);

  /** The record whose checkpoint holds the disclosure leaf of publication {@code publicationId}. */
  Optional<AnchorRecord> byPublicationId(String publicationId);

  /** All records, in block order. */
  List<AnchorRecord> records();
}
