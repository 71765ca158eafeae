package cn.xianglian.qr.system;

import cn.xianglian.ledger.Identity;

/**
 * The identities the service acts as on the ledger: {@code reader} evaluates queries (any identity
 * may), {@code issuer} submits {@code code:issueRun} (role {@code labeler}, see
 * docs/contract-code.md).
 */
public record LedgerIdentities(Identity reader, Identity issuer) {}
