/**
 * Server-rendered pages (Thymeleaf, zh-CN first, English with {@code ?lang=en}) over the
 * projection: login (form, session, CSRF on), the county auditor's traceability overview with
 * drill-down to ledger transactions, the producer's batches and batch registration, the public
 * batch history and verification pages; the finance (三资) oversight overview and drill-downs, the
 * village committee's disclosure and objection pages and the public village disclosure page ({@code
 * FinancePages}); PDF exports with charts ({@code PdfExports}); producer credit ({@code
 * CreditPages}); CSV/XLSX exports. Every page that reads records, and every REST API read of
 * personal data ({@code ApiAccessLog}), writes the access log.
 */
package cn.xianglian.app.web;
