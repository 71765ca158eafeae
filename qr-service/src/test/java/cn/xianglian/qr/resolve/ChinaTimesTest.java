package cn.xianglian.qr.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("times on the consumer page read as in China (Asia/Shanghai, zh-CN)")
class ChinaTimesTest {

  final ChinaTimes times = ChinaTimes.INSTANCE;

  @Test
  @DisplayName("a ledger time with +08:00 reads 2026年3月5日 14:20")
  void ledger_time_in_china() {
    assertThat(times.of("2026-03-05T14:20:00+08:00")).isEqualTo("2026年3月5日 14:20");
    assertThat(times.of("2026-11-24T09:05:59+08:00")).isEqualTo("2026年11月24日 09:05");
  }

  @Test
  @DisplayName("another offset is converted to Beijing time, across midnight too")
  void other_offsets_are_converted() {
    assertThat(times.of("2026-03-05T06:20:00Z")).isEqualTo("2026年3月5日 14:20");
    assertThat(times.of("2026-12-31T20:30:00Z")).isEqualTo("2027年1月1日 04:30");
    assertThat(times.of(Instant.parse("2026-03-05T06:20:00Z"))).isEqualTo("2026年3月5日 14:20");
  }

  @Test
  @DisplayName("a date reads 2026年3月5日; text that is no time is left as it is")
  void dates_and_other_text() {
    assertThat(times.of("2026-03-05")).isEqualTo("2026年3月5日");
    assertThat(times.of("上周")).isEqualTo("上周");
    assertThat(times.of("")).isEmpty();
    assertThat(times.of((String) null)).isEmpty();
  }
}
