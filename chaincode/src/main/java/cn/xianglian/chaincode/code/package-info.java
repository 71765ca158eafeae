/**
 * The code contract {@code code} (码段), as specified in docs/contract-code.md: label runs of a batch
 * (one transaction per consecutive serial range), their lot/batch indexes and the {@code
 * CodeRunIssued} event. Decisions live in {@link cn.xianglian.chaincode.code.domain}.
 */
package cn.xianglian.chaincode.code;
