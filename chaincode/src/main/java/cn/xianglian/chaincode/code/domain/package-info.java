/**
 * Pure rules of code runs (码段): argument checks, the run digest (SHA-256 over the GS1 Digital Link
 * paths of the range) and the checks of {@code issueRun} in their documented order. No Fabric, no
 * Jackson.
 */
package cn.xianglian.chaincode.code.domain;
