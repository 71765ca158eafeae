package cn.xianglian.qr.scan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Signs that one serial has been copied onto many packages:
 *
 * <ul>
 *   <li>{@code FAR_APART}: the code is scanned more than {@code farApartKm} from where it was last
 *       scanned, within {@code farApartWithin} (one fruit does not travel 300 km in an hour);
 *   <li>{@code SCANNED_TOO_OFTEN}: the scan that brings the count to {@code tooManyScans} (raised
 *       once per code; a genuine item is scanned a few times).
 * </ul>
 *
 * Only genuine codes are judged: forged codes are already rejected and recorded as such.
 */
public record CounterfeitHeuristics(double farApartKm, Duration farApartWithin, int tooManyScans) {

  /** A warning for regulators. */
  public record Warning(String kind, String code, String detail) {}

  /** Judges {@code scan} against what was known before it ({@code before} may be null). */
  public List<Warning> judge(CodeStats before, Scan scan) {
    List<Warning> warnings = new ArrayList<>();
    if (!scan.genuine() || before == null) {
      return warnings;
    }
    if (scan.located() && before.lastLat() != null) {
      double km = distanceKm(before.lastLat(), before.lastLon(), scan.lat(), scan.lon());
      Duration gap = Duration.between(before.lastLocatedAt(), scan.at()).abs();
      if (km > farApartKm && gap.compareTo(farApartWithin) <= 0) {
        warnings.add(
            new Warning(
                "FAR_APART",
                scan.code(),
                "scanned %.0f km from its previous scan within %d min"
                    .formatted(km, gap.toMinutes())));
      }
    }
    if (before.scanCount() + 1 == tooManyScans) {
      warnings.add(
          new Warning("SCANNED_TOO_OFTEN", scan.code(), "scanned " + tooManyScans + " times"));
    }
    return warnings;
  }

  /** Great-circle distance (haversine, mean Earth radius 6371 km). */
  static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double a =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
