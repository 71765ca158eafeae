package cn.xianglian.app.producer;

import cn.xianglian.app.system.LedgerRef;
import io.swagger.v3.oas.annotations.media.Schema;

/** A producer's public record. */
@Schema(description = "生产主体 — public record (personal data only as a salted hash)")
public record ProducerView(
    String producerId,
    String type,
    String name,
    String region,
    String subjectCode,
    String personalDataHash,
    String owner,
    String registeredAt,
    String txId,
    LedgerRef ledger) {}
