/**
 * Resolution of a scanned code: parse the Digital Link, verify its signature offline, find its run
 * (range check), read the batch from the ledger through a bounded cache that ledger events
 * invalidate, and answer with the consumer page (zh-CN H5) or JSON by content negotiation and
 * {@code linkType} (GS1 resolver conventions, RFC 9264 linksets).
 */
package cn.xianglian.qr.resolve;
