/**
 * The village finance (三资) REST API over the chaincode's {@code finance} contract: chart of
 * accounts and approval rules (county), sub-accounts, 四议两公开 decisions, vouchers through draft →
 * submit → approve/reject → post and red-ink reversal, month close (township), trial balance,
 * account detail and anomaly views, and the disclosure catalogue, publications and objections
 * (阳光村务). Writes sign as the logged-in user's wallet identity; the contract decides who may do what
 * (docs/contract-finance.md). Reads of the books need a logged-in user; charts, rules, catalogues
 * and publications are readable by anyone.
 */
package cn.xianglian.app.finance;
