package cn.xianglian.chaincode.finance.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A member (成员) of a shareholding co-operative as public state holds it: pseudonymous. The member's
 * name, phone and ID number live only in the private data collection; public state keeps {@code
 * memberHash} = SHA-256(salt ‖ canonical personal JSON) and the number of shares (股数, a whole
 * number, e.g. 人口股 + 劳龄股 counted in units).
 */
public record CooperativeMember(
    String cooperativeId,
    String memberId,
    RegionCode village,
    String memberHash,
    long shares,
    LocalDate joinedOn,
    String registeredBy,
    String txId,
    OffsetDateTime registeredAt) {}
