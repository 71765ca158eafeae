/**
 * Value types every domain shares, free of Fabric, Jackson and Spring: the error catalogue ({@link
 * cn.xianglian.chaincode.domain.ErrorCode}, {@link cn.xianglian.chaincode.domain.XlException}), the
 * caller ({@link cn.xianglian.chaincode.domain.Actor}, {@link cn.xianglian.chaincode.domain.Role},
 * {@link cn.xianglian.chaincode.domain.RegionCode}), the transaction ({@link
 * cn.xianglian.chaincode.domain.Tx}), times in China Standard Time ({@link
 * cn.xianglian.chaincode.domain.ChinaTime}), standard-coded enums and argument checks.
 */
package cn.xianglian.chaincode.domain;
