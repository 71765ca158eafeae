/**
 * Producer credit (信用): a score per producer from the projection's traceability records —
 * inspections, recalls and how fast they were handled, risk warnings, and whether events were
 * recorded on time — with every point explained ({@link cn.xianglian.app.credit.CreditScore}; rules
 * in docs/credit.md). Pure rules in {@code CreditScore}, reads in {@code CreditFacts}.
 */
package cn.xianglian.app.credit;
