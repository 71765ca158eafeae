/**
 * What every contract shares: the error catalogue ({@link cn.xianglian.chaincode.common.ErrorCode})
 * and its mapping to {@code ChaincodeException}, the key codec and typed state access, the
 * canonical JSON serialiser, the caller's identity (ABAC attributes) and payload limits.
 */
package cn.xianglian.chaincode.common;
