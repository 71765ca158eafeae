/**
 * Resolution of a scanned code: parse the Digital Link, verify its signature offline, find its run
 * (range check), read the batch from the ledger through a bounded cache that ledger events
 * invalidate, and answer with the consumer page (zh-CN H5) or JSON by content negotiation and
 * {@code linkType} (GS1 resolver conventions, RFC 9264 linksets). A phone's plain scan of a printed
 * code is answered from the caches before Spring MVC ({@code ConsumerPageFilter}); times on the
 * page read in zh-CN form ({@code ChinaTimes}).
 */
package cn.xianglian.qr.resolve;
