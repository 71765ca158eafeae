package cn.xianglian.ledger.anchor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An {@link AnchorStore} in memory: records in a list, a map from transaction id to record. */
public final class InMemoryAnchorStore implements AnchorStore {

  private final long firstBlock;
  private final List<AnchorRecord> records = new ArrayList<>();
  private final Map<String, AnchorRecord> byTxId = new HashMap<>();
  private final Map<String, AnchorRecord> byPublication = new HashMap<>();

  public InMemoryAnchorStore(long firstBlock) {
    this.firstBlock = firstBlock;
  }

  @Override
  public synchronized long nextBlock() {
    return records.isEmpty() ? firstBlock : records.getLast().checkpoint().toBlock() + 1;
  }

  @Override
  public synchronized void append(AnchorRecord record) {
    long expected = nextBlock();
    if (record.checkpoint().fromBlock() != expected) {
      throw new IllegalArgumentException(
          "record starts at block " + record.checkpoint().fromBlock() + ", expected " + expected);
    }
    records.add(record);
    for (TxLeaf leaf : record.checkpoint().leaves()) {
      if (leaf.isDisclosure()) {
        byPublication.put(leaf.disclosure().publicationId(), record);
      } else {
        byTxId.put(leaf.txId(), record);
      }
    }
  }

  @Override
  public synchronized Optional<AnchorRecord> byPublicationId(String publicationId) {
    return Optional.ofNullable(byPublication.get(publicationId));
  }

  @Override
  public synchronized Optional<AnchorRecord> byTxId(String txId) {
    return Optional.ofNullable(byTxId.get(txId));
  }

  @Override
  public synchronized List<AnchorRecord> records() {
    return List.copyOf(records);
  }
}
