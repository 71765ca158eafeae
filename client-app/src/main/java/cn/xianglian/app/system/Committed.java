package cn.xianglian.app.system;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer to a command: the record the contract wrote (or, for a retry with the same content,
 * the record that already existed) and the transaction that carried it.
 *
 * @param <T> the record's view type
 */
@Schema(description = "命令结果 — the record written and the transaction that committed it")
public record Committed<T>(T record, LedgerRef transaction) {}
