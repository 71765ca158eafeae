/** Architecture rules of the chaincode module, checked with ArchUnit. */
package cn.xianglian.chaincode.architecture;
