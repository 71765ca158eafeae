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
