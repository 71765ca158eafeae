package cn.xianglian.chaincode.domain;

/**
 * The stable rejection codes of every contract, in the order a transaction checks them. Clients
 * match on the name; the order is the precedence documented in {@code docs/errors.md}.
 */
public enum ErrorCode {
  /** Malformed JSON, missing or malformed field, unknown enum value, payload over 64 KiB. */
  INVALID_ARGUMENT,
  /** The caller's role may not run this transaction. */
  ACCESS_DENIED,
  /** The record's region is outside the caller's region scope. */
  REGION_OUT_OF_SCOPE,
  PRODUCER_NOT_FOUND,
  BATCH_NOT_FOUND,
  CERTIFICATE_NOT_FOUND,
  RECALL_NOT_FOUND,
  /** No chart of accounts is defined for the county (at the voucher's date). */
  CHART_NOT_FOUND,
  /** An account code is neither in the chart nor one of the village's sub-accounts. */
  ACCOUNT_NOT_FOUND,
  VOUCHER_NOT_FOUND,
  /** Unknown 四议两公开 decision id. */
  DECISION_NOT_FOUND,
  /** No disclosure catalogue (or no such item in it). */
  CATALOGUE_NOT_FOUND,
  PUBLICATION_NOT_FOUND,
  OBJECTION_NOT_FOUND,
  /** Unknown contract (合同) id, or a contract of another village. */
  CONTRACT_NOT_FOUND,
  /** Unknown fixed asset (资产) id. */
  ASSET_NOT_FOUND,
  /** Unknown fund account (资金账户: bank or cash) id. */
  FUND_ACCOUNT_NOT_FOUND,
  /** Unknown shareholding co-operative (股份经济合作社) id. */
  COOPERATIVE_NOT_FOUND,
  /** Unknown dividend distribution (分红) id. */
  DISTRIBUTION_NOT_FOUND,
  /** Unknown code run (码段) id. */
  RUN_NOT_FOUND,
  /** No anchor record (公开锚定) with that index, or none holding that block. */
  ANCHOR_NOT_FOUND,
  /** Unknown party organisation (党组织) id. */
  PARTY_ORG_NOT_FOUND,
  /** Unknown party member id, or a member of another branch. */
  PARTY_MEMBER_NOT_FOUND,
  /** No party rules (党务规则) of the county in force at the date. */
  PARTY_RULES_NOT_FOUND,
  /** Unknown meeting (三会一课 / 主题党日) id. */
  MEETING_NOT_FOUND,
  /** Unknown grid (网格) id. */
  GRID_NOT_FOUND,
  /** Unknown grid worker (网格员) id. */
  GRID_WORKER_NOT_FOUND,
  /** Unknown grid event id. */
  GRID_EVENT_NOT_FOUND,
  /** No grid category catalogue for the county, or no such category in it. */
  GRID_CATALOGUE_NOT_FOUND,
  /** A department that the event's catalogue does not list. */
  DEPARTMENT_NOT_FOUND,
  /** The caller's party does not own the batch (or is not its pending owner, or not the issuer). */
  NOT_OWNER,
  /**
   * The caller is not the party the record names: a grid worker of another grid, a department the
   * event is not dispatched to, someone other than the reporter rating.
   */
  NOT_ASSIGNED,
  /** An anchored block range that does not follow the last recorded one. */
  ANCHOR_RANGE_NOT_NEXT,
  /** A client-chosen id exists with different content. */
  ALREADY_EXISTS,
  /** An event id was already used with different content. */
  EVENT_ID_CONFLICT,
  /** Anything but recall handling on a recalled batch. */
  BATCH_RECALLED,
  /** A run of the same product and lot belongs to another batch (a lot identifies one batch). */
  LOT_BOUND_TO_OTHER_BATCH,
  /** A run of the same product, lot and level already holds part of the serial range. */
  RANGE_OVERLAP,
  /** A CASE or PALLET run's {@code contains} does not describe a valid aggregation. */
  AGGREGATION_INVALID,
  /** A run's digest is not the digest of its codes. */
  DIGEST_MISMATCH,
  /** The batch is consumed, or in transit for anything but receiving. */
  BATCH_NOT_ACTIVE,
  /** Event time earlier than the batch's production time. */
  EVENT_BEFORE_BATCH,
  /** Zero or negative quantity, unit mismatch, or arithmetic overflow. */
  QUANTITY_INVALID,
  /** Split, merge or transform quantities do not balance, or exceed what is available. */
  QUANTITY_NOT_CONSERVED,
  /** A money amount that is zero, negative where not allowed, on both sides, or overflows. */
  AMOUNT_INVALID,
  /** Posting to an account that has sub-accounts. */
  ACCOUNT_NOT_LEAF,
  /** A voucher whose debits and credits differ. */
  VOUCHER_UNBALANCED,
  /** A voucher dated in a month-closed (月结) period. */
  PERIOD_CLOSED,
  /** A large amount (大额资金) without a matching recorded 四议两公开 decision. */
  DECISION_REQUIRED,
  /** The voucher already has a reversal (红字冲销). */
  ALREADY_REVERSED,
  /** A 党务公开 publication whose scope (党内 / 党外) its category does not allow. */
  PUBLICATION_SCOPE_INVALID,
  /** A 发展党员 step that skips a stage. */
  STAGE_SKIPPED,
  /** A 发展党员 step earlier than the required interval after the previous stage. */
  INTERVAL_NOT_MET,
  /** An illegal state transition. */
  INVALID_STATE,
  /** No dispatch rule of the catalogue covers the event's category and region. */
  NO_DISPATCH_RULE,
  /** A lineage walk (trace, recall, warning) would exceed its bound; nothing is written. */
  LIMIT_EXCEEDED
}
