package cn.xianglian.chaincode.grid.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import cn.xianglian.chaincode.domain.Require;

/** The argument of {@code registerGrid}: a grid (网格) inside one administrative village. */
public record RegisterGrid(String gridId, String name, RegionCode region) {

  public RegisterGrid {
    Require.id("gridId", gridId);
    Require.text("name", name, 50);
    Require.present("region", region);
    Require.argument(region.scope().length() == 12, "region must be a village (12-digit) code");
  }
}
