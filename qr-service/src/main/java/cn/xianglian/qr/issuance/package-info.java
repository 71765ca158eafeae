/**
 * Issuance of code runs: a run is one batch's consecutive serial range at one packaging level,
 * recorded (with the SHA-256 digest of its codes) as one ledger transaction through the {@link
 * cn.xianglian.qr.issuance.CodeRunRegistry} port. Serials are derived from the range, never stored
 * one by one; cases and pallets aggregate their contents arithmetically. The run model, digest,
 * aggregation and service are pure Java; the controller and the ledger adapter are the edges.
 */
package cn.xianglian.qr.issuance;
