package cn.xianglian.qr.issuance;

import cn.xianglian.qr.digitallink.CodeLevel;

/**
 * A request for a label run. {@code lot} defaults to the batch id; {@code start} defaults to the
 * first serial after the lot's highest issued serial of that level; {@code contains} is set for
 * case and pallet runs.
 */
public record IssueRequest(
    String runId,
    String batchId,
    String lot,
    CodeLevel level,
    Long start,
    long count,
    Containment contains) {}
