/**
 * Issuance of code runs: a run is one batch's consecutive serial range at one packaging level,
 * recorded (with the SHA-256 digest of its codes) as one ledger transaction through the {@link
 * cn.xianglian.qr.issuance.CodeRunRegistry} port. Serials are derived from the range, never stored
 * one by one; cases and pallets aggregate their contents arithmetically. The run model, digest,
 * aggregation, service and the rule of who may issue ({@code IssuerAccess}: the owning producer or
 * a labeler whose region scope covers the batch) are pure Java; the controller and the ledger
 * adapter are the edges.
 */
package cn.xianglian.qr.issuance;
