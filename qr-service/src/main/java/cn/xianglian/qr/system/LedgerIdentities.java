package cn.xianglian.qr.system;

import cn.xianglian.ledger.Identity;

/**
 * The identity the service itself acts as on the ledger: {@code reader} evaluates queries (any
 * identity may). Writes ({@code code:issueRun}) are signed by the calling user's own wallet
 * identity, never by the service (see {@link Callers}).
 */
public record LedgerIdentities(Identity reader) {}
