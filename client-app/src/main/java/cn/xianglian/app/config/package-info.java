/**
 * Wiring of the ledger adapter beans and the application's {@code xl.*} properties; the only
 * package that may name an adapter (embedded now, fabric next).
 */
package cn.xianglian.app.config;
