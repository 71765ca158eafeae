/**
 * Pure rules of anchor records: argument formats, contiguous ranges and idempotent retries. No
 * Fabric, no Jackson.
 */
package cn.xianglian.chaincode.anchor.domain;
