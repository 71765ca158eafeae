/**
 * The Fabric adapter of {@link cn.xianglian.ledger.LedgerClient}: fabric-gateway (Java) against a
 * real Hyperledger Fabric network.
 *
 * <p>Every stage has an explicit deadline; the commit status is checked after every submit; a
 * submit or commit-status failure is retried with the <em>same</em> signed transaction (same
 * transaction id), so a retry can never be applied twice (Fabric rejects a second copy as {@code
 * DUPLICATE_TXID} and the first copy's status stands). Ledger metadata (transaction info, height)
 * is read through the peer's {@code qscc} system chaincode; blocks and chaincode events through the
 * gateway's event service, optionally resuming from a persisted checkpoint.
 */
package cn.xianglian.ledger.fabric;
