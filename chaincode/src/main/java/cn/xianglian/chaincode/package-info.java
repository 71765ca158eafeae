/**
 * XiangLian chaincode: the launcher for chaincode-as-a-service ({@code ChaincodeMain}) and the
 * shim's logging configuration. Contracts live in sub-packages, one per domain ({@code trace}).
 */
package cn.xianglian.chaincode;
