/**
 * The traceability contract {@code trace}: a thin Fabric contract over the pure {@code
 * trace.domain}, with state access ({@code TraceStore}) for records, secondary indexes, events and
 * idempotency entries.
 */
package cn.xianglian.chaincode.trace;
