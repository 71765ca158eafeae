package cn.xianglian.chaincode.grid.domain;

import cn.xianglian.chaincode.domain.Require;

/**
 * Optional coordinates of an event (GCJ-02 or WGS-84 as the terminal reports them) in integer
 * micro-degrees: no floating-point numbers on the ledger.
 */
public record Location(Long latE6, Long lonE6) {

  public Location {
    Require.present("location.latE6", latE6);
    Require.present("location.lonE6", lonE6);
    Require.argument(Math.abs(latE6) <= 90_000_000L, "location.latE6 must be within ±90000000");
    Require.argument(Math.abs(lonE6) <= 180_000_000L, "location.lonE6 must be within ±180000000");
  }
}
