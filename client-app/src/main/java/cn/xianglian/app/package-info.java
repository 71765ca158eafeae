/**
 * The XiangLian client application: a REST API (OpenAPI) over the {@link
 * cn.xianglian.ledger.LedgerClient} port, packaged by feature.
 */
package cn.xianglian.app;
