package cn.xianglian.chaincode.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Times are read and written in one form, +08:00 at second precision, fast or general path alike.
 */
class ChinaTimeTest {

  private final Random random = new Random(20261124);

  @Test
  @DisplayName("formatting gives exactly the text of the pattern uuuu-MM-dd'T'HH:mm:ssxxx")
  void formatMatchesThePattern() {
    for (int i = 0; i < 5_000; i++) {
      OffsetDateTime time = randomTime();
      assertThat(ChinaTime.format(time)).isEqualTo(ChinaTime.FORMAT.format(time));
      assertThat(ChinaTime.parse("t", ChinaTime.format(time))).isEqualTo(time);
    }
  }

  @Test
  @DisplayName("canonical text reads the same as the general ISO parser, valid or not")
  void canonicalTextAgreesWithTheIsoParser() {
    for (int i = 0; i < 5_000; i++) {
      String text =
          "%04d-%02d-%02dT%02d:%02d:%02d+08:00"
              .formatted(
                  1960 + random.nextInt(100),
                  random.nextInt(14),
                  random.nextInt(33),
                  random.nextInt(26),
                  random.nextInt(62),
                  random.nextInt(62));
      OffsetDateTime expected;
      try {
        expected = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      } catch (DateTimeParseException e) {
        expected = null;
      }
      if (expected == null || expected.getYear() < 1970) {
        assertThatThrownBy(() -> ChinaTime.parse("eventTime", text))
            .as(text)
            .isInstanceOfSatisfying(
                XlException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
      } else {
        assertThat(ChinaTime.parse("eventTime", text)).as(text).isEqualTo(expected);
      }
    }
  }

  @Test
  @DisplayName("other offsets are normalised to +08:00; fractions of a second are rejected")
  void otherForms() {
    assertThat(ChinaTime.format(ChinaTime.parse("t", "2026-05-01T00:30:00Z")))
        .isEqualTo("2026-05-01T08:30:00+08:00");
    assertThat(ChinaTime.format(ChinaTime.parse("t", "2026-05-01T08:30:00+08:00")))
        .isEqualTo("2026-05-01T08:30:00+08:00");
    assertThatThrownBy(() -> ChinaTime.parse("t", "2026-05-01T08:30:00.5+08:00"))
        .isInstanceOf(XlException.class);
    assertThatThrownBy(() -> ChinaTime.parse("t", "2026-05-01 08:30:00+08:00"))
        .isInstanceOf(XlException.class);
  }

  private OffsetDateTime randomTime() {
    long from = Instant.parse("1970-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("9999-12-31T00:00:00Z").getEpochSecond();
    long second = from + (long) (random.nextDouble() * (to - from));
    return Instant.ofEpochSecond(second).atOffset(ChinaTime.CHINA);
  }
}
