package cn.xianglian.ledger.embedded;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * The {@link ChaincodeStub} one transaction simulation runs against: reads go to committed state
 * (never to this transaction's own writes, as on a peer) and are recorded with their versions;
 * writes are collected into the read-write set. Missing keys read as an empty array, as the Java
 * shim returns them. Features the embedded peer does not have throw {@link
 * UnsupportedOperationException}.
 */
final class SimulationStub implements ChaincodeStub {

  /** Fabric's upper bound for partial composite key ranges and start of unbounded simple ranges. */
  private static final String UNSPECIFIED_START_KEY = "\u0001";

  /** Who runs what in this simulation. */
  record Invocation(
      String channel,
      String chaincodeName,
      String txId,
      Instant timestamp,
      byte[] creator,
      String mspId,
      String function,
      List<String> arguments,
      Map<String, byte[]> transientData) {}

  private final StateStore store;
  private final Invocation invocation;
  private final TreeMap<String, RwSet.KeyRead> reads = new TreeMap<>();
  private final List<RangeIterator> ranges = new ArrayList<>();
  private final TreeMap<String, RwSet.Write> writes = new TreeMap<>();
  private final TreeMap<String, RwSet.PvtRead> pvtReads = new TreeMap<>();
  private final TreeMap<String, RwSet.PvtWrite> pvtWrites = new TreeMap<>();
  private String eventName;
  private byte[] eventPayload;
  private boolean paginatedQueryPerformed;

  SimulationStub(StateStore store, Invocation invocation) {
    this.store = store;
    this.invocation = invocation;
  }

  /** The simulated transaction, not yet validated, and its clear private writes. */
  record Result(TxRecord transaction, List<RwSet.PvtWrite> privateWrites) {}

  Result result(int status, byte[] payload) {
    var rangeReads = new ArrayList<RwSet.RangeRead>(ranges.size());
    for (RangeIterator range : ranges) {
      rangeReads.add(range.read());
    }
    var hashedWrites = new ArrayList<RwSet.PvtHashedWrite>(pvtWrites.size());
    for (RwSet.PvtWrite write : pvtWrites.values()) {
      hashedWrites.add(
          new RwSet.PvtHashedWrite(
              write.collection(),
              BlockCodec.sha256(write.key()),
              write.delete() ? null : BlockCodec.sha256(write.value()),
              write.delete()));
    }
    var tx =
        new TxRecord(
            invocation.txId(),
            invocation.mspId(),
            null,
            invocation.function(),
            invocation.arguments(),
            invocation.timestamp(),
            null,
            List.copyOf(reads.values()),
            rangeReads,
            List.copyOf(writes.values()),
            List.copyOf(pvtReads.values()),
            hashedWrites,
            eventName,
            eventPayload,
            status,
            payload);
    return new Result(tx, List.copyOf(pvtWrites.values()));
  }

  // --- header ---------------------------------------------------------------------------------

  @Override
  public List<byte[]> getArgs() {
    var args = new ArrayList<byte[]>(invocation.arguments().size() + 1);
    for (String argument : getStringArgs()) {
      args.add(argument.getBytes(StandardCharsets.UTF_8));
    }
    return args;
  }

  @Override
  public List<String> getStringArgs() {
    var args = new ArrayList<String>(invocation.arguments().size() + 1);
    args.add(invocation.function());
    args.addAll(invocation.arguments());
    return args;
  }

  @Override
  public String getFunction() {
    return invocation.function();
  }

  @Override
  public List<String> getParameters() {
    return invocation.arguments();
  }

  @Override
  public String getTxId() {
    return invocation.txId();
  }

  @Override
  public String getChannelId() {
    return invocation.channel();
  }

  @Override
  public Instant getTxTimestamp() {
    return invocation.timestamp();
  }

  @Override
  public byte[] getCreator() {
    return invocation.creator().clone();
  }

  @Override
  public Map<String, byte[]> getTransient() {
    return invocation.transientData();
  }

  /** The MSP of the peer endorsing: the embedded peer acts for the caller's organisation. */
  @Override
  public String getMspId() {
    return invocation.mspId();
  }

  // --- public state ---------------------------------------------------------------------------

  @Override
  public byte[] getState(String key) {
    requireKey(key);
    StateStore.Versioned current = store.get(key);
    reads.putIfAbsent(key, new RwSet.KeyRead(key, current == null ? null : current.version()));
    return current == null ? new byte[0] : current.value();
  }

  @Override
  public void putState(String key, byte[] value) {
    requireKey(key);
    if (value == null) {
      throw new IllegalArgumentException("value for key " + key + " must not be null");
    }
    beforeWrite();
    writes.put(key, new RwSet.Write(key, value.clone(), false));
  }

  @Override
  public void delState(String key) {
    requireKey(key);
    beforeWrite();
    writes.put(key, new RwSet.Write(key, null, true));
  }

  @Override
  public QueryResultsIterator<KeyValue> getStateByRange(String startKey, String endKey) {
    String start = startKey == null || startKey.isEmpty() ? UNSPECIFIED_START_KEY : startKey;
    String end = endKey == null ? "" : endKey;
    CompositeKey.validateSimpleKeys(start, end);
    return range(start, end, false, -1);
  }

  @Override
  public QueryResultsIteratorWithMetadata<KeyValue> getStateByRangeWithPagination(
      String startKey, String endKey, int pageSize, String bookmark) {
    String start = startKey == null || startKey.isEmpty() ? UNSPECIFIED_START_KEY : startKey;
    String end = endKey == null ? "" : endKey;
    CompositeKey.validateSimpleKeys(start, end);
    beforePaginatedQuery();
    RangeIterator page =
        range(bookmark == null || bookmark.isEmpty() ? start : bookmark, end, false, pageSize);
    return page;
  }

  @Override
  public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String compositeKey) {
    CompositeKey key =
        compositeKey != null && compositeKey.startsWith(CompositeKey.NAMESPACE)
            ? CompositeKey.parseCompositeKey(compositeKey)
            : new CompositeKey(compositeKey == null ? "" : compositeKey);
    return getStateByPartialCompositeKey(key);
  }

  @Override
  public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(
      String objectType, String... attributes) {
    return getStateByPartialCompositeKey(new CompositeKey(objectType, attributes));
  }

  @Override
  public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(CompositeKey compositeKey) {
    return range(compositeKey.toString(), "", true, -1);
  }

  @Override
  public QueryResultsIteratorWithMetadata<KeyValue> getStateByPartialCompositeKeyWithPagination(
      CompositeKey compositeKey, int pageSize, String bookmark) {
    beforePaginatedQuery();
    String prefix = compositeKey.toString();
    if (bookmark != null && !bookmark.isEmpty() && !bookmark.startsWith(prefix)) {
      throw new IllegalArgumentException("bookmark " + bookmark + " is outside " + prefix);
    }
    return new RangeIterator(
        prefix, bookmark == null || bookmark.isEmpty() ? prefix : bookmark, "", true, pageSize);
  }

  @Override
  public CompositeKey createCompositeKey(String objectType, String... attributes) {
    return new CompositeKey(objectType, attributes);
  }

  @Override
  public CompositeKey splitCompositeKey(String compositeKey) {
    return CompositeKey.parseCompositeKey(compositeKey);
  }

  @Override
  public QueryResultsIterator<KeyModification> getHistoryForKey(String key) {
    requireKey(key);
    List<KeyModification> modifications = new ArrayList<>();
    for (StateStore.HistoryEntry entry : store.history(key)) {
      modifications.add(new Modification(entry));
    }
    return new ListIterator<>(modifications);
  }

  // --- private data ---------------------------------------------------------------------------

  @Override
  public byte[] getPrivateData(String collection, String key) {
    requireCollection(collection);
    requireKey(key);
    byte[] keyHash = BlockCodec.sha256(key);
    StateStore.Versioned hash = store.privateHash(collection, keyHash);
    pvtReads.putIfAbsent(
        collection + '\0' + key,
        new RwSet.PvtRead(collection, keyHash, hash == null ? null : hash.version()));
    byte[] value = store.privateValue(collection, key);
    return value == null ? new byte[0] : value;
  }

  @Override
  public byte[] getPrivateDataHash(String collection, String key) {
    requireCollection(collection);
    requireKey(key);
    StateStore.Versioned hash = store.privateHash(collection, BlockCodec.sha256(key));
    return hash == null ? new byte[0] : hash.value();
  }

  @Override
  public void putPrivateData(String collection, String key, byte[] value) {
    requireCollection(collection);
    requireKey(key);
    if (value == null) {
      throw new IllegalArgumentException("value for key " + key + " must not be null");
    }
    beforeWrite();
    pvtWrites.put(
        collection + '\0' + key, new RwSet.PvtWrite(collection, key, value.clone(), false));
  }

  @Override
  public void delPrivateData(String collection, String key) {
    requireCollection(collection);
    requireKey(key);
    beforeWrite();
    pvtWrites.put(collection + '\0' + key, new RwSet.PvtWrite(collection, key, null, true));
  }

  /** Deletes the value; the embedded peer keeps no private history, so nothing else remains. */
  @Override
  public void purgePrivateData(String collection, String key) {
    delPrivateData(collection, key);
  }

  @Override
  public QueryResultsIterator<KeyValue> getPrivateDataByRange(
      String collection, String startKey, String endKey) {
    requireCollection(collection);
    String start = startKey == null || startKey.isEmpty() ? UNSPECIFIED_START_KEY : startKey;
    String end = endKey == null ? "" : endKey;
    CompositeKey.validateSimpleKeys(start, end);
    return privateRange(collection, start, key -> end.isEmpty() || key.compareTo(end) < 0);
  }

  @Override
  public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
      String collection, String compositeKey) {
    CompositeKey key =
        compositeKey != null && compositeKey.startsWith(CompositeKey.NAMESPACE)
            ? CompositeKey.parseCompositeKey(compositeKey)
            : new CompositeKey(compositeKey == null ? "" : compositeKey);
    return getPrivateDataByPartialCompositeKey(collection, key);
  }

  @Override
  public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
      String collection, CompositeKey compositeKey) {
    requireCollection(collection);
    String prefix = compositeKey.toString();
    return privateRange(collection, prefix, key -> key.startsWith(prefix));
  }

  @Override
  public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
      String collection, String objectType, String... attributes) {
    return getPrivateDataByPartialCompositeKey(
        collection, new CompositeKey(objectType, attributes));
  }

  // --- events ---------------------------------------------------------------------------------

  @Override
  public void setEvent(String name, byte[] payload) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("event name can not be nil string");
    }
    eventName = name;
    eventPayload = payload == null ? new byte[0] : payload.clone();
  }

  @Override
  public ChaincodeEvent getEvent() {
    if (eventName == null) {
      return null;
    }
    return ChaincodeEvent.newBuilder()
        .setTxId(invocation.txId())
        .setChaincodeId(invocation.chaincodeName())
        .setEventName(eventName)
        .setPayload(com.google.protobuf.ByteString.copyFrom(eventPayload))
        .build();
  }

  // --- not available on the embedded peer -----------------------------------------------------

  @Override
  public Chaincode.Response invokeChaincode(
      String chaincodeName, List<byte[]> args, String channel) {
    throw unsupported("invokeChaincode (chaincode-to-chaincode calls)");
  }

  @Override
  public byte[] getStateValidationParameter(String key) {
    throw unsupported("getStateValidationParameter (key-level endorsement policies)");
  }

  @Override
  public void setStateValidationParameter(String key, byte[] value) {
    throw unsupported("setStateValidationParameter (key-level endorsement policies)");
  }

  @Override
  public byte[] getPrivateDataValidationParameter(String collection, String key) {
    throw unsupported("getPrivateDataValidationParameter (key-level endorsement policies)");
  }

  @Override
  public void setPrivateDataValidationParameter(String collection, String key, byte[] value) {
    throw unsupported("setPrivateDataValidationParameter (key-level endorsement policies)");
  }

  @Override
  public QueryResultsIterator<KeyValue> getQueryResult(String query) {
    throw unsupported("getQueryResult (rich queries need CouchDB; use composite keys)");
  }

  @Override
  public QueryResultsIteratorWithMetadata<KeyValue> getQueryResultWithPagination(
      String query, int pageSize, String bookmark) {
    throw unsupported("getQueryResultWithPagination (rich queries need CouchDB)");
  }

  @Override
  public QueryResultsIterator<KeyValue> getPrivateDataQueryResult(String collection, String query) {
    throw unsupported("getPrivateDataQueryResult (rich queries need CouchDB)");
  }

  @Override
  public SignedProposal getSignedProposal() {
    throw unsupported("getSignedProposal (the embedded peer has no protobuf proposal)");
  }

  @Override
  public byte[] getBinding() {
    throw unsupported("getBinding");
  }

  private static UnsupportedOperationException unsupported(String what) {
    return new UnsupportedOperationException(
        "The embedded ledger does not support " + what + "; run on a Fabric network for it.");
  }

  // --- helpers --------------------------------------------------------------------------------

  private static void requireKey(String key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("key must not be empty");
    }
  }

  private static void requireCollection(String collection) {
    if (collection == null || collection.isEmpty()) {
      throw new IllegalArgumentException("collection must not be empty");
    }
  }

  private void beforeWrite() {
    if (paginatedQueryPerformed) {
      throw new IllegalStateException(
          "txid ["
              + invocation.txId()
              + "]: Transaction has already performed a paginated query. Writes are not allowed");
    }
  }

  private void beforePaginatedQuery() {
    if (!writes.isEmpty() || !pvtWrites.isEmpty()) {
      throw new IllegalStateException(
          "txid ["
              + invocation.txId()
              + "]: Transaction has already performed write(s). Paginated queries are not allowed");
    }
    paginatedQueryPerformed = true;
  }

  private RangeIterator range(String start, String end, boolean prefix, int pageSize) {
    return new RangeIterator(start, start, end, prefix, pageSize);
  }

  private QueryResultsIterator<KeyValue> privateRange(
      String collection, String from, java.util.function.Predicate<String> inRange) {
    var results = new ArrayList<KeyValue>();
    Iterator<Map.Entry<String, byte[]>> source = store.privateFrom(collection, from);
    while (source.hasNext()) {
      var entry = source.next();
      if (!inRange.test(entry.getKey())) {
        break;
      }
      results.add(new Entry(entry.getKey(), entry.getValue()));
    }
    return new ListIterator<>(results);
  }

  /**
   * A range query over committed state that records what it returned. Unpaginated queries are lazy;
   * a page ({@code pageSize > 0}) is read at once so its metadata (count, bookmark = the next key,
   * or empty at the end, as Fabric's LevelDB returns it) is known before iterating.
   */
  private final class RangeIterator
      implements QueryResultsIterator<KeyValue>, QueryResultsIteratorWithMetadata<KeyValue> {

    private final String start;
    private final String end;
    private final boolean prefix;
    private final Iterator<Map.Entry<String, StateStore.Versioned>> source;
    private final List<RwSet.KeyRead> returned = new ArrayList<>();
    private Map.Entry<String, StateStore.Versioned> lookahead;
    private boolean exhausted;
    private List<KeyValue> page;
    private String bookmark = "";
    private boolean iterated;

    RangeIterator(String rangeStart, String from, String end, boolean prefix, int pageSize) {
      this.start = rangeStart;
      this.end = end;
      this.prefix = prefix;
      this.source = store.from(from);
      ranges.add(this);
      if (pageSize > 0) {
        page = new ArrayList<>(Math.min(pageSize, 1024));
        while (page.size() < pageSize && hasMore()) {
          page.add(take());
        }
        if (hasMore()) {
          bookmark = lookahead.getKey();
        }
      }
    }

    private boolean hasMore() {
      if (lookahead != null) {
        return true;
      }
      if (exhausted || !source.hasNext()) {
        exhausted = true;
        return false;
      }
      var entry = source.next();
      String key = entry.getKey();
      boolean inRange = prefix ? key.startsWith(start) : end.isEmpty() || key.compareTo(end) < 0;
      if (!inRange) {
        exhausted = true;
        return false;
      }
      lookahead = entry;
      return true;
    }

    private KeyValue take() {
      if (!hasMore()) {
        throw new NoSuchElementException();
      }
      var entry = lookahead;
      lookahead = null;
      returned.add(new RwSet.KeyRead(entry.getKey(), entry.getValue().version()));
      return new Entry(entry.getKey(), entry.getValue().value());
    }

    RwSet.RangeRead read() {
      return new RwSet.RangeRead(start, end, prefix, exhausted && lookahead == null, returned);
    }

    @Override
    public Iterator<KeyValue> iterator() {
      if (iterated) {
        throw new IllegalStateException("a query result can be iterated only once");
      }
      iterated = true;
      if (page != null) {
        return page.iterator();
      }
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return hasMore();
        }

        @Override
        public KeyValue next() {
          return take();
        }
      };
    }

    @Override
    public QueryResponseMetadata getMetadata() {
      if (page == null) {
        throw new IllegalStateException("metadata exists only for paginated queries");
      }
      return QueryResponseMetadata.newBuilder()
          .setFetchedRecordsCount(page.size())
          .setBookmark(bookmark)
          .build();
    }

    @Override
    public void close() {}
  }

  private static final class ListIterator<T>
      implements QueryResultsIterator<T>, QueryResultsIteratorWithMetadata<T> {
    private final List<T> items;

    ListIterator(List<T> items) {
      this.items = items;
    }

    @Override
    public Iterator<T> iterator() {
      return items.iterator();
    }

    @Override
    public QueryResponseMetadata getMetadata() {
      return QueryResponseMetadata.newBuilder().setFetchedRecordsCount(items.size()).build();
    }

    @Override
    public void close() {}
  }

  private record Entry(String getKey, byte[] getValue) implements KeyValue {
    @Override
    public String getStringValue() {
      return new String(getValue, StandardCharsets.UTF_8);
    }
  }

  private record Modification(StateStore.HistoryEntry entry) implements KeyModification {
    @Override
    public String getTxId() {
      return entry.txId();
    }

    @Override
    public byte[] getValue() {
      return entry.value();
    }

    @Override
    public String getStringValue() {
      return new String(entry.value(), StandardCharsets.UTF_8);
    }

    @Override
    public Instant getTimestamp() {
      return entry.timestamp();
    }

    @Override
    public boolean isDeleted() {
      return entry.deleted();
    }
  }
}
