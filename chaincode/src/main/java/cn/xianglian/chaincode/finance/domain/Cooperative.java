package cn.xianglian.chaincode.finance.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A shareholding co-operative (股份经济合作社) of a village's collective: the body whose members hold
 * shares (股份) in the collective's operating assets and receive dividends (分红) from its income.
 */
public record Cooperative(
    String cooperativeId,
    RegionCode village,
    String name,
    LocalDate foundedOn,
    String registeredBy,
    String txId,
    OffsetDateTime registeredAt) {}
