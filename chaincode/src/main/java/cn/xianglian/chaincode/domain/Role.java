package cn.xianglian.chaincode.domain;

/** Roles a caller's certificate attribute {@code xl.role} names. */
public enum Role {
  PRODUCER,
  REGULATOR,
  AUDITOR,
  VILLAGE,
  TOWNSHIP,
  COUNTY,
  ADMIN,
  /** A villager (村民), or a portal filing on a villager's behalf: files objections (质询). */
  VILLAGER,
  /** A labelling service (赋码): issues code runs for batches of its region scope. */
  LABELER,
  /**
   * A party organisation's worker (党组织书记 / 组织委员): {@code xl.party} names the organisation it acts
   * for (and, through it, for the organisations below).
   */
  PARTY_ORG,
  /** A party member (党员): {@code xl.party} is the member's pseudonymous id. */
  PARTY_MEMBER,
  /** A grid worker (网格员): reports events in the grid assigned to it, verifies handling on site. */
  GRID_WORKER,
  /** A department (职能部门) events are dispatched to: claims, returns and handles them. */
  DEPARTMENT,
  /** A consumer (消费者), or a portal filing for one: files complaints and suggestions (投诉建议). */
  CONSUMER
}
