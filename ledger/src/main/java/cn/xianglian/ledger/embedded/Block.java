package cn.xianglian.ledger.embedded;

import java.util.List;
import java.util.Map;

/**
 * A block: header (number, previous block's hash, hash of the transaction data), the transactions,
 * and its own hash (SHA-256 of the header). {@code privateWrites} maps a transaction's index to its
 * clear private writes; they are stored beside the block and are not covered by any hash.
 */
record Block(
    long number,
    byte[] previousHash,
    byte[] dataHash,
    byte[] hash,
    List<TxRecord> transactions,
    Map<Integer, List<RwSet.PvtWrite>> privateWrites) {

  Block {
    transactions = List.copyOf(transactions);
    privateWrites = Map.copyOf(privateWrites);
  }
}
