/**
 * The embedded adapter of {@link cn.xianglian.ledger.LedgerClient}: an in-process peer that runs
 * the same contract classes through the shim's {@code ContractRouter} against its own {@code
 * ChaincodeStub}, with Fabric's transaction flow (simulate, order, validate MVCC and phantoms,
 * commit), an append-only hash-chained block file fsynced per block, and world state, key history
 * and private data on disk in an H2 MVStore.
 *
 * <p>{@link cn.xianglian.ledger.embedded.EmbeddedCa} issues the identities: one ECDSA P-256 root
 * per MSP and leaf certificates that carry Fabric CA attributes.
 *
 * <p>Where it differs from a Fabric peer: one peer and one orderer in the process, no endorsement
 * policies (the caller's signature is the only endorsement), no collection configuration (any
 * collection name is accepted and every private value is kept), no rich queries, no
 * chaincode-to-chaincode calls and no key-level endorsement (those stub methods throw {@link
 * UnsupportedOperationException}); {@code getMspId()} is the caller's MSP; {@code purgePrivateData}
 * deletes the value. Block 0 is an empty genesis block. A {@link cn.xianglian.ledger.BlockEvent}
 * lists the writes and event of valid transactions only.
 *
 * <p>Files in the data directory: {@code blocks.dat} (the chain; enough to rebuild everything else)
 * and {@code state.mv.db} (state, history, private data, transaction index, savepoint).
 *
 * <pre>{@code
 * EmbeddedCa ca = EmbeddedCa.open(dataDir.resolve("ca"));
 * Identity producer = ca.enroll("coop-1", "CoopOrgMSP", Map.of("xl.role", "producer"));
 * try (EmbeddedLedger ledger =
 *     EmbeddedLedger.open(EmbeddedLedgerConfig.defaults(dataDir.resolve("ledger")), ca)) {
 *   ledger.submit(producer, Proposal.of("trace", "createBatch", json));
 * }
 * }</pre>
 */
package cn.xianglian.ledger.embedded;
