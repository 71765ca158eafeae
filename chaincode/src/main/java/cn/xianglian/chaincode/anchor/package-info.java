/**
 * The anchor contract {@code anchor} (公开锚定), as proposed in docs/contract-anchor.md: records on
 * Fabric which block ranges were anchored on the EVM chain, under which root and EVM transaction.
 * Decisions live in {@link cn.xianglian.chaincode.anchor.domain}.
 */
package cn.xianglian.chaincode.anchor;
