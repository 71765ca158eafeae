package cn.xianglian.chaincode.finance.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A recorded 四议两公开 decision of a village (党组织提议, 两委商议, 党员大会审议, 村民(代表)会议决议; 决议公开, 实施结果公开): what it
 * approves, up to which amount, and the hashes of its minutes and of the published resolution.
 * Large vouchers must cite one.
 */
public record Decision(
    String decisionId,
    RegionCode village,
    String subject,
    LocalDate decidedOn,
    long amountFen,
    String minutesSha256,
    String resolutionSha256,
    String recordedBy,
    String txId,
    OffsetDateTime recordedAt) {}
