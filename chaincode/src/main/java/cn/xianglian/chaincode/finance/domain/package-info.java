/**
 * The village finance (三资) domain, free of Fabric, Jackson and Spring: the chart of accounts of
 * 农村集体经济组织会计制度 as versioned county data ({@link cn.xianglian.chaincode.finance.domain.Chart}) with
 * the villages' sub-accounts, double-entry vouchers (记账凭证) and their life cycle, approval rules and
 * 四议两公开 decisions, month close (月结), the disclosure (阳光村务) catalogue, publications and objections,
 * and the auditors' views computed from posted vouchers ({@link
 * cn.xianglian.chaincode.finance.domain.TrialBalance}). {@link
 * cn.xianglian.chaincode.finance.domain.FinanceRules} holds the decisions: loaded state in, records
 * to write out.
 */
package cn.xianglian.chaincode.finance.domain;
