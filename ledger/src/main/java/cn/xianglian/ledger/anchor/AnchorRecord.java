package cn.xianglian.ledger.anchor;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A checkpoint that is anchored: the checkpoint (with its leaves, so proofs can be built), its
 * root, and where it is on the EVM chain (contract, anchor index, transaction, block, time).
 */
public record AnchorRecord(
    Checkpoint checkpoint,
    byte[] root,
    String chainId,
    String contractAddress,
    long anchorIndex,
    String evmTxHash,
    long evmBlock,
    Instant anchoredAt) {

  public AnchorRecord {
    Objects.requireNonNull(checkpoint, "checkpoint");
    root = root.clone();
  }

  @Override
  public byte[] root() {
    return root.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AnchorRecord that
        && checkpoint.equals(that.checkpoint)
        && Arrays.equals(root, that.root)
        && chainId.equals(that.chainId)
        && contractAddress.equalsIgnoreCase(that.contractAddress)
        && anchorIndex == that.anchorIndex
        && Objects.equals(evmTxHash, that.evmTxHash)
        && evmBlock == that.evmBlock
        && Objects.equals(anchoredAt, that.anchoredAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(checkpoint, Arrays.hashCode(root), anchorIndex, evmTxHash);
  }
}
