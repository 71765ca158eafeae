package cn.xianglian.chaincode.anchor.domain;

import cn.xianglian.chaincode.domain.Require;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;

/** Where a checkpoint was anchored on the EVM chain. */
public record EvmAnchor(
    String chainId,
    String contract,
    String txHash,
    Long blockNumber,
    String emitter,
    OffsetDateTime anchoredAt) {

  private static final Pattern CHAIN_ID = Pattern.compile("[1-9][0-9]{0,18}");
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final Pattern TX_HASH = Pattern.compile("0x[0-9a-fA-F]{64}");

  public EvmAnchor {
    Require.present("evm.chainId", chainId);
    Require.argument(CHAIN_ID.matcher(chainId).matches(), "evm.chainId must be decimal");
    Require.present("evm.contract", contract);
    Require.argument(ADDRESS.matcher(contract).matches(), "evm.contract must be a 0x address");
    Require.present("evm.txHash", txHash);
    Require.argument(TX_HASH.matcher(txHash).matches(), "evm.txHash must be 0x + 32 bytes hex");
    Require.present("evm.blockNumber", blockNumber);
    Require.argument(blockNumber >= 0, "evm.blockNumber must not be negative");
    Require.present("evm.emitter", emitter);
    Require.argument(ADDRESS.matcher(emitter).matches(), "evm.emitter must be a 0x address");
    Require.present("evm.anchoredAt", anchoredAt);
  }
}
