package cn.xianglian.ledger.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.logging.Logger;

/**
 * The append-only block file. Every block is one checksummed record (see {@link BlockCodec}),
 * forced to disk before {@link #append} returns when fsync is on.
 *
 * <p>{@link #open} re-reads the file and verifies every record and the hash chain. A damaged record
 * with no valid record after it is a torn write of the last block (a crash mid-append: it was never
 * acknowledged) and is cut off; damage followed by a valid record, or a record whose checksum holds
 * but whose hashes do not, is corruption and the file is refused.
 */
final class BlockFile implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(BlockFile.class.getName());
  private static final int MAX_SECTION = 512 * 1024 * 1024;

  private final Path path;
  private final FileChannel channel;
  private final boolean fsync;
  private long[] offsets = new long[1024];
  private volatile int count;
  private long end;
  private byte[] lastHash = BlockCodec.GENESIS_PREVIOUS_HASH;

  private BlockFile(Path path, FileChannel channel, boolean fsync) {
    this.path = path;
    this.channel = channel;
    this.fsync = fsync;
  }

  static BlockFile open(Path path, boolean fsync) throws IOException, CorruptBlockException {
    FileChannel channel =
        FileChannel.open(
            path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    var file = new BlockFile(path, channel, fsync);
    try {
      file.lock();
      file.recover();
    } catch (IOException | CorruptBlockException | RuntimeException e) {
      channel.close();
      throw e;
    }
    return file;
  }

  /** One writer per block file: a second ledger on the same directory must not cut its tail. */
  private void lock() throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw new IllegalStateException(path + " is in use by another open ledger");
    }
  }

  /** Number of blocks in the file. */
  long height() {
    return count;
  }

  byte[] lastHash() {
    return lastHash.clone();
  }

  /** Appends a sealed block (the next number, chained to the last hash) and forces it to disk. */
  void append(BlockCodec.Sealed sealed) throws IOException {
    Block block = sealed.block();
    if (block.number() != count || !Arrays.equals(block.previousHash(), lastHash)) {
      throw new IllegalStateException("block " + block.number() + " does not extend the chain");
    }
    ByteBuffer buffer = ByteBuffer.wrap(sealed.record());
    long position = end;
    while (buffer.hasRemaining()) {
      position += channel.write(buffer, position);
    }
    if (fsync) {
      channel.force(false);
    }
    synchronized (this) {
      if (count == offsets.length) {
        offsets = Arrays.copyOf(offsets, offsets.length * 2);
      }
      offsets[count] = end;
    }
    end = position;
    lastHash = block.hash();
    count++;
  }

  /** Reads block {@code number} (below {@link #height()}). */
  Block read(long number) throws IOException, CorruptBlockException {
    long offset;
    synchronized (this) {
      if (number < 0 || number >= count) {
        throw new IllegalArgumentException("no block " + number + " (height " + count + ")");
      }
      offset = offsets[(int) number];
    }
    Record record = readRecord(offset, Long.MAX_VALUE);
    if (record == null) {
      throw new CorruptBlockException("block " + number + " at offset " + offset + " is damaged");
    }
    return BlockCodec.decode(record.block, record.privateBytes);
  }

  /**
   * Re-reads every block up to the current height from disk and checks checksums, data hashes,
   * numbers and the hash chain; returns the number of blocks verified.
   */
  long verifyChain() throws IOException, CorruptBlockException {
    int blocks = count;
    long position = 0;
    byte[] previous = BlockCodec.GENESIS_PREVIOUS_HASH;
    for (int number = 0; number < blocks; number++) {
      Record record = readRecord(position, Long.MAX_VALUE);
      if (record == null) {
        throw new CorruptBlockException(
            "block " + number + " at offset " + position + " is damaged");
      }
      previous = check(BlockCodec.decode(record.block, record.privateBytes), number, previous);
      position = record.next;
    }
    return blocks;
  }

  private void recover() throws IOException, CorruptBlockException {
    long size = channel.size();
    long position = 0;
    while (position < size) {
      Record record = readRecord(position, size);
      if (record == null) {
        if (validRecordAfter(position + 1, size)) {
          throw new CorruptBlockException(
              path
                  + ": block "
                  + count
                  + " at offset "
                  + position
                  + " is damaged and valid blocks follow it; restore the data from a backup");
        }
        long cut = size - position;
        long at = position;
        LOG.warning(
            () ->
                path
                    + ": cut "
                    + cut
                    + " bytes of a torn last block at offset "
                    + at
                    + " (a crash mid-write; it was never acknowledged)");
        channel.truncate(position);
        if (fsync) {
          channel.force(true);
        }
        break;
      }
      lastHash = check(BlockCodec.decode(record.block, record.privateBytes), count, lastHash);
      if (count == offsets.length) {
        offsets = Arrays.copyOf(offsets, offsets.length * 2);
      }
      offsets[count++] = position;
      position = record.next;
    }
    end = position;
  }

  private static byte[] check(Block block, long expectedNumber, byte[] previousHash)
      throws CorruptBlockException {
    if (block.number() != expectedNumber) {
      throw new CorruptBlockException(
          "block " + expectedNumber + " carries number " + block.number());
    }
    if (!MessageDigest.isEqual(block.previousHash(), previousHash)) {
      throw new CorruptBlockException(
          "block "
              + expectedNumber
              + " does not chain to the hash of block "
              + (expectedNumber - 1));
    }
    return block.hash();
  }

  private record Record(byte[] block, byte[] privateBytes, long next) {}

  /** The record at {@code position}, or null if it is incomplete or fails magic or checksum. */
  private Record readRecord(long position, long limit) throws IOException {
    long available = Math.min(limit, channel.size()) - position;
    if (available < BlockCodec.RECORD_OVERHEAD) {
      return null;
    }
    ByteBuffer head = ByteBuffer.allocate(12);
    readFully(head, position);
    head.flip();
    int magic = head.getInt();
    int blockLength = head.getInt();
    int privateLength = head.getInt();
    if (magic != BlockCodec.MAGIC
        || blockLength < BlockCodec.HEADER_LENGTH
        || blockLength > MAX_SECTION
        || privateLength < 0
        || privateLength > MAX_SECTION) {
      return null;
    }
    long total = (long) BlockCodec.RECORD_OVERHEAD + blockLength + privateLength;
    if (total > available) {
      return null;
    }
    ByteBuffer whole = ByteBuffer.allocate((int) total);
    readFully(whole, position);
    byte[] bytes = whole.array();
    int stored = ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt();
    if (stored != BlockCodec.crc(bytes, bytes.length - 4)) {
      return null;
    }
    return new Record(
        Arrays.copyOfRange(bytes, 12, 12 + blockLength),
        Arrays.copyOfRange(bytes, 12 + blockLength, 12 + blockLength + privateLength),
        position + total);
  }

  /** Whether a whole, checksummed record starts anywhere in {@code [from, size)}. */
  private boolean validRecordAfter(long from, long size) throws IOException {
    ByteBuffer window = ByteBuffer.allocate(1 << 16);
    long position = from;
    while (position + BlockCodec.RECORD_OVERHEAD <= size) {
      window.clear();
      int read = channel.read(window, position);
      if (read < 4) {
        return false;
      }
      for (int i = 0; i + 4 <= read; i++) {
        if (window.getInt(i) == BlockCodec.MAGIC && readRecord(position + i, size) != null) {
          return true;
        }
      }
      position += read - 3;
    }
    return false;
  }

  private void readFully(ByteBuffer buffer, long position) throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, at);
      if (read < 0) {
        throw new IOException("unexpected end of " + path);
      }
      at += read;
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
