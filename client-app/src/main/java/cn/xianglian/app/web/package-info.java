/**
 * Server-rendered pages (Thymeleaf, zh-CN first, English with {@code ?lang=en}) over the
 * projection: login (form, session, CSRF on), the county auditor's traceability overview with
 * drill-down to ledger transactions, the producer's batches and batch registration, and the public
 * batch history and verification pages. Every page that reads records writes the access log.
 */
package cn.xianglian.app.web;
