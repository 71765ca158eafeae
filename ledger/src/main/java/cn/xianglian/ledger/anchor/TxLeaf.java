package cn.xianglian.ledger.anchor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One leaf of a checkpoint: a valid transaction, identified by the block that holds it, that
 * block's header hash and the transaction id. Its bytes (what {@link MerkleTree} hashes under the
 * leaf prefix) are fixed by {@link #encode()}:
 *
 * <pre>
 *   0x01                      leaf type: Fabric transaction (other types, e.g. disclosures, get other bytes)
 *   u64 big-endian            block number
 *   u8  length, bytes         block hash
 *   u16 big-endian length, bytes   transaction id, UTF-8
 * </pre>
 *
 * Every field is length-prefixed, so no two different leaves share bytes.
 */
public record TxLeaf(long blockNumber, byte[] blockHash, String txId) {

  /** The leaf type byte of a Fabric transaction. */
  public static final byte TYPE_TRANSACTION = 0x01;

  public TxLeaf {
    if (blockNumber < 0) {
      throw new IllegalArgumentException("block number must not be negative: " + blockNumber);
    }
    Objects.requireNonNull(blockHash, "blockHash");
    Objects.requireNonNull(txId, "txId");
    if (blockHash.length == 0 || blockHash.length > 255) {
      throw new IllegalArgumentException("block hash must be 1..255 bytes");
    }
    if (txId.isEmpty() || txId.getBytes(StandardCharsets.UTF_8).length > 0xFFFF) {
      throw new IllegalArgumentException("tx id must be 1..65535 UTF-8 bytes");
    }
    blockHash = blockHash.clone();
  }

  @Override
  public byte[] blockHash() {
    return blockHash.clone();
  }

  /** The exact bytes that are hashed into the tree. */
  public byte[] encode() {
    byte[] id = txId.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(1 + 8 + 1 + blockHash.length + 2 + id.length)
        .put(TYPE_TRANSACTION)
        .putLong(blockNumber)
        .put((byte) blockHash.length)
        .put(blockHash)
        .putShort((short) id.length)
        .put(id)
        .array();
  }

  /**
   * Reads the bytes {@link #encode()} wrote; anything else is an {@link IllegalArgumentException}.
   */
  public static TxLeaf decode(byte[] bytes) {
    try {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      if (in.get() != TYPE_TRANSACTION) {
        throw new IllegalArgumentException("not a transaction leaf");
      }
      long block = in.getLong();
      byte[] hash = new byte[Byte.toUnsignedInt(in.get())];
      in.get(hash);
      byte[] id = new byte[Short.toUnsignedInt(in.getShort())];
      in.get(id);
      if (in.hasRemaining()) {
        throw new IllegalArgumentException("trailing bytes after a transaction leaf");
      }
      return new TxLeaf(block, hash, new String(id, StandardCharsets.UTF_8));
    } catch (java.nio.BufferUnderflowException e) {
      throw new IllegalArgumentException("truncated transaction leaf", e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TxLeaf that
        && blockNumber == that.blockNumber
        && Arrays.equals(blockHash, that.blockHash)
        && txId.equals(that.txId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(blockNumber, Arrays.hashCode(blockHash), txId);
  }

  @Override
  public String toString() {
    return "TxLeaf[block="
        + blockNumber
        + ", blockHash="
        + HexFormat.of().formatHex(blockHash)
        + ", txId="
        + txId
        + "]";
  }
}
