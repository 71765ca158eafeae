package cn.xianglian.chaincode.grid.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import java.time.OffsetDateTime;

/**
 * A grid (网格), the lowest level of the structure county → township → village → grid: its village is
 * {@code region}; township and county are the leading 9 and 6 digits of that code.
 */
public record Grid(
    String gridId,
    String name,
    RegionCode region,
    String registeredBy,
    OffsetDateTime registeredAt,
    String txId) {

  public boolean sameContentAs(RegisterGrid command) {
    return gridId.equals(command.gridId())
        && name.equals(command.name())
        && region.equals(command.region());
  }
}
