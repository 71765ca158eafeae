package cn.xianglian.chaincode.domain;

import static cn.xianglian.chaincode.domain.ErrorCode.INVALID_ARGUMENT;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Times of every domain: ISO-8601 with offset at second precision, always normalised to China
 * Standard Time ({@code +08:00}), e.g. {@code 2026-05-01T08:30:00+08:00}.
 */
public final class ChinaTime {

  public static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

  /** The one text form of a time: {@code uuuu-MM-dd'T'HH:mm:ssxxx}. */
  public static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

  private ChinaTime() {}

  /** Parses a client time with offset; rejects fractions of a second and years outside 4 digits. */
  public static OffsetDateTime parse(String field, String text) {
    Require.present(field, text);
    OffsetDateTime time;
    try {
      time = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      throw new XlException(INVALID_ARGUMENT, field + " must be yyyy-MM-ddTHH:mm:ss+08:00");
    }
    Require.argument(time.getNano() == 0, field + " must have second precision");
    OffsetDateTime china = time.withOffsetSameInstant(CHINA);
    Require.argument(
        china.getYear() >= 1970 && china.getYear() <= 9999, field + " year out of range");
    return china;
  }

  /** A transaction timestamp as a trace time (truncated to seconds). */
  public static OffsetDateTime of(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).atOffset(CHINA);
  }

  public static String format(OffsetDateTime time) {
    return FORMAT.format(time.withOffsetSameInstant(CHINA));
  }
}
