package cn.xianglian.ledger.anchor;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xianglian.ledger.anchor.Verification.Failure;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

  private static final long SEED = 20261124L;

  static List<byte[]> randomLeaves(Random random, int n) {
    List<byte[]> leaves = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      byte[] data = new byte[1 + random.nextInt(64)];
      random.nextBytes(data);
      leaves.add(data);
    }
    return leaves;
  }

  static byte[] sha(byte[]... parts) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (byte[] part : parts) {
      sha.update(part);
    }
    return sha.digest();
  }

  /** RFC 6962 §2.1 MTH, written recursively exactly as the RFC states it. */
  static byte[] rfcRoot(List<byte[]> leaves) throws Exception {
    int n = leaves.size();
    if (n == 0) {
      return sha();
    }
    if (n == 1) {
      return sha(new byte[] {0}, leaves.get(0));
    }
    int k = Integer.highestOneBit(n - 1);
    return sha(new byte[] {1}, rfcRoot(leaves.subList(0, k)), rfcRoot(leaves.subList(k, n)));
  }

  @Nested
  class Roots {

    @Test
    @DisplayName("the empty tree's root is SHA-256 of nothing; one leaf's root is its leaf hash")
    void emptyAndSingle() throws Exception {
      assertThat(MerkleTree.of(List.of()).root()).isEqualTo(sha());
      byte[] data = {1, 2, 3};
      assertThat(MerkleTree.of(List.of(data)).root()).isEqualTo(sha(new byte[] {0}, data));
    }

    @Test
    @DisplayName("three leaves hash as H(1 || H(1 || h0 || h1) || h2), with 0x00 leaf prefixes")
    void threeLeaves() throws Exception {
      byte[] a = {'a'};
      byte[] b = {'b'};
      byte[] c = {'c'};
      byte[] h0 = sha(new byte[] {0}, a);
      byte[] h1 = sha(new byte[] {0}, b);
      byte[] h2 = sha(new byte[] {0}, c);
      byte[] expected = sha(new byte[] {1}, sha(new byte[] {1}, h0, h1), h2);
      assertThat(MerkleTree.of(List.of(a, b, c)).root()).isEqualTo(expected);
    }

    @Test
    @DisplayName("for every size 0..300 the root equals RFC 6962's recursive definition")
    void matchesRfcDefinition() throws Exception {
      Random random = new Random(SEED);
      for (int n = 0; n <= 300; n++) {
        List<byte[]> leaves = randomLeaves(random, n);
        assertThat(MerkleTree.of(leaves).root()).as("size %d", n).isEqualTo(rfcRoot(leaves));
      }
    }
  }

  @Nested
  class Proofs {

    @Test
    @DisplayName(
        "in random trees of 1..257 leaves, and a few large ones, every leaf's proof verifies")
    void everyLeafVerifies() {
      Random random = new Random(SEED);
      List<Integer> sizes = new ArrayList<>();
      for (int n = 1; n <= 257; n++) {
        sizes.add(n);
      }
      for (int i = 0; i < 5; i++) {
        sizes.add(1_000 + random.nextInt(9_000));
      }
      for (int n : sizes) {
        List<byte[]> leaves = randomLeaves(random, n);
        MerkleTree tree = MerkleTree.of(leaves);
        byte[] root = tree.root();
        for (int i = 0; i < n; i++) {
          InclusionProof proof = tree.proof(i);
          assertThat(proof.treeSize()).isEqualTo(n);
          assertThat(proof.path()).hasSizeLessThanOrEqualTo(32 - Integer.numberOfLeadingZeros(n));
          Verification result = ProofVerifier.verify(leaves.get(i), proof, root);
          assertThat(result.isValid()).as("leaf %d of %d: %s", i, n, result).isTrue();
        }
      }
    }

    @Test
    @DisplayName("a tampered leaf, path hash or root fails with ROOT_MISMATCH, for every leaf")
    void tamperingFails() {
      Random random = new Random(SEED + 1);
      for (int n = 2; n <= 64; n++) {
        List<byte[]> leaves = randomLeaves(random, n);
        MerkleTree tree = MerkleTree.of(leaves);
        byte[] root = tree.root();
        for (int i = 0; i < n; i++) {
          InclusionProof proof = tree.proof(i);

          byte[] leaf = leaves.get(i).clone();
          leaf[random.nextInt(leaf.length)] ^= (byte) (1 << random.nextInt(8));
          assertThat(ProofVerifier.verify(leaf, proof, root).failure())
              .isEqualTo(Failure.ROOT_MISMATCH);

          List<byte[]> path = proof.path();
          int at = random.nextInt(path.size());
          path.get(at)[random.nextInt(32)] ^= 0x01;
          InclusionProof badPath = new InclusionProof(i, n, path);
          assertThat(ProofVerifier.verify(leaves.get(i), badPath, root).failure())
              .isEqualTo(Failure.ROOT_MISMATCH);

          byte[] badRoot = root.clone();
          badRoot[random.nextInt(32)] ^= (byte) 0x80;
          Verification result = ProofVerifier.verify(leaves.get(i), proof, badRoot);
          assertThat(result.failure()).isEqualTo(Failure.ROOT_MISMATCH);
          assertThat(result.message()).contains("altered");
        }
      }
    }

    @Test
    @DisplayName("a proof moved to another leaf's index does not verify that leaf")
    void wrongIndexFails() {
      List<byte[]> leaves = randomLeaves(new Random(SEED + 2), 37);
      MerkleTree tree = MerkleTree.of(leaves);
      for (int i = 0; i < 37; i++) {
        InclusionProof proof = tree.proof(i);
        int other = (i + 1) % 37;
        InclusionProof moved = new InclusionProof(other, 37, proof.path());
        assertThat(ProofVerifier.verify(leaves.get(i), moved, tree.root()).isValid()).isFalse();
        assertThat(ProofVerifier.verify(leaves.get(other), proof, tree.root()).isValid()).isFalse();
      }
    }

    @Test
    @DisplayName("an interior node presented as a leaf (second preimage) is rejected")
    void secondPreimageRejected() throws Exception {
      List<byte[]> leaves = randomLeaves(new Random(SEED + 3), 4);
      MerkleTree tree = MerkleTree.of(leaves);
      // The left child of the root is H(1 || h0 || h1); its "data" is h0 || h1.
      byte[] fakeLeaf = new byte[64];
      System.arraycopy(tree.leafHash(0), 0, fakeLeaf, 0, 32);
      System.arraycopy(tree.leafHash(1), 0, fakeLeaf, 32, 32);
      byte[] rightChild = sha(new byte[] {1}, tree.leafHash(2), tree.leafHash(3));
      InclusionProof forged = new InclusionProof(0, 2, List.of(rightChild));

      Verification result = ProofVerifier.verify(fakeLeaf, forged, tree.root());

      assertThat(result.failure()).isEqualTo(Failure.ROOT_MISMATCH);
    }

    @Test
    @DisplayName("a path of the wrong length fails with PATH_LENGTH_MISMATCH")
    void wrongPathLength() {
      List<byte[]> leaves = randomLeaves(new Random(SEED + 4), 10);
      MerkleTree tree = MerkleTree.of(leaves);
      InclusionProof proof = tree.proof(3);
      List<byte[]> shorter = proof.path().subList(0, proof.path().size() - 1);
      List<byte[]> longer = new ArrayList<>(proof.path());
      longer.add(new byte[32]);

      Verification tooShort =
          ProofVerifier.verify(leaves.get(3), new InclusionProof(3, 10, shorter), tree.root());
      Verification tooLong =
          ProofVerifier.verify(leaves.get(3), new InclusionProof(3, 10, longer), tree.root());

      assertThat(tooShort.failure()).isEqualTo(Failure.PATH_LENGTH_MISMATCH);
      assertThat(tooShort.message()).contains("needs 4 path hashes, the proof has 3");
      assertThat(tooLong.failure()).isEqualTo(Failure.PATH_LENGTH_MISMATCH);
    }

    @Test
    @DisplayName("an index outside the tree or a root that is not 32 bytes is MALFORMED_PROOF")
    void malformed() {
      List<byte[]> leaves = randomLeaves(new Random(SEED + 5), 5);
      MerkleTree tree = MerkleTree.of(leaves);
      InclusionProof proof = tree.proof(1);

      assertThat(
              ProofVerifier.verify(
                      leaves.get(1), new InclusionProof(5, 5, proof.path()), tree.root())
                  .failure())
          .isEqualTo(Failure.MALFORMED_PROOF);
      assertThat(
              ProofVerifier.verify(
                      leaves.get(1), new InclusionProof(-1, 5, proof.path()), tree.root())
                  .failure())
          .isEqualTo(Failure.MALFORMED_PROOF);
      assertThat(ProofVerifier.verify(leaves.get(1), proof, new byte[31]).failure())
          .isEqualTo(Failure.MALFORMED_PROOF);
    }
  }

  @Nested
  class Leaves {

    @Test
    @DisplayName("a transaction leaf's bytes are type, block number, length-prefixed hash and id")
    void encoding() {
      TxLeaf leaf = new TxLeaf(258, new byte[] {(byte) 0xAB, (byte) 0xCD}, "tx1");

      assertThat(leaf.encode())
          .containsExactly(0x01, 0, 0, 0, 0, 0, 0, 1, 2, 2, 0xAB, 0xCD, 0, 3, 't', 'x', '1');
    }

    @Test
    @DisplayName("a leaf decodes from its bytes; other bytes are refused")
    void decoding() {
      TxLeaf leaf = new TxLeaf(258, new byte[] {(byte) 0xAB, (byte) 0xCD}, "交易1");

      assertThat(TxLeaf.decode(leaf.encode())).isEqualTo(leaf);
      byte[] truncated = java.util.Arrays.copyOf(leaf.encode(), 12);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> TxLeaf.decode(truncated))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("truncated");
    }

    @Test
    @DisplayName("moving bytes between the block hash and the tx id changes the leaf")
    void lengthPrefixesSeparateFields() {
      TxLeaf a = new TxLeaf(1, new byte[] {'x', 'y'}, "z");
      TxLeaf b = new TxLeaf(1, new byte[] {'x'}, "yz");

      assertThat(a.encode()).isNotEqualTo(b.encode());
    }
  }
}
