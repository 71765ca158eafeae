/**
 * The {@code LedgerClient} port: how applications submit and evaluate chaincode transactions, read
 * transaction metadata and follow block and chaincode events, independent of where the ledger runs.
 *
 * <p>Two adapters implement it: {@code cn.xianglian.ledger.embedded} (an in-process peer running
 * the same contract classes) and {@code cn.xianglian.ledger.fabric} (fabric-gateway against a real
 * Fabric network). Contract tests run unchanged against both.
 */
package cn.xianglian.ledger;
