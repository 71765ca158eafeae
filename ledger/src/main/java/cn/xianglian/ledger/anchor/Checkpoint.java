package cn.xianglian.ledger.anchor;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A checkpoint: the Merkle root over the valid transactions of the contiguous block range {@code
 * [fromBlock, toBlock]}, one {@link TxLeaf} per transaction in block order and, within a block, in
 * transaction order. A range whose blocks hold no valid transaction has the empty tree's root.
 */
public record Checkpoint(long fromBlock, long toBlock, byte[] lastBlockHash, List<TxLeaf> leaves) {

  public Checkpoint {
    if (fromBlock < 0 || toBlock < fromBlock) {
      throw new IllegalArgumentException("bad block range [" + fromBlock + ", " + toBlock + "]");
    }
    Objects.requireNonNull(lastBlockHash, "lastBlockHash");
    lastBlockHash = lastBlockHash.clone();
    leaves = List.copyOf(leaves);
    for (TxLeaf leaf : leaves) {
      if (leaf.blockNumber() < fromBlock || leaf.blockNumber() > toBlock) {
        throw new IllegalArgumentException(
            "leaf of block "
                + leaf.blockNumber()
                + " outside ["
                + fromBlock
                + ", "
                + toBlock
                + "]");
      }
    }
  }

  @Override
  public byte[] lastBlockHash() {
    return lastBlockHash.clone();
  }

  /** Builds the tree over the leaves (O(n) hashing). */
  public MerkleTree tree() {
    return MerkleTree.of(leaves.stream().map(TxLeaf::encode).toList());
  }

  /** Index of the leaf of {@code txId}, or -1. */
  public int indexOf(String txId) {
    for (int i = 0; i < leaves.size(); i++) {
      if (leaves.get(i).txId().equals(txId)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Checkpoint that
        && fromBlock == that.fromBlock
        && toBlock == that.toBlock
        && Arrays.equals(lastBlockHash, that.lastBlockHash)
        && leaves.equals(that.leaves);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fromBlock, toBlock, Arrays.hashCode(lastBlockHash), leaves);
  }

  @Override
  public String toString() {
    return "Checkpoint[blocks "
        + fromBlock
        + ".."
        + toBlock
        + ", "
        + leaves.size()
        + " tx, last block "
        + HexFormat.of().formatHex(lastBlockHash)
        + "]";
  }
}
