/**
 * The off-chain projection: a block-event consumer that writes every committed transaction, key
 * write and chaincode event into SQL tables, and decodes the trace contract's records into read
 * models (producers, batches, events, certificates, warnings, recalls). Each block's rows and the
 * checkpoint (last projected block) commit in one database transaction, so a crash never loses or
 * doubles a block; on start it resumes from the checkpoint + 1, and it can be rebuilt from the
 * ledger. Its lag (blocks committed on the ledger but not yet projected) is a health detail and a
 * Micrometer gauge.
 */
package cn.xianglian.app.projection;
