package cn.xianglian.chaincode.finance.domain;

import java.time.OffsetDateTime;

/** One transition of a voucher: the status it reached, who did it, in which transaction. */
public record VoucherStep(
    VoucherStatus status, String party, String txId, OffsetDateTime time, String note) {}
