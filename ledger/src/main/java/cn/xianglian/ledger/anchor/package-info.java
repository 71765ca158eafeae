/**
 * Public anchoring of the ledger: checkpoints (Merkle roots over the valid transactions of a
 * contiguous block range), inclusion proofs and their verification, and the service that batches
 * checkpoints from {@link cn.xianglian.ledger.LedgerClient#onBlocks} and anchors them on an EVM
 * chain through the {@link cn.xianglian.ledger.anchor.AnchorChain} port.
 *
 * <p>This package is framework-free (JDK only): hashing follows RFC 6962 (leaf prefix {@code 0x00},
 * node prefix {@code 0x01}) and proofs are checked as in RFC 9162 §2.1.3.2. The EVM adapter (Web3j)
 * lives in {@code cn.xianglian.ledger.anchor.evm}. See {@code docs/contract-anchor.md}.
 */
package cn.xianglian.ledger.anchor;
