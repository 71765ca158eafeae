package cn.xianglian.ledger.embedded;

import java.util.List;

/**
 * What a simulated transaction read and wrote, as Fabric's read-write set: public reads with the
 * version seen (null for an absent key), range reads with the keys they returned, public writes,
 * and for private data the hashed reads and writes that go into the block (the values stay aside).
 */
final class RwSet {

  private RwSet() {}

  record KeyRead(String key, Version version) {}

  /**
   * A range query: keys in {@code [start, end)} (an empty end is unbounded) or, when {@code
   * prefix}, keys starting with {@code start}; {@code exhausted} when the caller read to the end.
   */
  record RangeRead(
      String start, String end, boolean prefix, boolean exhausted, List<KeyRead> reads) {

    RangeRead {
      reads = List.copyOf(reads);
    }

    /** Whether a write to {@code key} would have changed what this query returned. */
    boolean covers(String key) {
      boolean inRange =
          prefix
              ? key.startsWith(start)
              : key.compareTo(start) >= 0 && (end.isEmpty() || key.compareTo(end) < 0);
      if (!inRange) {
        return false;
      }
      if (exhausted) {
        return true;
      }
      return !reads.isEmpty() && key.compareTo(reads.getLast().key()) <= 0;
    }
  }

  record Write(String key, byte[] value, boolean delete) {}

  record PvtRead(String collection, byte[] keyHash, Version version) {}

  record PvtHashedWrite(String collection, byte[] keyHash, byte[] valueHash, boolean delete) {}

  /** A private write with its clear key and value: kept beside the block, never inside it. */
  record PvtWrite(String collection, String key, byte[] value, boolean delete) {}
}
