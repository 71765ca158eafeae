package cn.xianglian.qr.scan;

import java.time.Instant;

/**
 * One scan: when, which code (its canonical path, or the raw path when it did not parse), the
 * outcome ({@code OK} or an error code), the batch when known and a coarse location, rounded to two
 * decimals (about 1 km), when the phone gave one.
 */
public record Scan(
    Instant at, String code, String outcome, String batchId, Double lat, Double lon) {

  public Scan {
    lat = coarse(lat, 90);
    lon = coarse(lon, 180);
    if (lat == null || lon == null) {
      lat = null;
      lon = null;
    }
  }

  public boolean located() {
    return lat != null;
  }

  public boolean genuine() {
    return "OK".equals(outcome);
  }

  private static Double coarse(Double degrees, double limit) {
    if (degrees == null || degrees.isNaN() || Math.abs(degrees) > limit) {
      return null;
    }
    return Math.round(degrees * 100) / 100.0;
  }
}
