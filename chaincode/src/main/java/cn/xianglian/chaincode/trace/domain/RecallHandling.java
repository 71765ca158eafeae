package cn.xianglian.chaincode.trace.domain;

/** How an owner handled a recall, as recorded in the event's detail. */
public record RecallHandling(String recallId, RecallAction action, String evidenceSha256) {}
