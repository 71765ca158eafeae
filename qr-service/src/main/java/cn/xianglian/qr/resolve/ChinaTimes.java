package cn.xianglian.qr.resolve;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Times as consumers in China read them on the page: {@code 2026年3月5日 14:20} in Asia/Shanghai,
 * whatever offset the ledger recorded ({@code 2026-03-05T06:20:00Z} reads the same). Dates without
 * a time read {@code 2026年3月5日}. Text that is no ISO time is shown as it is. JSON answers keep ISO
 * 8601; only the HTML page uses this.
 */
public final class ChinaTimes {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("uuuu年M月d日 HH:mm").withZone(CHINA);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu年M月d日");

  /** The one instance the page templates call ({@code ${t.of(b.producedAt())}}). */
  public static final ChinaTimes INSTANCE = new ChinaTimes();

  private ChinaTimes() {}

  /** An ISO 8601 time with offset, or a date, in zh-CN form; other text unchanged. */
  public String of(String iso) {
    if (iso == null || iso.isBlank()) {
      return "";
    }
    try {
      return MINUTES.format(OffsetDateTime.parse(iso));
    } catch (DateTimeException notATime) {
      try {
        return DAY.format(LocalDate.parse(iso));
      } catch (DateTimeException notADate) {
        return iso;
      }
    }
  }

  /** An instant in zh-CN form, Asia/Shanghai. */
  public String of(Instant instant) {
    return MINUTES.format(instant);
  }
}
