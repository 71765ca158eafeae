package cn.xianglian.ledger.embedded;

import cn.xianglian.ledger.ValidationCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * The binary form of blocks. A block is {@code number(8) previousHash(32) dataHash(32) data}; its
 * hash is SHA-256 of the first 72 bytes, and {@code dataHash} is SHA-256 of {@code data} (the
 * encoded transactions). On disk each block is one record:
 *
 * <pre>
 * int magic "XLB1", int blockLength, int privateLength, block bytes, private bytes,
 * int CRC32C(all preceding bytes of the record)
 * </pre>
 *
 * where the private bytes hold the clear private writes of the block's transactions (outside every
 * hash, like Fabric's private data store).
 */
final class BlockCodec {

  static final int HEADER_LENGTH = 8 + 32 + 32;

  /** Marks the start of every record ("XLB1"): lets recovery tell a torn tail from damage. */
  static final int MAGIC = 0x584c4231;

  static final int RECORD_OVERHEAD = 4 + 4 + 4 + 4;
  static final byte[] GENESIS_PREVIOUS_HASH = new byte[32];

  private BlockCodec() {}

  /** A block with its hashes computed, and its record bytes ready to append. */
  record Sealed(Block block, byte[] record) {}

  static Sealed seal(
      long number,
      byte[] previousHash,
      List<TxRecord> transactions,
      Map<Integer, List<RwSet.PvtWrite>> privateWrites) {
    byte[] data = encodeTransactions(transactions);
    byte[] dataHash = sha256(data);
    byte[] header = header(number, previousHash, dataHash);
    byte[] hash = sha256(header);
    byte[] pvt = encodePrivate(privateWrites);
    ByteBuffer record =
        ByteBuffer.allocate(RECORD_OVERHEAD + header.length + data.length + pvt.length);
    record
        .putInt(MAGIC)
        .putInt(header.length + data.length)
        .putInt(pvt.length)
        .put(header)
        .put(data)
        .put(pvt);
    var crc = new CRC32C();
    crc.update(record.array(), 0, record.position());
    record.putInt((int) crc.getValue());
    return new Sealed(
        new Block(number, previousHash, dataHash, hash, transactions, privateWrites),
        record.array());
  }

  /** Decodes a block from its bytes and private bytes; the data hash must match. */
  static Block decode(byte[] blockBytes, byte[] privateBytes) throws CorruptBlockException {
    if (blockBytes.length < HEADER_LENGTH) {
      throw new CorruptBlockException("block shorter than its header");
    }
    ByteBuffer header = ByteBuffer.wrap(blockBytes, 0, HEADER_LENGTH);
    long number = header.getLong();
    byte[] previousHash = new byte[32];
    header.get(previousHash);
    byte[] dataHash = new byte[32];
    header.get(dataHash);
    byte[] data = Arrays.copyOfRange(blockBytes, HEADER_LENGTH, blockBytes.length);
    if (!MessageDigest.isEqual(dataHash, sha256(data))) {
      throw new CorruptBlockException("block " + number + ": data hash does not match its data");
    }
    try {
      return new Block(
          number,
          previousHash,
          dataHash,
          sha256(Arrays.copyOf(blockBytes, HEADER_LENGTH)),
          decodeTransactions(data),
          decodePrivate(privateBytes));
    } catch (IOException | RuntimeException e) {
      throw new CorruptBlockException("block " + number + " cannot be decoded: " + e);
    }
  }

  static int crc(byte[] bytes, int length) {
    var crc = new CRC32C();
    crc.update(bytes, 0, length);
    return (int) crc.getValue();
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] header(long number, byte[] previousHash, byte[] dataHash) {
    return ByteBuffer.allocate(HEADER_LENGTH)
        .putLong(number)
        .put(previousHash)
        .put(dataHash)
        .array();
  }

  private static byte[] encodeTransactions(List<TxRecord> transactions) {
    var bytes = new ByteArrayOutputStream(512 * transactions.size() + 16);
    try (var out = new DataOutputStream(bytes)) {
      out.writeInt(transactions.size());
      for (TxRecord tx : transactions) {
        writeString(out, tx.txId());
        writeString(out, tx.creatorMspId());
        writeString(out, tx.creatorCertificatePem());
        writeString(out, tx.function());
        out.writeInt(tx.arguments().size());
        for (String argument : tx.arguments()) {
          writeString(out, argument);
        }
        out.writeLong(tx.timestamp().getEpochSecond());
        out.writeInt(tx.timestamp().getNano());
        writeString(out, tx.validationCode().name());
        out.writeInt(tx.reads().size());
        for (RwSet.KeyRead read : tx.reads()) {
          writeRead(out, read);
        }
        out.writeInt(tx.rangeReads().size());
        for (RwSet.RangeRead range : tx.rangeReads()) {
          writeString(out, range.start());
          writeString(out, range.end());
          out.writeBoolean(range.prefix());
          out.writeBoolean(range.exhausted());
          out.writeInt(range.reads().size());
          for (RwSet.KeyRead read : range.reads()) {
            writeRead(out, read);
          }
        }
        out.writeInt(tx.writes().size());
        for (RwSet.Write write : tx.writes()) {
          writeString(out, write.key());
          out.writeBoolean(write.delete());
          writeBytes(out, write.value());
        }
        out.writeInt(tx.pvtReads().size());
        for (RwSet.PvtRead read : tx.pvtReads()) {
          writeString(out, read.collection());
          writeBytes(out, read.keyHash());
          writeVersion(out, read.version());
        }
        out.writeInt(tx.pvtWrites().size());
        for (RwSet.PvtHashedWrite write : tx.pvtWrites()) {
          writeString(out, write.collection());
          writeBytes(out, write.keyHash());
          out.writeBoolean(write.delete());
          writeBytes(out, write.valueHash());
        }
        writeString(out, tx.eventName());
        writeBytes(out, tx.eventPayload());
        out.writeInt(tx.status());
        writeBytes(out, tx.payload());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static List<TxRecord> decodeTransactions(byte[] data) throws IOException {
    var in = new DataInputStream(new ByteArrayInputStream(data));
    int count = in.readInt();
    var transactions = new ArrayList<TxRecord>(count);
    for (int t = 0; t < count; t++) {
      String txId = readString(in);
      String msp = readString(in);
      String certificate = readString(in);
      String function = readString(in);
      int argumentCount = in.readInt();
      var arguments = new ArrayList<String>(argumentCount);
      for (int i = 0; i < argumentCount; i++) {
        arguments.add(readString(in));
      }
      Instant timestamp = Instant.ofEpochSecond(in.readLong(), in.readInt());
      ValidationCode code = ValidationCode.valueOf(readString(in));
      int readCount = in.readInt();
      var reads = new ArrayList<RwSet.KeyRead>(readCount);
      for (int i = 0; i < readCount; i++) {
        reads.add(readRead(in));
      }
      int rangeCount = in.readInt();
      var ranges = new ArrayList<RwSet.RangeRead>(rangeCount);
      for (int i = 0; i < rangeCount; i++) {
        String start = readString(in);
        String end = readString(in);
        boolean prefix = in.readBoolean();
        boolean exhausted = in.readBoolean();
        int n = in.readInt();
        var rangeReads = new ArrayList<RwSet.KeyRead>(n);
        for (int j = 0; j < n; j++) {
          rangeReads.add(readRead(in));
        }
        ranges.add(new RwSet.RangeRead(start, end, prefix, exhausted, rangeReads));
      }
      int writeCount = in.readInt();
      var writes = new ArrayList<RwSet.Write>(writeCount);
      for (int i = 0; i < writeCount; i++) {
        String key = readString(in);
        boolean delete = in.readBoolean();
        writes.add(new RwSet.Write(key, readBytes(in), delete));
      }
      int pvtReadCount = in.readInt();
      var pvtReads = new ArrayList<RwSet.PvtRead>(pvtReadCount);
      for (int i = 0; i < pvtReadCount; i++) {
        pvtReads.add(new RwSet.PvtRead(readString(in), readBytes(in), readVersion(in)));
      }
      int pvtWriteCount = in.readInt();
      var pvtWrites = new ArrayList<RwSet.PvtHashedWrite>(pvtWriteCount);
      for (int i = 0; i < pvtWriteCount; i++) {
        String collection = readString(in);
        byte[] keyHash = readBytes(in);
        boolean delete = in.readBoolean();
        pvtWrites.add(new RwSet.PvtHashedWrite(collection, keyHash, readBytes(in), delete));
      }
      String eventName = readString(in);
      byte[] eventPayload = readBytes(in);
      int status = in.readInt();
      byte[] payload = readBytes(in);
      transactions.add(
          new TxRecord(
              txId,
              msp,
              certificate,
              function,
              arguments,
              timestamp,
              code,
              reads,
              ranges,
              writes,
              pvtReads,
              pvtWrites,
              eventName,
              eventPayload,
              status,
              payload));
    }
    if (in.available() != 0) {
      throw new IOException("trailing bytes after the transactions");
    }
    return transactions;
  }

  private static byte[] encodePrivate(Map<Integer, List<RwSet.PvtWrite>> privateWrites) {
    if (privateWrites.isEmpty()) {
      return new byte[0];
    }
    var bytes = new ByteArrayOutputStream();
    try (var out = new DataOutputStream(bytes)) {
      var sorted = new TreeMap<>(privateWrites);
      out.writeInt(sorted.size());
      for (var entry : sorted.entrySet()) {
        out.writeInt(entry.getKey());
        out.writeInt(entry.getValue().size());
        for (RwSet.PvtWrite write : entry.getValue()) {
          writeString(out, write.collection());
          writeString(out, write.key());
          out.writeBoolean(write.delete());
          writeBytes(out, write.value());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static Map<Integer, List<RwSet.PvtWrite>> decodePrivate(byte[] bytes) throws IOException {
    if (bytes.length == 0) {
      return Map.of();
    }
    var in = new DataInputStream(new ByteArrayInputStream(bytes));
    int count = in.readInt();
    var result = new HashMap<Integer, List<RwSet.PvtWrite>>();
    for (int i = 0; i < count; i++) {
      int index = in.readInt();
      int n = in.readInt();
      var writes = new ArrayList<RwSet.PvtWrite>(n);
      for (int j = 0; j < n; j++) {
        String collection = readString(in);
        String key = readString(in);
        boolean delete = in.readBoolean();
        writes.add(new RwSet.PvtWrite(collection, key, readBytes(in), delete));
      }
      result.put(index, writes);
    }
    return result;
  }

  private static void writeRead(DataOutputStream out, RwSet.KeyRead read) throws IOException {
    writeString(out, read.key());
    writeVersion(out, read.version());
  }

  private static RwSet.KeyRead readRead(DataInputStream in) throws IOException {
    return new RwSet.KeyRead(readString(in), readVersion(in));
  }

  private static void writeVersion(DataOutputStream out, Version version) throws IOException {
    out.writeLong(version == null ? -1 : version.block());
    out.writeInt(version == null ? -1 : version.tx());
  }

  private static Version readVersion(DataInputStream in) throws IOException {
    long block = in.readLong();
    int tx = in.readInt();
    return block < 0 ? null : new Version(block, tx);
  }

  private static void writeString(DataOutputStream out, String text) throws IOException {
    writeBytes(out, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
  }

  private static String readString(DataInputStream in) throws IOException {
    byte[] bytes = readBytes(in);
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
    if (bytes == null) {
      out.writeInt(-1);
    } else {
      out.writeInt(bytes.length);
      out.write(bytes);
    }
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    byte[] bytes = in.readNBytes(length);
    if (bytes.length != length) {
      throw new java.io.EOFException("value runs past the end of the block");
    }
    return bytes;
  }
}
