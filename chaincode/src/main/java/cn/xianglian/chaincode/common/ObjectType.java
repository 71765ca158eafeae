package cn.xianglian.chaincode.common;

import java.util.List;

/**
 * Every kind of key the chaincode writes, with its composite-key object type and the fixed order of
 * its attributes. Records are keyed by their id; indexes end with the id they point to, so a
 * partial key over the leading attributes lists them.
 */
public enum ObjectType {
  PRODUCER("xl.producer", "producerId"),
  BATCH("xl.batch", "batchId"),
  EVENT("xl.event", "eventId"),
  /** The events of a batch in order (an index: the event id is its last attribute). */
  BATCH_EVENT("xl.batchEvent", "batchId", "seq", "eventId"),
  CERTIFICATE("xl.certificate", "certificateNo"),
  WARNING("xl.warning", "warningId"),
  RECALL("xl.recall", "recallId"),
  /** Idempotency entry of a client-chosen id: who sent which command (hash). */
  COMMAND("xl.command", "kind", "id"),
  /** Key of a producer's personal data in the private data collection. */
  PERSONAL("xl.personal", "producerId"),
  BATCH_BY_PRODUCER("xl.idx.batchByProducer", "producerId", "batchId"),
  BATCH_BY_PRODUCT("xl.idx.batchByProduct", "product", "batchId"),
  BATCH_BY_REGION("xl.idx.batchByRegion", "county6", "township9", "village12", "batchId"),
  BATCH_BY_DAY("xl.idx.batchByDay", "yyyy", "MM", "dd", "batchId"),
  // ---- finance (三资) ----
  /** A version of a county's chart of accounts. */
  FIN_CHART("xl.fin.chart", "county6", "version"),
  /** A version of a county's approval rules. */
  FIN_RULES("xl.fin.rules", "county6", "version"),
  FIN_SUB_ACCOUNT("xl.fin.subAccount", "village12", "code"),
  /** Accounts a village's vouchers use (an index: no sub-accounts below a used account). */
  FIN_ACCOUNT_USED("xl.fin.idx.accountUsed", "village12", "code"),
  FIN_VOUCHER("xl.fin.voucher", "voucherId"),
  /** Every voucher of a village by accounting period. */
  FIN_VOUCHER_BY_PERIOD("xl.fin.idx.voucherByPeriod", "village12", "period", "voucherId"),
  /** Posted vouchers of a village by period: what the books are computed from. */
  FIN_POSTED("xl.fin.idx.posted", "village12", "period", "voucherId"),
  /** The reversal of a voucher (at most one). */
  FIN_REVERSAL("xl.fin.idx.reversal", "reversedVoucherId", "voucherId"),
  FIN_DECISION("xl.fin.decision", "decisionId"),
  /** Month closes of a village, in period order. */
  FIN_CLOSE("xl.fin.close", "village12", "period"),
  /**
   * The period of a village's latest month close: one point read instead of parsing every close
   * (with its balances) in each voucher transaction.
   */
  FIN_LAST_CLOSE("xl.fin.lastClose", "village12"),
  FIN_CATALOGUE("xl.fin.catalogue", "county6", "catalogueId", "version"),
  FIN_PUBLICATION("xl.fin.publication", "publicationId"),
  FIN_PUBLICATION_BY_VILLAGE(
      "xl.fin.idx.publicationByVillage", "village12", "period", "publicationId"),
  FIN_OBJECTION("xl.fin.objection", "objectionId"),
  FIN_OBJECTION_BY_PUBLICATION("xl.fin.idx.objectionByPublication", "publicationId", "objectionId"),
  FIN_CONTRACT("xl.fin.contract", "contractId"),
  FIN_CONTRACT_BY_VILLAGE("xl.fin.idx.contractByVillage", "village12", "contractId"),
  /** Posted vouchers with lines naming a contract. */
  FIN_CONTRACT_VOUCHER("xl.fin.idx.contractVoucher", "contractId", "voucherId"),
  FIN_ASSET("xl.fin.asset", "assetId"),
  FIN_ASSET_BY_VILLAGE("xl.fin.idx.assetByVillage", "village12", "assetId"),
  FIN_RESOURCE("xl.fin.resource", "resourceId"),
  FIN_RESOURCE_BY_VILLAGE("xl.fin.idx.resourceByVillage", "village12", "resourceId"),
  /** Key of an objector's personal data in the private data collection. */
  FIN_OBJECTOR("xl.fin.objector", "objectionId"),
  /** A fund account (资金账户: bank or cash) of the funds register. */
  FIN_FUND("xl.fin.fund", "fundAccountId"),
  FIN_FUND_BY_VILLAGE("xl.fin.idx.fundByVillage", "village12", "fundAccountId"),
  /** The fund account tied to a book account (at most one). */
  FIN_FUND_BY_ACCOUNT("xl.fin.idx.fundByAccount", "village12", "code", "fundAccountId"),
  FIN_RECONCILIATION("xl.fin.reconciliation", "reconciliationId"),
  FIN_RECONCILIATION_BY_FUND(
      "xl.fin.idx.reconciliationByFund", "fundAccountId", "asOf", "reconciliationId"),
  /** A shareholding co-operative (股份经济合作社). */
  FIN_COOPERATIVE("xl.fin.cooperative", "cooperativeId"),
  FIN_COOPERATIVE_BY_VILLAGE("xl.fin.idx.cooperativeByVillage", "village12", "cooperativeId"),
  /** A member of a co-operative (public: salted hash and shares). */
  FIN_MEMBER("xl.fin.member", "cooperativeId", "memberId"),
  /** Key of a member's personal data in the private data collection. */
  FIN_MEMBER_PERSONAL("xl.fin.memberPersonal", "cooperativeId", "memberId"),
  FIN_DISTRIBUTION("xl.fin.distribution", "distributionId"),
  FIN_DISTRIBUTION_BY_COOPERATIVE(
      "xl.fin.idx.distributionByCooperative", "cooperativeId", "distributionId"),
  /** The distribution a dividend voucher backs (at most one). */
  FIN_DISTRIBUTION_BY_VOUCHER("xl.fin.idx.distributionByVoucher", "voucherId", "distributionId"),
  // ---- code runs (码段), names as docs/contract-code.md gives them ----
  CODE_RUN("CodeRun", "runId"),
  /** Runs of a product and lot by level and zero-padded serialStart (overlap/binding checks). */
  CODE_RUN_BY_LOT("CodeRunByLot", "scheme", "product", "lot", "level", "serialStart", "runId"),
  CODE_RUN_BY_BATCH("CodeRunByBatch", "batchId", "runId"),
  // ---- anchors (公开锚定), names as docs/contract-anchor.md gives them ----
  /** An anchor record by its index zero-padded to 20 digits. */
  ANCHOR("ANCHOR", "anchorIndex"),
  /** Anchors by their zero-padded toBlock; the value is the anchor index. */
  ANCHOR_BLOCK("ANCHOR_BLOCK", "toBlock"),
  // ---- party affairs (党务), docs/contract-party.md ----
  /** A version of a county's party rules (meeting frequencies, dues, intervals, points). */
  PARTY_RULES("xl.party.rules", "county6", "version"),
  PARTY_ORG("xl.party.org", "orgId"),
  /** The organisations directly below an organisation. */
  PARTY_ORG_CHILD("xl.party.idx.orgChild", "parentId", "orgId"),
  PARTY_ORG_BY_REGION("xl.party.idx.orgByRegion", "county6", "township9", "village12", "orgId"),
  PARTY_MEMBER("xl.party.member", "memberId"),
  PARTY_MEMBER_BY_ORG("xl.party.idx.memberByOrg", "orgId", "memberId"),
  /** Key of a member's personal data in the private data collection. */
  PARTY_PERSON("xl.party.person", "memberId"),
  PARTY_MEETING("xl.party.meeting", "meetingId"),
  PARTY_MEETING_BY_ORG("xl.party.idx.meetingByOrg", "orgId", "date", "meetingId"),
  /** Meetings a member was listed in (present or absent). */
  PARTY_ATTENDANCE("xl.party.idx.attendance", "memberId", "date", "meetingId"),
  /** 党费 of a member for a month. */
  PARTY_DUES("xl.party.dues", "memberId", "month"),
  /** 民主评议 of a member for a year. */
  PARTY_EVALUATION("xl.party.evaluation", "memberId", "year"),
  PARTY_EVALUATION_BY_ORG("xl.party.idx.evaluationByOrg", "orgId", "year", "memberId"),
  PARTY_AWARD("xl.party.award", "awardId"),
  PARTY_AWARD_BY_MEMBER("xl.party.idx.awardByMember", "memberId", "date", "awardId"),
  PARTY_PUBLICATION("xl.party.publication", "publicationId"),
  PARTY_PUBLICATION_BY_ORG("xl.party.idx.publicationByOrg", "orgId", "publicationId"),

  // ---- grid governance (网格化治理) ----
  GRID("xl.grid.grid", "gridId"),
  /** Grids by county, township and village (the structure county → township → village → grid). */
  GRID_BY_REGION("xl.grid.idx.gridByRegion", "county6", "township9", "village12", "gridId"),
  /** A version of a county's category catalogue, zero-padded to 4 digits. */
  GRID_CATALOGUE("xl.grid.catalogue", "county6", "version"),
  GRID_WORKER("xl.grid.worker", "workerId"),
  /**
   * Workers ever assigned to a grid; the worker's current grid decides (entries are never removed).
   */
  GRID_WORKER_BY_GRID("xl.grid.idx.workerByGrid", "gridId", "workerId"),
  /** Key of a grid worker's personal data in the private data collection. */
  GRID_WORKER_PERSONAL("xl.grid.workerPersonal", "workerId"),
  GRID_EVENT("xl.grid.event", "eventId"),
  GRID_EVENT_BY_REGION(
      "xl.grid.idx.eventByRegion", "county6", "township9", "village12", "gridId", "eventId"),
  /** Events ever dispatched to a department; the event's current department decides. */
  GRID_EVENT_BY_DEPARTMENT("xl.grid.idx.eventByDepartment", "departmentId", "eventId"),
  /** Key of a reporter's personal data (optional) in the private data collection. */
  GRID_REPORTER_PERSONAL("xl.grid.reporterPersonal", "eventId");

  private final String objectType;
  private final List<String> attributes;

  ObjectType(String objectType, String... attributes) {
    this.objectType = objectType;
    this.attributes = List.of(attributes);
  }

  /** The composite-key object type, e.g. {@code xl.batch}. */
  public String objectType() {
    return objectType;
  }

  /** Attribute names in key order. */
  public List<String> attributes() {
    return attributes;
  }
}
