package cn.xianglian.ledger.anchor;

import java.util.Optional;

/**
 * The chain that holds anchors (port). The EVM adapter is {@code
 * cn.xianglian.ledger.anchor.evm.Web3jAnchorChain}. Read failures and sends whose outcome is
 * unknown throw {@link AnchorException} with a retryable code; the service then re-reads the chain
 * before it sends again.
 */
public interface AnchorChain {

  /** The first Fabric block the next anchor must start at. */
  long nextBlock();

  /** The anchor whose range holds Fabric block {@code blockNumber}, if any. */
  Optional<OnChainAnchor> anchorHolding(long blockNumber);

  /**
   * Signs and sends a transaction that anchors {@code root} for {@code [fromBlock, toBlock]};
   * returns its hash without waiting for it to be mined. {@code attempt} (0, 1, …) lets the adapter
   * replace a stuck earlier attempt (same nonce, higher fee).
   */
  String send(byte[] root, long fromBlock, long toBlock, int attempt);

  /** The receipt of a transaction once it has {@code confirmations} blocks on it, else empty. */
  Optional<AnchorReceipt> receipt(String txHash, int confirmations);

  /** Chain id and contract address, for records and proofs. */
  String chainId();

  String contractAddress();

  /** The outcome of a mined transaction. */
  record AnchorReceipt(String txHash, boolean success, long evmBlock) {}
}
