package cn.xianglian.ledger;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The ledger as applications see it. Every call names the identity it acts as, so one client serves
 * many users (the client-app maps each logged-in user to a wallet identity).
 *
 * <p>{@code submit} returns only once the transaction is committed and valid; any failure is a
 * {@link LedgerException} that says at which stage it happened and, for chaincode rejections,
 * carries the stable error code the contract raised.
 *
 * <pre>{@code
 * Submitted done = ledger.submit(producer, Proposal.of("trace", "createBatch", json));
 * byte[] batch = ledger.evaluate(anyone, Proposal.of("trace", "getBatch", "XF-2026-0001"));
 * }</pre>
 */
public interface LedgerClient extends AutoCloseable {

  /** Endorses, orders and commits a transaction; returns when it is committed as valid. */
  Submitted submit(Identity caller, Proposal proposal);

  /** Runs a read-only transaction on one peer; nothing is ordered or committed. */
  byte[] evaluate(Identity caller, Proposal proposal);

  /** Where and how a transaction was committed, if the ledger knows the id. */
  Optional<TransactionInfo> transaction(String txId);

  /** Number of blocks on the channel (the next block number). */
  long height();

  /**
   * Delivers every block from {@code fromBlock} on, in order, then new blocks as they commit, on a
   * thread of the adapter's. Closing the subscription stops delivery.
   */
  Subscription onBlocks(long fromBlock, Consumer<BlockEvent> listener);

  /** Delivers the chaincode events of valid transactions from {@code fromBlock} on, in order. */
  Subscription onChaincodeEvents(long fromBlock, Consumer<ChaincodeEvent> listener);

  @Override
  void close();
}
