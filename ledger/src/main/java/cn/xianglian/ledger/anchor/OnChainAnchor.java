package cn.xianglian.ledger.anchor;

import java.time.Instant;

/**
 * An anchor as the contract holds it: its index, root, Fabric block range, the account that wrote
 * it and the EVM block time; and, where the adapter found it in the logs, the EVM transaction and
 * block.
 */
public record OnChainAnchor(
    long index,
    byte[] root,
    long fromBlock,
    long toBlock,
    String emitter,
    Instant time,
    String txHash,
    long evmBlock) {

  public OnChainAnchor {
    root = root.clone();
  }

  @Override
  public byte[] root() {
    return root.clone();
  }

  public boolean holds(long blockNumber) {
    return fromBlock <= blockNumber && blockNumber <= toBlock;
  }
}
