/**
 * Contract tests of {@code trace} written only against the {@code LedgerClient} port, so the same
 * suite runs on the embedded ledger now and on the real Fabric network later.
 */
package cn.xianglian.chaincode.contracttest;
