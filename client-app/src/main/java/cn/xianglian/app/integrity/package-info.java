/**
 * Integrity of what the application shows: a projected record is verified against the ledger (the
 * record re-read through the contract, or from its block, and its hash and columns compared with
 * the projected row) and the block hash chain is checked, so a row tampered with in SQL is reported
 * as tampered, never shown as valid.
 */
package cn.xianglian.app.integrity;
