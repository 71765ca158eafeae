package cn.xianglian.chaincode.trace;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xianglian.ledger.Identity;
import com.google.protobuf.ByteString;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * A world state in memory behind a {@link ChaincodeStub} proxy, for driving the contract directly.
 * It asserts the key discipline: every key reaching the stub is a composite key (starts with {@code
 * \u0000}) and no value is empty. Writes of one call are buffered and applied only when the call
 * returns normally, as a peer would (a rejected proposal writes nothing).
 */
public final class InMemoryStub implements InvocationHandler {

  private final NavigableMap<String, byte[]> state = new TreeMap<>();
  private final Map<String, List<byte[]>> history = new LinkedHashMap<>();
  private final Map<String, byte[]> privateData = new TreeMap<>();
  private final Map<String, byte[]> pending = new LinkedHashMap<>();
  private final Map<String, byte[]> pendingPrivate = new LinkedHashMap<>();
  private final List<String> keysSeen = new ArrayList<>();
  private String eventName;
  private Identity caller;
  private Map<String, byte[]> transientData = Map.of();
  private int tx;

  /** A stub for one call by {@code caller}; {@link #commit()} applies its writes. */
  public ChaincodeStub call(Identity caller, Map<String, byte[]> transientData) {
    this.caller = caller;
    this.transientData = transientData;
    this.eventName = null;
    pending.clear();
    pendingPrivate.clear();
    tx++;
    return (ChaincodeStub)
        Proxy.newProxyInstance(
            ChaincodeStub.class.getClassLoader(), new Class<?>[] {ChaincodeStub.class}, this);
  }

  public void commit() {
    pending.forEach(
        (key, value) -> {
          state.put(key, value);
          history.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        });
    privateData.putAll(pendingPrivate);
    pending.clear();
    pendingPrivate.clear();
  }

  public int pendingWrites() {
    return pending.size() + pendingPrivate.size();
  }

  public String eventName() {
    return eventName;
  }

  public List<String> keysSeen() {
    return keysSeen;
  }

  public Map<String, byte[]> privateData() {
    return privateData;
  }

  public NavigableMap<String, byte[]> state() {
    return state;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) {
    return switch (method.getName()) {
      case "getState" -> state.get(key(args[0]));
      case "putState" -> {
        assertThat((byte[]) args[1]).as("value of %s", args[0]).isNotEmpty();
        pending.put(key(args[0]), (byte[]) args[1]);
        yield null;
      }
      case "putPrivateData" -> {
        assertThat((String) args[0]).isEqualTo("xlPersonalData");
        pendingPrivate.put(key(args[1]), (byte[]) args[2]);
        yield null;
      }
      case "getStateByPartialCompositeKey" -> iterator(scan(key(args[0].toString()), "", 0));
      case "getStateByPartialCompositeKeyWithPagination" ->
          page(key(args[0].toString()), (Integer) args[1], (String) args[2]);
      case "getHistoryForKey" -> history(key(args[0]));
      case "setEvent" -> {
        eventName = (String) args[0];
        yield null;
      }
      case "getTxId" -> "tx" + tx;
      case "getTxTimestamp" -> Instant.parse("2026-05-02T02:00:00Z").plusSeconds(tx);
      case "getCreator" -> creator();
      case "getMspId" -> "CountyOrgMSP";
      case "getTransient" -> transientData;
      case "getChannelId" -> "xifeng";
      case "toString" -> "InMemoryStub";
      case "hashCode" -> System.identityHashCode(proxy);
      case "equals" -> proxy == args[0];
      default -> throw new UnsupportedOperationException(method.getName());
    };
  }

  private String key(Object key) {
    String text = (String) key;
    keysSeen.add(text);
    assertThat(text).as("key reaching the stub").startsWith(CompositeKey.NAMESPACE);
    return text;
  }

  private List<KeyValue> scan(String prefix, String bookmark, int limit) {
    List<KeyValue> found = new ArrayList<>();
    String from = bookmark.isEmpty() ? prefix : bookmark;
    for (var entry : state.tailMap(from, true).entrySet()) {
      if (!entry.getKey().startsWith(prefix) || (limit > 0 && found.size() == limit + 1)) {
        break;
      }
      found.add(keyValue(entry.getKey(), entry.getValue()));
    }
    return found;
  }

  private Object page(String prefix, int pageSize, String bookmark) {
    List<KeyValue> found = scan(prefix, bookmark, pageSize);
    String next = found.size() > pageSize ? found.get(pageSize).getKey() : "";
    List<KeyValue> page = found.subList(0, Math.min(pageSize, found.size()));
    QueryResponseMetadata metadata =
        QueryResponseMetadata.newBuilder()
            .setBookmark(next)
            .setFetchedRecordsCount(page.size())
            .build();
    return new QueryResultsIteratorWithMetadata<KeyValue>() {
      @Override
      public QueryResponseMetadata getMetadata() {
        return metadata;
      }

      @Override
      public void close() {}

      @Override
      public Iterator<KeyValue> iterator() {
        return page.iterator();
      }
    };
  }

  private QueryResultsIterator<KeyModification> history(String key) {
    List<KeyModification> changes = new ArrayList<>();
    for (byte[] value : history.getOrDefault(key, List.of())) {
      changes.add(
          new KeyModification() {
            @Override
            public String getTxId() {
              return "tx";
            }

            @Override
            public byte[] getValue() {
              return value;
            }

            @Override
            public String getStringValue() {
              return new String(value, StandardCharsets.UTF_8);
            }

            @Override
            public Instant getTimestamp() {
              return Instant.parse("2026-05-02T02:00:00Z");
            }

            @Override
            public boolean isDeleted() {
              return false;
            }
          });
    }
    return iterator(changes);
  }

  private static <T> QueryResultsIterator<T> iterator(List<T> items) {
    return new QueryResultsIterator<T>() {
      @Override
      public void close() {}

      @Override
      public Iterator<T> iterator() {
        return items.iterator();
      }
    };
  }

  private static KeyValue keyValue(String key, byte[] value) {
    return new KeyValue() {
      @Override
      public String getKey() {
        return key;
      }

      @Override
      public byte[] getValue() {
        return value;
      }

      @Override
      public String getStringValue() {
        return new String(value, StandardCharsets.UTF_8);
      }
    };
  }

  private byte[] creator() {
    return SerializedIdentity.newBuilder()
        .setMspid(caller.mspId())
        .setIdBytes(ByteString.copyFromUtf8(caller.certificatePem()))
        .build()
        .toByteArray();
  }
}
