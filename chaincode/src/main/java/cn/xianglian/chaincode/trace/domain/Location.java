package cn.xianglian.chaincode.trace.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import cn.xianglian.chaincode.domain.Require;

/** A place: its region (12-digit code) and a site within it (field, barn, warehouse, stall). */
public record Location(RegionCode region, String site) {

  public Location {
    Require.present("region", region);
    Require.text("site", site, 100);
  }
}
