/**
 * What every contract shares: the mapping of the error catalogue ({@link
 * cn.xianglian.chaincode.domain.ErrorCode}) to {@code ChaincodeException}, the key codec and typed
 * state access, the canonical JSON serialiser, the caller's identity (ABAC attributes) and payload
 * limits. It depends on the shared {@code domain} package, never on a feature's domain.
 */
package cn.xianglian.chaincode.common;
