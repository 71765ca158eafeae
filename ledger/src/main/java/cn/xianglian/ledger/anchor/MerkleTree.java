package cn.xianglian.ledger.anchor;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Merkle tree over leaf data, hashed as in RFC 6962 (Certificate Transparency) §2.1: a leaf hash
 * is {@code SHA-256(0x00 || data)}, an interior node {@code SHA-256(0x01 || left || right)}, and
 * the tree over {@code n} leaves splits at the largest power of two below {@code n}. The distinct
 * prefixes make a leaf hash and a node hash impossible to confuse, which rules out the
 * second-preimage attack on plain Merkle trees (presenting an interior node as a leaf). The empty
 * tree's root is {@code SHA-256("")}.
 *
 * <p>The tree is kept level by level (an odd node at the end of a level is carried up unchanged,
 * which gives exactly RFC 6962's shape), so a proof costs {@code log2 n} array reads and no
 * hashing. Instances are immutable and safe to share between threads.
 *
 * <pre>{@code
 * MerkleTree tree = MerkleTree.of(leafData);
 * InclusionProof proof = tree.proof(3);
 * assert ProofVerifier.verify(leafData.get(3), proof, tree.root()).valid();
 * }</pre>
 */
public final class MerkleTree {

  /** Hash length in bytes (SHA-256). */
  public static final int HASH_BYTES = 32;

  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;

  /** levels.get(0) are the leaf hashes; the last level has exactly one node, the root. */
  private final List<byte[][]> levels;

  private final int size;

  private MerkleTree(List<byte[][]> levels, int size) {
    this.levels = levels;
    this.size = size;
  }

  /** Builds the tree over the given leaves' data (each leaf is hashed with the leaf prefix). */
  public static MerkleTree of(List<byte[]> leafData) {
    Objects.requireNonNull(leafData, "leafData");
    MessageDigest sha = sha256();
    byte[][] hashes = new byte[leafData.size()][];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = leafHash(sha, Objects.requireNonNull(leafData.get(i), "leaf data"));
    }
    return ofLeafHashes(sha, hashes);
  }

  private static MerkleTree ofLeafHashes(MessageDigest sha, byte[][] leafHashes) {
    List<byte[][]> levels = new ArrayList<>();
    if (leafHashes.length == 0) {
      levels.add(new byte[][] {sha.digest()});
      return new MerkleTree(List.copyOf(levels), 0);
    }
    byte[][] level = leafHashes;
    levels.add(level);
    while (level.length > 1) {
      byte[][] up = new byte[(level.length + 1) / 2][];
      for (int i = 0; i + 1 < level.length; i += 2) {
        up[i / 2] = nodeHash(sha, level[i], level[i + 1]);
      }
      if (level.length % 2 == 1) {
        up[up.length - 1] = level[level.length - 1];
      }
      levels.add(up);
      level = up;
    }
    return new MerkleTree(List.copyOf(levels), leafHashes.length);
  }

  /** Number of leaves. */
  public int size() {
    return size;
  }

  /** The root hash (32 bytes, a copy). */
  public byte[] root() {
    byte[][] top = levels.get(levels.size() - 1);
    return top[0].clone();
  }

  /** The hash of leaf {@code index} (a copy). */
  public byte[] leafHash(int index) {
    Objects.checkIndex(index, size);
    return levels.get(0)[index].clone();
  }

  /**
   * The audit path of leaf {@code index}: the sibling hashes from the leaf up to the root, in the
   * order RFC 9162 §2.1.3 verifies them.
   */
  public InclusionProof proof(int index) {
    Objects.checkIndex(index, size);
    List<byte[]> path = new ArrayList<>(levels.size());
    int i = index;
    for (int level = 0; level < levels.size() - 1; level++) {
      byte[][] nodes = levels.get(level);
      int sibling = i ^ 1;
      if (sibling < nodes.length) {
        path.add(nodes[sibling]);
      }
      i >>>= 1;
    }
    return new InclusionProof(index, size, path);
  }

  static byte[] leafHash(MessageDigest sha, byte[] data) {
    sha.reset();
    sha.update(LEAF_PREFIX);
    sha.update(data);
    return sha.digest();
  }

  static byte[] nodeHash(MessageDigest sha, byte[] left, byte[] right) {
    sha.reset();
    sha.update(NODE_PREFIX);
    sha.update(left);
    sha.update(right);
    return sha.digest();
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
    }
  }
}
