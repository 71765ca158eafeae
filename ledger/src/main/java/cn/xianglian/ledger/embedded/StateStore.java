package cn.xianglian.ledger.embedded;

import cn.xianglian.ledger.TransactionInfo;
import cn.xianglian.ledger.ValidationCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * World state, key history, private data and the transaction index, on disk in one H2 MVStore.
 *
 * <p>A state value is stored with its version (block, transaction) in front. The store records the
 * last block it applied (the savepoint, written in the same MVStore commit as that block's
 * effects); MVStore commits in the background, so after a crash the store is consistent as of some
 * earlier block and {@link EmbeddedLedger} replays the blocks after the savepoint. Applying a block
 * is idempotent, so replaying a block that was partly committed is harmless.
 */
final class StateStore implements AutoCloseable {

  private static final HexFormat HEX = HexFormat.of();

  /** A value with the version that wrote it. */
  record Versioned(Version version, byte[] value) {}

  /** One entry of a key's history. */
  record HistoryEntry(String txId, Instant timestamp, boolean deleted, byte[] value) {}

  private final MVStore store;
  private final MVMap<String, byte[]> state;
  private final MVMap<String, byte[]> history;
  private final MVMap<String, byte[]> privateData;
  private final MVMap<String, byte[]> privateHashes;
  private final MVMap<String, byte[]> transactions;
  private final MVMap<String, Long> meta;

  StateStore(Path file, int cacheMegabytes) {
    store =
        new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMegabytes).compress().open();
    state = store.openMap("state");
    history = store.openMap("history");
    privateData = store.openMap("private");
    privateHashes = store.openMap("privateHashes");
    transactions = store.openMap("transactions");
    meta = store.openMap("meta");
  }

  /** The last block applied, or -1. */
  long savepoint() {
    Long value = meta.get("savepoint");
    return value == null ? -1 : value;
  }

  Versioned get(String key) {
    return versioned(state.get(key));
  }

  /** Public state entries with keys {@code >= from}, ascending. */
  Iterator<Map.Entry<String, Versioned>> from(String from) {
    Cursor<String, byte[]> cursor = state.cursor(from);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return cursor.hasNext();
      }

      @Override
      public Map.Entry<String, Versioned> next() {
        String key = cursor.next();
        return Map.entry(key, versioned(cursor.getValue()));
      }
    };
  }

  /** The history of a key, newest first (as Fabric 2.x returns it). */
  List<HistoryEntry> history(String key) {
    String prefix = historyPrefix(key);
    var entries = new ArrayList<HistoryEntry>();
    Cursor<String, byte[]> cursor = history.cursor(prefix);
    while (cursor.hasNext()) {
      String historyKey = cursor.next();
      if (!historyKey.startsWith(prefix)) {
        break;
      }
      entries.add(historyEntry(cursor.getValue()));
    }
    return entries.reversed();
  }

  byte[] privateValue(String collection, String key) {
    return privateData.get(collection + '\0' + key);
  }

  /** Private entries of a collection with keys {@code >= from}, ascending (clear keys). */
  Iterator<Map.Entry<String, byte[]>> privateFrom(String collection, String from) {
    String prefix = collection + '\0';
    Cursor<String, byte[]> cursor = privateData.cursor(prefix + from);
    return new Iterator<>() {
      private String nextKey = advance();

      private String advance() {
        if (!cursor.hasNext()) {
          return null;
        }
        String key = cursor.next();
        return key.startsWith(prefix) ? key : null;
      }

      @Override
      public boolean hasNext() {
        return nextKey != null;
      }

      @Override
      public Map.Entry<String, byte[]> next() {
        var entry = Map.entry(nextKey.substring(prefix.length()), cursor.getValue());
        nextKey = advance();
        return entry;
      }
    };
  }

  /** The hash of a private value and its version, by the hash of its key. */
  Versioned privateHash(String collection, byte[] keyHash) {
    return versioned(privateHashes.get(collection + '\0' + HEX.formatHex(keyHash)));
  }

  Optional<TransactionInfo> transaction(String txId) {
    byte[] bytes = transactions.get(txId);
    if (bytes == null) {
      return Optional.empty();
    }
    try (var in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      long block = in.readLong();
      int index = in.readInt();
      ValidationCode code = ValidationCode.valueOf(in.readUTF());
      String msp = in.readUTF();
      Instant timestamp = Instant.ofEpochSecond(in.readLong(), in.readInt());
      String function = in.readUTF();
      return Optional.of(new TransactionInfo(txId, block, index, code, msp, timestamp, function));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean knows(String txId) {
    return transactions.containsKey(txId);
  }

  /** Applies the effects of a block's valid transactions and moves the savepoint to it. */
  void apply(Block block) {
    List<TxRecord> txs = block.transactions();
    for (int index = 0; index < txs.size(); index++) {
      TxRecord tx = txs.get(index);
      if (tx.validationCode() != ValidationCode.DUPLICATE_TXID) {
        transactions.put(tx.txId(), info(block.number(), index, tx));
      }
      if (!tx.valid()) {
        continue;
      }
      Version version = new Version(block.number(), index);
      for (RwSet.Write write : tx.writes()) {
        if (write.delete()) {
          state.remove(write.key());
        } else {
          state.put(write.key(), withVersion(version, write.value()));
        }
        history.put(historyKey(write.key(), version), historyValue(tx, write));
      }
      for (RwSet.PvtWrite write : block.privateWrites().getOrDefault(index, List.of())) {
        String key = write.collection() + '\0' + write.key();
        String hashKey = write.collection() + '\0' + HEX.formatHex(BlockCodec.sha256(write.key()));
        if (write.delete()) {
          privateData.remove(key);
          privateHashes.remove(hashKey);
        } else {
          privateData.put(key, write.value());
          privateHashes.put(hashKey, withVersion(version, BlockCodec.sha256(write.value())));
        }
      }
    }
    meta.put("savepoint", block.number());
  }

  /** Forces an MVStore commit (used on close and by tests). */
  void commit() {
    store.commit();
  }

  @Override
  public void close() {
    store.close();
  }

  private static byte[] withVersion(Version version, byte[] value) {
    return ByteBuffer.allocate(12 + value.length)
        .putLong(version.block())
        .putInt(version.tx())
        .put(value)
        .array();
  }

  private static Versioned versioned(byte[] stored) {
    if (stored == null) {
      return null;
    }
    ByteBuffer buffer = ByteBuffer.wrap(stored);
    return new Versioned(
        new Version(buffer.getLong(), buffer.getInt()),
        Arrays.copyOfRange(stored, 12, stored.length));
  }

  /** Length-prefixed so that one key's entries are contiguous and no key is a prefix of another. */
  private static String historyPrefix(String key) {
    return HEX.toHexDigits(key.length()) + key;
  }

  private static String historyKey(String key, Version version) {
    return historyPrefix(key) + HEX.toHexDigits(version.block()) + HEX.toHexDigits(version.tx());
  }

  private static byte[] historyValue(TxRecord tx, RwSet.Write write) {
    var bytes = new ByteArrayOutputStream(64 + (write.value() == null ? 0 : write.value().length));
    try (var out = new DataOutputStream(bytes)) {
      out.writeUTF(tx.txId());
      out.writeLong(tx.timestamp().getEpochSecond());
      out.writeInt(tx.timestamp().getNano());
      out.writeBoolean(write.delete());
      byte[] value = write.delete() || write.value() == null ? new byte[0] : write.value();
      out.writeInt(value.length);
      out.write(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static HistoryEntry historyEntry(byte[] bytes) {
    try (var in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      String txId = in.readUTF();
      Instant timestamp = Instant.ofEpochSecond(in.readLong(), in.readInt());
      boolean deleted = in.readBoolean();
      byte[] value = in.readNBytes(in.readInt());
      return new HistoryEntry(txId, timestamp, deleted, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] info(long block, int index, TxRecord tx) {
    var bytes = new ByteArrayOutputStream(128);
    try (var out = new DataOutputStream(bytes)) {
      out.writeLong(block);
      out.writeInt(index);
      out.writeUTF(tx.validationCode().name());
      out.writeUTF(tx.creatorMspId());
      out.writeLong(tx.timestamp().getEpochSecond());
      out.writeInt(tx.timestamp().getNano());
      out.writeUTF(tx.function());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
