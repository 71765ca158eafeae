/**
 * The 息烽 demo dataset: identities enrolled and records written through the real ledger path on
 * first start.
 */
package cn.xianglian.app.demo;
