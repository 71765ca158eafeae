/**
 * Public anchoring in the application (公开锚定, docs/contract-anchor.md): the anchoring component
 * ({@code xl.anchor.*}, off by default) that follows the ledger, anchors Merkle checkpoints of new
 * blocks and published disclosures on an EVM chain and records each confirmed anchor back on the
 * Fabric ledger through the {@code anchor} contract; its health and metrics; the inclusion-proof
 * API ({@code /api/v1/proofs/...}) and the public proof page ({@code /public/proofs/...}) that
 * recomputes the Merkle path in the browser.
 */
package cn.xianglian.app.anchor;
