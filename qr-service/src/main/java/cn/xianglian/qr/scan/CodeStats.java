package cn.xianglian.qr.scan;

import java.time.Instant;

/**
 * What is remembered of a code's scans: first and last scan, count, and where it was last scanned
 * with a location.
 */
public record CodeStats(
    String code,
    Instant firstScanAt,
    Instant lastScanAt,
    long scanCount,
    Double lastLat,
    Double lastLon,
    Instant lastLocatedAt) {

  public static CodeStats first(Scan scan) {
    return new CodeStats(
        scan.code(),
        scan.at(),
        scan.at(),
        1,
        scan.lat(),
        scan.lon(),
        scan.located() ? scan.at() : null);
  }

  public CodeStats plus(Scan scan) {
    return new CodeStats(
        code,
        firstScanAt,
        scan.at().isAfter(lastScanAt) ? scan.at() : lastScanAt,
        scanCount + 1,
        scan.located() ? scan.lat() : lastLat,
        scan.located() ? scan.lon() : lastLon,
        scan.located() ? scan.at() : lastLocatedAt);
  }
}
