package cn.xianglian.chaincode.party.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Points awarded to a member under one of the county's award rules (e.g. 志愿服务, 建议被采纳), with the
 * points the rule gave at that date.
 */
public record Award(
    String awardId,
    String memberId,
    String orgId,
    String code,
    int points,
    LocalDate date,
    String note,
    int rulesVersion,
    String recordedBy,
    String txId,
    OffsetDateTime recordedAt) {}
