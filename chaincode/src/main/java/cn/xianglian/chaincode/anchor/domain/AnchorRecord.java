package cn.xianglian.chaincode.anchor.domain;

import java.time.OffsetDateTime;

/** An anchored checkpoint as stored and returned. */
public record AnchorRecord(
    long anchorIndex,
    String channel,
    long fromBlock,
    long toBlock,
    long leafCount,
    String root,
    String lastBlockHash,
    EvmAnchor evm,
    String recordedBy,
    OffsetDateTime recordedAt,
    String txId) {

  /** True when this record was made from exactly the fields of {@code command}. */
  public boolean sameContentAs(RecordAnchor command) {
    return anchorIndex == command.anchorIndex()
        && channel.equals(command.channel())
        && fromBlock == command.fromBlock()
        && toBlock == command.toBlock()
        && leafCount == command.leafCount()
        && root.equals(command.root())
        && lastBlockHash.equals(command.lastBlockHash())
        && evm.equals(command.evm());
  }

  /** True when {@code block} lies in this record's range. */
  public boolean holds(long block) {
    return fromBlock <= block && block <= toBlock;
  }
}
