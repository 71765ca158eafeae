/**
 * The party affairs contract {@code party} (党务), as docs/contract-party.md specifies it: the thin
 * Fabric layer (argument parsing, caller, state loading and writing, events) over the pure {@link
 * cn.xianglian.chaincode.party.domain} package.
 */
package cn.xianglian.chaincode.party;
