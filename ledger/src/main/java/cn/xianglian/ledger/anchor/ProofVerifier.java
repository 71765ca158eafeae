package cn.xianglian.ledger.anchor;

import cn.xianglian.ledger.anchor.Verification.Failure;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks an inclusion proof with nothing but the leaf data, the proof and a root (RFC 9162
 * §2.1.3.2). Stateless; each call uses its own digest, so it is safe from any thread.
 */
public final class ProofVerifier {

  private static final HexFormat HEX = HexFormat.of();

  private ProofVerifier() {}

  /**
   * Verifies that {@code leafData} is leaf {@code proof.leafIndex()} of the tree with {@code root}.
   */
  public static Verification verify(byte[] leafData, InclusionProof proof, byte[] root) {
    MessageDigest sha = MerkleTree.sha256();
    return verifyLeafHash(MerkleTree.leafHash(sha, leafData), proof, root, sha);
  }

  static Verification verifyLeafHash(
      byte[] leafHash, InclusionProof proof, byte[] root, MessageDigest sha) {
    long index = proof.leafIndex();
    long size = proof.treeSize();
    if (size < 1 || index < 0 || index >= size) {
      return Verification.invalid(
          Failure.MALFORMED_PROOF,
          "leaf index " + index + " is not inside a tree of " + size + " leaves");
    }
    if (root == null || root.length != MerkleTree.HASH_BYTES) {
      return Verification.invalid(Failure.MALFORMED_PROOF, "the root is not a 32-byte hash");
    }
    List<byte[]> path = proof.pathUnsafe();
    int expectedLength = pathLength(index, size);
    if (path.size() != expectedLength) {
      return Verification.invalid(
          Failure.PATH_LENGTH_MISMATCH,
          "leaf "
              + index
              + " of a tree of "
              + size
              + " needs "
              + expectedLength
              + " path hashes, the proof has "
              + path.size());
    }
    long fn = index;
    long sn = size - 1;
    byte[] r = leafHash;
    for (byte[] p : path) {
      if (p.length != MerkleTree.HASH_BYTES) {
        return Verification.invalid(Failure.MALFORMED_PROOF, "a path hash is not 32 bytes");
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = MerkleTree.nodeHash(sha, p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        r = MerkleTree.nodeHash(sha, r, p);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (!MessageDigest.isEqual(r, root)) {
      return Verification.invalid(
          Failure.ROOT_MISMATCH,
          "the path leads to root "
              + HEX.formatHex(r)
              + ", expected "
              + HEX.formatHex(root)
              + " (the leaf, a path hash or the root was altered)");
    }
    return Verification.valid();
  }

  /** How many path hashes leaf {@code index} of a tree of {@code size} leaves has. */
  static int pathLength(long index, long size) {
    int length = 0;
    long fn = index;
    long sn = size - 1;
    while (sn > 0) {
      if ((fn & 1) == 1 || fn != sn) {
        length++;
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    return length;
  }
}
