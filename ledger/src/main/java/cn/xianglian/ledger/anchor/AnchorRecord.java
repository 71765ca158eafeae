package cn.xianglian.ledger.anchor;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A checkpoint that is anchored: the checkpoint (with its leaves, so proofs can be built), its
 * root, and where it is on the EVM chain (contract, anchor index, transaction, block, the account
 * that anchored it, time). {@code emitter} is null in records written before it was kept.
 */
public record AnchorRecord(
    Checkpoint checkpoint,
    byte[] root,
    String chainId,
    String contractAddress,
    long anchorIndex,
    String evmTxHash,
    long evmBlock,
    String emitter,
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
        && (emitter == null ? that.emitter == null : emitter.equalsIgnoreCase(that.emitter))
        && Objects.equals(anchoredAt, that.anchoredAt);
  }

  /** A copy with the emitter set (for records read from an older store). */
  public AnchorRecord withEmitter(String account) {
    return new AnchorRecord(
        checkpoint,
        root,
        chainId,
        contractAddress,
        anchorIndex,
        evmTxHash,
        evmBlock,
        account,
        anchoredAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(checkpoint, Arrays.hashCode(root), anchorIndex, evmTxHash);
  }
}
