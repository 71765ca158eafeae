package cn.xianglian.chaincode.common;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * The stub as contracts use it: typed keys from {@link KeyCodec} only, canonical JSON values only.
 */
public final class LedgerState {

  /** Value of an index entry: Fabric treats an empty value as a delete. */
  private static final byte[] INDEX_VALUE = {0};

  private final ChaincodeStub stub;

  public LedgerState(ChaincodeStub stub) {
    this.stub = stub;
  }

  public <T> Optional<T> read(LedgerKey key, Class<T> type) {
    return bytes(key).map(bytes -> CanonicalJson.fromState(bytes, type));
  }

  public Optional<byte[]> bytes(LedgerKey key) {
    byte[] bytes = stub.getState(key.value());
    return bytes == null || bytes.length == 0 ? Optional.empty() : Optional.of(bytes);
  }

  public boolean exists(LedgerKey key) {
    return bytes(key).isPresent();
  }

  public void write(LedgerKey key, Object record) {
    stub.putState(key.value(), CanonicalJson.bytes(record));
  }

  public void writeIndex(LedgerKey key) {
    stub.putState(key.value(), INDEX_VALUE.clone());
  }

  public void writePrivate(String collection, LedgerKey key, byte[] value) {
    stub.putPrivateData(collection, key.value(), value);
  }

  public void event(String name, Object payload) {
    stub.setEvent(name, CanonicalJson.bytes(payload));
  }

  /** Every entry of {@code type} whose key starts with {@code leading} attributes, in key order. */
  public List<Entry> list(ObjectType type, String... leading) {
    List<Entry> entries = new ArrayList<>();
    try (QueryResultsIterator<KeyValue> results =
        stub.getStateByPartialCompositeKey(KeyCodec.partial(type, leading))) {
      for (KeyValue kv : results) {
        entries.add(new Entry(KeyCodec.parse(type, kv.getKey()), kv.getValue()));
      }
    }
    return entries;
  }

  /** One page of entries of {@code type} under {@code leading}, from {@code bookmark}. */
  public Page page(ObjectType type, int pageSize, String bookmark, String... leading) {
    List<Entry> entries = new ArrayList<>();
    try (QueryResultsIteratorWithMetadata<KeyValue> results =
        stub.getStateByPartialCompositeKeyWithPagination(
            KeyCodec.partial(type, leading), pageSize, bookmark == null ? "" : bookmark)) {
      for (KeyValue kv : results) {
        entries.add(new Entry(KeyCodec.parse(type, kv.getKey()), kv.getValue()));
      }
      QueryResponseMetadata metadata = results.getMetadata();
      String next = metadata == null ? "" : metadata.getBookmark();
      return new Page(entries, next);
    }
  }

  /** The committed history of one key, as the peer's history database holds it. */
  public List<Change> history(LedgerKey key) {
    List<Change> changes = new ArrayList<>();
    try (QueryResultsIterator<KeyModification> results = stub.getHistoryForKey(key.value())) {
      for (KeyModification change : results) {
        changes.add(
            new Change(
                change.getTxId(), change.getTimestamp(), change.isDeleted(), change.getValue()));
      }
    }
    return changes;
  }

  /** A listed key and its value. */
  public record Entry(LedgerKey key, byte[] value) {}

  /** A page of entries and the bookmark of the next page ("" when none). */
  public record Page(List<Entry> entries, String bookmark) {
    public Page {
      entries = List.copyOf(entries);
    }
  }

  /** One modification of a key. */
  public record Change(String txId, Instant timestamp, boolean deleted, byte[] value) {}
}
