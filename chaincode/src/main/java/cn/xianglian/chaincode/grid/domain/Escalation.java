package cn.xianglian.chaincode.grid.domain;

import java.time.OffsetDateTime;

/**
 * An escalation (督办升级) of an event whose stage ran past its limit: to {@code level} 1 (township)
 * when overdue, 2 (county) when overdue by more than the stage's limit again; {@code at} is the
 * time of the transaction that found it.
 */
public record Escalation(int level, GridStatus stage, OffsetDateTime deadline, OffsetDateTime at) {}
