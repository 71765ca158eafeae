/**
 * The traceability (溯源) domain, free of Fabric, Jackson and Spring: records (producer, batch,
 * event, certificate, warning, recall), value types (quantity, product class, region code, CBV
 * business steps and dispositions) and {@link cn.xianglian.chaincode.trace.domain.TraceRules}, the
 * decisions that take loaded state and return what to write.
 */
package cn.xianglian.chaincode.trace.domain;
