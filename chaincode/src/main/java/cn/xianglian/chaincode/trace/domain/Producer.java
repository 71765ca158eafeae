package cn.xianglian.chaincode.trace.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import java.time.OffsetDateTime;

/**
 * A registered producer (家庭农场, 合作社, 企业). Personal data never appears here: only its salted SHA-256
 * hash; the data itself lives in the private collection.
 */
public record Producer(
    String producerId,
    ProducerType type,
    String name,
    RegionCode region,
    String subjectCode,
    String personalDataHash,
    String owner,
    OffsetDateTime registeredAt,
    String txId) {}
