/**
 * The off-chain projection: a block-event consumer that writes every committed transaction, key
 * write and chaincode event into SQL tables, and decodes the contracts' records into read models
 * ({@link cn.xianglian.app.projection.TraceTable} for traceability, {@link
 * cn.xianglian.app.projection.FinanceTable} and {@code FinanceRows} for 三资: vouchers with lines and
 * steps, publications, objections, anomalies, per-village figures). Blocks are projected in groups,
 * each group's rows and the checkpoint (last projected block) in one database transaction, so a
 * crash never loses or doubles a block; on start it resumes from the checkpoint + 1, and it can be
 * rebuilt from the ledger. Its lag (blocks committed on the ledger but not yet projected) is a
 * health detail and a Micrometer gauge.
 */
package cn.xianglian.app.projection;
