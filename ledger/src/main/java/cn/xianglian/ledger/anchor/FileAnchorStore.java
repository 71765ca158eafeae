package cn.xianglian.ledger.anchor;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.zip.CRC32C;

/**
 * An {@link AnchorStore} in one append-only file, fsynced per record, so anchor records and the
 * leaves behind them survive a restart. Each record is framed as {@code u32 length, bytes, u32
 * CRC32C}; a torn last record (a crash during the append) is cut off when the file is opened. The
 * transaction index is rebuilt in memory on open.
 *
 * <p>Record bytes: version {@code 2}; fromBlock, toBlock (u64); last block hash (u8 length, bytes);
 * root (32 bytes); chain id, contract, EVM tx hash (UTF-8 with u16 length); anchor index, EVM block
 * (u64); anchored-at (epoch seconds u64, nanos u32); leaf count (u32) and each leaf as {@link
 * TxLeaf#encode()} with a u16 length; then the emitter (UTF-8 with u16 length, empty if unknown).
 * Version {@code 1} records (without the emitter) are still read.
 */
public final class FileAnchorStore implements AnchorStore, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(FileAnchorStore.class.getName());
  private static final byte VERSION = 2;

  private final FileChannel file;
  private final long firstBlock;
  private final List<AnchorRecord> records = new ArrayList<>();
  private final Map<String, AnchorRecord> byTxId = new HashMap<>();
  private final Map<String, AnchorRecord> byPublication = new HashMap<>();

  private FileAnchorStore(FileChannel file, long firstBlock) {
    this.file = file;
    this.firstBlock = firstBlock;
  }

  /** Opens (or creates) the store at {@code path}; {@code firstBlock} applies when it is empty. */
  public static FileAnchorStore open(Path path, long firstBlock) {
    try {
      Files.createDirectories(path.toAbsolutePath().getParent());
      FileChannel channel =
          FileChannel.open(
              path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileAnchorStore store = new FileAnchorStore(channel, firstBlock);
      store.load(path);
      return store;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the anchor store " + path, e);
    }
  }

  private void load(Path path) throws IOException {
    long size = file.size();
    long position = 0;
    ByteBuffer header = ByteBuffer.allocate(4);
    while (position < size) {
      header.clear();
      if (size - position < 8 || file.read(header, position) < 4) {
        break;
      }
      int length = header.getInt(0);
      if (length <= 0 || position + 8 + length > size) {
        break;
      }
      ByteBuffer body = ByteBuffer.allocate(length + 4);
      file.read(body, position + 4);
      CRC32C crc = new CRC32C();
      crc.update(body.array(), 0, length);
      if ((int) crc.getValue() != body.getInt(length)) {
        break;
      }
      index(decode(body.array(), length));
      position += 8 + length;
    }
    if (position < size) {
      LOG.warning(
          "anchor store "
              + path
              + ": dropping a torn last record ("
              + (size - position)
              + " bytes at offset "
              + position
              + ")");
      file.truncate(position);
      file.force(true);
    }
    file.position(position);
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
    byte[] body = encode(record);
    CRC32C crc = new CRC32C();
    crc.update(body);
    ByteBuffer frame = ByteBuffer.allocate(body.length + 8);
    frame.putInt(body.length).put(body).putInt((int) crc.getValue()).flip();
    try {
      while (frame.hasRemaining()) {
        file.write(frame);
      }
      file.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the anchor store", e);
    }
    index(record);
  }

  private void index(AnchorRecord record) {
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

  @Override
  public synchronized void close() {
    try {
      file.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] encode(AnchorRecord record) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      Checkpoint cp = record.checkpoint();
      out.writeByte(VERSION);
      out.writeLong(cp.fromBlock());
      out.writeLong(cp.toBlock());
      byte[] last = cp.lastBlockHash();
      out.writeByte(last.length);
      out.write(last);
      out.write(record.root());
      writeText(out, record.chainId());
      writeText(out, record.contractAddress());
      writeText(out, record.evmTxHash() == null ? "" : record.evmTxHash());
      out.writeLong(record.anchorIndex());
      out.writeLong(record.evmBlock());
      out.writeLong(record.anchoredAt().getEpochSecond());
      out.writeInt(record.anchoredAt().getNano());
      out.writeInt(cp.leaves().size());
      for (TxLeaf leaf : cp.leaves()) {
        byte[] encoded = leaf.encode();
        out.writeShort(encoded.length);
        out.write(encoded);
      }
      writeText(out, record.emitter() == null ? "" : record.emitter());
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static AnchorRecord decode(byte[] body, int length) throws IOException {
    DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(body, 0, length));
    try {
      byte version = in.readByte();
      if (version != 1 && version != VERSION) {
        throw new IOException("unknown anchor record version " + version);
      }
      long from = in.readLong();
      long to = in.readLong();
      byte[] last = in.readNBytes(in.readUnsignedByte());
      byte[] root = in.readNBytes(MerkleTree.HASH_BYTES);
      String chainId = readText(in);
      String contract = readText(in);
      String txHash = readText(in);
      if (txHash.isEmpty()) {
        txHash = null;
      }
      long index = in.readLong();
      long evmBlock = in.readLong();
      Instant at = Instant.ofEpochSecond(in.readLong(), in.readInt());
      int count = in.readInt();
      List<TxLeaf> leaves = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        leaves.add(TxLeaf.decode(in.readNBytes(in.readUnsignedShort())));
      }
      String emitter = version == 1 ? "" : readText(in);
      return new AnchorRecord(
          new Checkpoint(from, to, last, leaves),
          root,
          chainId,
          contract,
          index,
          txHash,
          evmBlock,
          emitter.isEmpty() ? null : emitter,
          at);
    } catch (EOFException e) {
      throw new IOException("truncated anchor record", e);
    }
  }

  private static void writeText(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeShort(bytes.length);
    out.write(bytes);
  }

  private static String readText(DataInputStream in) throws IOException {
    return new String(in.readNBytes(in.readUnsignedShort()), StandardCharsets.UTF_8);
  }
}
