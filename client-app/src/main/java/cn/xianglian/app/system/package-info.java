/**
 * Cross-cutting edge concerns: the trace-contract gateway with transaction enrichment, the one
 * error advice (RFC 9457 problem details), the request size limit, OpenAPI metadata and transaction
 * lookup.
 */
package cn.xianglian.app.system;
