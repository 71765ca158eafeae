/**
 * The village finance contract {@code finance} (三资): a thin Fabric contract over the pure {@code
 * finance.domain}, with state access ({@code FinanceStore}) for charts, rules, vouchers, closes,
 * decisions, the disclosure catalogue, publications, objections, their indexes, idempotency entries
 * and events. The bundled templates (2023 chart, disclosure catalogues) are resources under {@code
 * finance/}.
 */
package cn.xianglian.chaincode.finance;
