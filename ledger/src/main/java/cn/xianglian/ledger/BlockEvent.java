package cn.xianglian.ledger;

import java.util.List;

/**
 * A committed block: its number, its header hash and the previous block's (the hash chain), and its
 * transactions with their validation codes, writes and chaincode events.
 */
public record BlockEvent(
    long number, byte[] hash, byte[] previousHash, List<BlockTransaction> transactions) {

  public BlockEvent {
    transactions = List.copyOf(transactions);
  }

  /** One transaction of a block as a projection needs it. */
  public record BlockTransaction(
      TransactionInfo info, List<KeyWrite> writes, ChaincodeEvent event) {

    public BlockTransaction {
      writes = List.copyOf(writes);
    }
  }

  /** A public-state write: the key, its new value, or a delete. */
  public record KeyWrite(String namespace, String key, byte[] value, boolean delete) {}
}
