package cn.xianglian.qr.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CounterfeitHeuristicsTest {

  static final Instant T0 = Instant.parse("2026-06-01T02:00:00Z");
  static final String CODE = "/01/06901234567892/10/L1/21/U1";
  static final CounterfeitHeuristics RULES = new CounterfeitHeuristics(100, Duration.ofHours(6), 5);

  static Scan at(Instant time, Double lat, Double lon) {
    return new Scan(time, CODE, "OK", "B1", lat, lon);
  }

  @Nested
  @DisplayName("FAR_APART")
  class FarApart {

    @Test
    void xifeng_then_beijing_within_an_hour_is_a_copied_code() {
      CodeStats before = CodeStats.first(at(T0, 27.10, 106.73));
      var warnings = RULES.judge(before, at(T0.plusSeconds(3600), 39.90, 116.40));
      assertThat(warnings)
          .extracting(CounterfeitHeuristics.Warning::kind)
          .containsExactly("FAR_APART");
    }

    @Test
    void the_same_trip_over_two_days_or_a_short_trip_is_normal() {
      CodeStats before = CodeStats.first(at(T0, 27.10, 106.73));
      assertThat(RULES.judge(before, at(T0.plus(Duration.ofDays(2)), 39.90, 116.40))).isEmpty();
      assertThat(RULES.judge(before, at(T0.plusSeconds(600), 26.65, 106.63))).isEmpty();
    }

    @Test
    void scans_without_location_and_rejected_codes_are_not_judged() {
      CodeStats before = CodeStats.first(at(T0, 27.10, 106.73));
      assertThat(RULES.judge(before, at(T0.plusSeconds(60), null, null))).isEmpty();
      var forged = new Scan(T0.plusSeconds(60), CODE, "SIGNATURE_INVALID", null, 39.9, 116.4);
      assertThat(RULES.judge(before, forged)).isEmpty();
    }
  }

  @Nested
  @DisplayName("SCANNED_TOO_OFTEN")
  class TooOften {

    @Test
    void raised_once_when_the_count_reaches_the_threshold() {
      CodeStats stats = CodeStats.first(at(T0, null, null));
      int raised = 0;
      for (int i = 1; i < 10; i++) {
        Scan scan = at(T0.plusSeconds(i), null, null);
        raised += RULES.judge(stats, scan).size();
        stats = stats.plus(scan);
      }
      assertThat(raised).isEqualTo(1);
      assertThat(stats.scanCount()).isEqualTo(10);
      assertThat(stats.firstScanAt()).isEqualTo(T0);
    }
  }

  @Test
  void locations_are_kept_coarse_to_about_a_kilometre() {
    Scan scan = at(T0, 27.123456, 106.987654);
    assertThat(scan.lat()).isEqualTo(27.12);
    assertThat(scan.lon()).isEqualTo(106.99);
    assertThat(at(T0, 27.1, null).located()).isFalse();
    assertThat(at(T0, 200.0, 106.0).located()).isFalse();
  }

  @Test
  void distance_is_great_circle() {
    assertThat(CounterfeitHeuristics.distanceKm(27.10, 106.73, 39.90, 116.40))
        .isBetween(1650.0, 1700.0);
  }
}
