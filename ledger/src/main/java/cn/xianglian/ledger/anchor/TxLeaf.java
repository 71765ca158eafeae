package cn.xianglian.ledger.anchor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One leaf of a checkpoint. Two types:
 *
 * <ul>
 *   <li><b>transaction</b> ({@code 0x01}): a valid transaction, identified by the block that holds
 *       it, that block's header hash and the transaction id;
 *   <li><b>disclosure</b> ({@code 0x02}): a published disclosure (三务公开 publication) that a valid
 *       transaction wrote: the same three fields, then the publication id and the SHA-256 of the
 *       publication record's bytes exactly as the transaction wrote them to the world state (the
 *       contract's canonical JSON, which {@code finance:getPublication} also returns). Whoever
 *       holds the published record can recompute that hash.
 * </ul>
 *
 * Its bytes (what {@link MerkleTree} hashes under the leaf prefix) are fixed by {@link #encode()}:
 *
 * <pre>
 *   u8                        leaf type: 0x01 transaction, 0x02 disclosure
 *   u64 big-endian            block number
 *   u8  length, bytes         block hash
 *   u16 big-endian length, bytes   transaction id, UTF-8
 *   -- disclosure only:
 *   u16 big-endian length, bytes   publication id, UTF-8
 *   32 bytes                  SHA-256 of the publication record as written
 * </pre>
 *
 * Every field is length-prefixed or of fixed size and the type comes first, so no two different
 * leaves share bytes.
 *
 * @param disclosure the publication this leaf stands for, or null for a transaction leaf
 */
public record TxLeaf(long blockNumber, byte[] blockHash, String txId, Disclosure disclosure) {

  /** The leaf type byte of a Fabric transaction. */
  public static final byte TYPE_TRANSACTION = 0x01;

  /** The leaf type byte of a published disclosure. */
  public static final byte TYPE_DISCLOSURE = 0x02;

  /**
   * A published disclosure: its id and the SHA-256 of its record's bytes as written on the ledger.
   */
  public record Disclosure(String publicationId, byte[] contentHash) {

    public Disclosure {
      Objects.requireNonNull(publicationId, "publicationId");
      if (publicationId.isEmpty()
          || publicationId.getBytes(StandardCharsets.UTF_8).length > 0xFFFF) {
        throw new IllegalArgumentException("publication id must be 1..65535 UTF-8 bytes");
      }
      if (contentHash == null || contentHash.length != MerkleTree.HASH_BYTES) {
        throw new IllegalArgumentException("content hash must be 32 bytes");
      }
      contentHash = contentHash.clone();
    }

    @Override
    public byte[] contentHash() {
      return contentHash.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Disclosure that
          && publicationId.equals(that.publicationId)
          && Arrays.equals(contentHash, that.contentHash);
    }

    @Override
    public int hashCode() {
      return Objects.hash(publicationId, Arrays.hashCode(contentHash));
    }

    @Override
    public String toString() {
      return "Disclosure[" + publicationId + ", " + HexFormat.of().formatHex(contentHash) + "]";
    }
  }

  /** A transaction leaf. */
  public TxLeaf(long blockNumber, byte[] blockHash, String txId) {
    this(blockNumber, blockHash, txId, null);
  }

  /** True for a disclosure leaf. */
  public boolean isDisclosure() {
    return disclosure != null;
  }

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
    byte[] publication =
        disclosure == null ? null : disclosure.publicationId().getBytes(StandardCharsets.UTF_8);
    int extra = disclosure == null ? 0 : 2 + publication.length + MerkleTree.HASH_BYTES;
    ByteBuffer out =
        ByteBuffer.allocate(1 + 8 + 1 + blockHash.length + 2 + id.length + extra)
            .put(disclosure == null ? TYPE_TRANSACTION : TYPE_DISCLOSURE)
            .putLong(blockNumber)
            .put((byte) blockHash.length)
            .put(blockHash)
            .putShort((short) id.length)
            .put(id);
    if (disclosure != null) {
      out.putShort((short) publication.length).put(publication).put(disclosure.contentHash);
    }
    return out.array();
  }

  /**
   * Reads the bytes {@link #encode()} wrote; anything else is an {@link IllegalArgumentException}.
   */
  public static TxLeaf decode(byte[] bytes) {
    try {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      byte type = in.get();
      if (type != TYPE_TRANSACTION && type != TYPE_DISCLOSURE) {
        throw new IllegalArgumentException("unknown leaf type " + type);
      }
      long block = in.getLong();
      byte[] hash = new byte[Byte.toUnsignedInt(in.get())];
      in.get(hash);
      byte[] id = new byte[Short.toUnsignedInt(in.getShort())];
      in.get(id);
      Disclosure disclosure = null;
      if (type == TYPE_DISCLOSURE) {
        byte[] publication = new byte[Short.toUnsignedInt(in.getShort())];
        in.get(publication);
        byte[] content = new byte[MerkleTree.HASH_BYTES];
        in.get(content);
        disclosure = new Disclosure(new String(publication, StandardCharsets.UTF_8), content);
      }
      if (in.hasRemaining()) {
        throw new IllegalArgumentException("trailing bytes after a leaf");
      }
      return new TxLeaf(block, hash, new String(id, StandardCharsets.UTF_8), disclosure);
    } catch (java.nio.BufferUnderflowException e) {
      throw new IllegalArgumentException("truncated transaction leaf", e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TxLeaf that
        && blockNumber == that.blockNumber
        && Arrays.equals(blockHash, that.blockHash)
        && txId.equals(that.txId)
        && Objects.equals(disclosure, that.disclosure);
  }

  @Override
  public int hashCode() {
    return Objects.hash(blockNumber, Arrays.hashCode(blockHash), txId, disclosure);
  }

  @Override
  public String toString() {
    return "TxLeaf[block="
        + blockNumber
        + ", blockHash="
        + HexFormat.of().formatHex(blockHash)
        + ", txId="
        + txId
        + (disclosure == null ? "" : ", " + disclosure)
        + "]";
  }
}
