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
    if (isCanonical(text)) {
      return parseCanonical(field, text);
    }
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
    OffsetDateTime china = time.withOffsetSameInstant(CHINA);
    if (china.getYear() < 1000 || china.getYear() > 9999) {
      return FORMAT.format(china);
    }
    // The same text as FORMAT, without the formatter's machinery (a hot path of every command).
    char[] out = new char[25];
    digits(out, 0, china.getYear(), 4);
    out[4] = '-';
    digits(out, 5, china.getMonthValue(), 2);
    out[7] = '-';
    digits(out, 8, china.getDayOfMonth(), 2);
    out[10] = 'T';
    digits(out, 11, china.getHour(), 2);
    out[13] = ':';
    digits(out, 14, china.getMinute(), 2);
    out[16] = ':';
    digits(out, 17, china.getSecond(), 2);
    "+08:00".getChars(0, 6, out, 19);
    return new String(out);
  }

  /** {@code yyyy-MM-ddTHH:mm:ss+08:00} exactly: the form clients are asked to send. */
  private static boolean isCanonical(String text) {
    if (text.length() != 25 || !text.endsWith("+08:00")) {
      return false;
    }
    for (int i = 0; i < 19; i++) {
      char c = text.charAt(i);
      boolean ok =
          switch (i) {
            case 4, 7 -> c == '-';
            case 10 -> c == 'T';
            case 13, 16 -> c == ':';
            default -> c >= '0' && c <= '9';
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The canonical form read field by field, with the same checks as the general parser. */
  private static OffsetDateTime parseCanonical(String field, String text) {
    OffsetDateTime time;
    try {
      time =
          OffsetDateTime.of(
              number(text, 0, 4),
              number(text, 5, 2),
              number(text, 8, 2),
              number(text, 11, 2),
              number(text, 14, 2),
              number(text, 17, 2),
              0,
              CHINA);
    } catch (java.time.DateTimeException e) {
      throw new XlException(INVALID_ARGUMENT, field + " must be yyyy-MM-ddTHH:mm:ss+08:00");
    }
    Require.argument(
        time.getYear() >= 1970 && time.getYear() <= 9999, field + " year out of range");
    return time;
  }

  private static int number(String text, int from, int length) {
    int value = 0;
    for (int i = from; i < from + length; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }

  private static void digits(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
