package cn.xianglian.ledger.anchor;

import java.util.Arrays;
import java.util.Objects;

/**
 * Everything a stranger needs to check that a Fabric transaction is in an anchored checkpoint: the
 * leaf (block number, block hash, transaction id), its audit path, the checkpoint's root and block
 * range, and where the root was anchored (chain id, contract, anchor index, EVM transaction and
 * block). Only the leaf, the path and the chain's copy of the root decide validity; the other
 * fields say where to look. {@code cn.xianglian.ledger.anchor.evm.ProofJson} writes and reads it as
 * JSON.
 */
public record TxProof(
    TxLeaf leaf,
    InclusionProof proof,
    byte[] root,
    long fromBlock,
    long toBlock,
    String chainId,
    String contractAddress,
    long anchorIndex,
    String evmTxHash,
    long evmBlock) {

  public TxProof {
    Objects.requireNonNull(leaf, "leaf");
    Objects.requireNonNull(proof, "proof");
    root = root.clone();
  }

  @Override
  public byte[] root() {
    return root.clone();
  }

  /**
   * For a disclosure leaf: checks that {@code record} (the publication as published, the exact text
   * the ledger holds) hashes to the leaf's content hash. A transaction leaf has no content to
   * check.
   */
  public Verification verifyContent(String record) {
    if (!leaf.isDisclosure()) {
      return Verification.invalid(
          Verification.Failure.MALFORMED_PROOF, "a transaction leaf carries no published record");
    }
    byte[] hash =
        MerkleTree.sha256().digest(record.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    if (!java.security.MessageDigest.isEqual(hash, leaf.disclosure().contentHash())) {
      var hex = java.util.HexFormat.of();
      return Verification.invalid(
          Verification.Failure.CONTENT_MISMATCH,
          "the published record of "
              + leaf.disclosure().publicationId()
              + " hashes to "
              + hex.formatHex(hash)
              + ", the anchored leaf says "
              + hex.formatHex(leaf.disclosure().contentHash())
              + " (the record was altered)");
    }
    return Verification.valid();
  }

  /** Checks the leaf and path against this proof's own root and range (no chain involved). */
  public Verification verifyAgainstOwnRoot() {
    if (leaf.blockNumber() < fromBlock || leaf.blockNumber() > toBlock) {
      return Verification.invalid(
          Verification.Failure.LEAF_OUTSIDE_RANGE,
          "the leaf is in block "
              + leaf.blockNumber()
              + ", outside the checkpoint's blocks "
              + fromBlock
              + ".."
              + toBlock);
    }
    return ProofVerifier.verify(leaf.encode(), proof, root);
  }

  /**
   * Checks the proof and then that the chain holds this root for this block range: the anchor
   * holding the leaf's block must have exactly this root, {@code fromBlock} and {@code toBlock}.
   */
  public Verification verifyOnChain(AnchorChain chain) {
    Verification own = verifyAgainstOwnRoot();
    if (!own.isValid()) {
      return own;
    }
    var hex = java.util.HexFormat.of();
    var anchored = chain.anchorHolding(leaf.blockNumber());
    if (anchored.isEmpty()) {
      return Verification.invalid(
          Verification.Failure.ROOT_NOT_ANCHORED,
          "no anchor in contract "
              + chain.contractAddress()
              + " holds block "
              + leaf.blockNumber()
              + " (unknown root "
              + hex.formatHex(root)
              + ")");
    }
    OnChainAnchor anchor = anchored.get();
    if (!Arrays.equals(anchor.root(), root)
        || anchor.fromBlock() != fromBlock
        || anchor.toBlock() != toBlock) {
      return Verification.invalid(
          Verification.Failure.ROOT_NOT_ANCHORED,
          "anchor #"
              + anchor.index()
              + " holds root "
              + hex.formatHex(anchor.root())
              + " for blocks "
              + anchor.fromBlock()
              + ".."
              + anchor.toBlock()
              + "; the proof claims root "
              + hex.formatHex(root)
              + " for blocks "
              + fromBlock
              + ".."
              + toBlock);
    }
    return Verification.valid(
        (leaf.isDisclosure()
                ? "publication " + leaf.disclosure().publicationId() + " (transaction "
                : "transaction ")
            + leaf.txId()
            + (leaf.isDisclosure() ? ")" : "")
            + " (block "
            + leaf.blockNumber()
            + ") is in anchor #"
            + anchor.index()
            + " of contract "
            + chain.contractAddress()
            + " on chain "
            + chain.chainId()
            + ", anchored by "
            + anchor.emitter()
            + " at "
            + anchor.time());
  }
}
