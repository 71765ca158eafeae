/**
 * The party affairs (党务) domain, free of Fabric and Jackson: organisations (党委 / 党总支 / 党支部) bound
 * to 行政区划 codes, pseudonymous members and the 发展党员 pipeline, 三会一课 and 主题党日 records with overdue
 * detection, 党费 and arrears, 民主评议, 积分 and 党务公开 with upper-organisation review. The county's rules
 * (meeting frequencies, dues brackets, stage intervals, point values) are versioned data ({@link
 * cn.xianglian.chaincode.party.domain.PartyRules}); {@link
 * cn.xianglian.chaincode.party.domain.PartyDecisions} decides every command.
 */
package cn.xianglian.chaincode.party.domain;
