package cn.xianglian.chaincode.finance.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import java.time.OffsetDateTime;

/**
 * A natural resource of the collective in the resource register (资源台账): land, forest, water area or
 * other, with its area in square metres and the contract (承包/租赁) it is let under, if any.
 */
public record Resource(
    String resourceId,
    RegionCode village,
    Kind kind,
    String name,
    String location,
    long areaSqm,
    String contractId,
    String registeredBy,
    String txId,
    OffsetDateTime registeredAt) {

  /** 耕地/土地, 林地, 水面, 其他. */
  public enum Kind {
    LAND,
    FOREST,
    WATER,
    OTHER
  }
}
