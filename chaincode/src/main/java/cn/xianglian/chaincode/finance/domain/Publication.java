package cn.xianglian.chaincode.finance.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One disclosure (公开) of a catalogue item by a village for a period: immutable, identified by the
 * SHA-256 of its content (kept off the ledger); {@code late} when published after {@code dueOn}.
 */
public record Publication(
    String publicationId,
    RegionCode village,
    String catalogueId,
    int catalogueVersion,
    String categoryCode,
    String itemCode,
    String period,
    String title,
    String contentSha256,
    LocalDate dueOn,
    boolean late,
    String publishedBy,
    String txId,
    OffsetDateTime publishedAt) {}
