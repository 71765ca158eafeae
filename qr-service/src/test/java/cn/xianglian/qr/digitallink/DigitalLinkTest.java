package cn.xianglian.qr.digitallink;

import static cn.xianglian.qr.Errors.errorOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xianglian.qr.QrError;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigitalLinkTest {

  static final String GTIN = "06901234567892";

  @Nested
  @DisplayName("GTIN")
  class GtinSpec {

    @Test
    void check_digit_follows_gs1_mod_10() {
      assertThat(Gtin.checkDigit("0690123456789")).isEqualTo(2);
      assertThat(Gtin.checkDigit("400638133393")).isEqualTo(1);
      assertThat(Gtin.checkDigit("0000000000000")).isZero();
    }

    @Test
    void shorter_gtins_are_normalised_to_fourteen_digits() {
      assertThat(Gtin.parse("4006381333931").value()).isEqualTo("04006381333931");
      assertThat(Gtin.parse(GTIN).value()).isEqualTo(GTIN);
    }

    @Test
    void a_wrong_check_digit_is_rejected_with_its_own_code() {
      assertThat(errorOf(() -> Gtin.parse("06901234567891")))
          .isEqualTo(QrError.CHECK_DIGIT_MISMATCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0690123456789X", "123", "069012345678921", "０６９０"})
    void malformed_gtins_are_invalid_links(String text) {
      assertThat(errorOf(() -> Gtin.parse(text))).isEqualTo(QrError.INVALID_LINK);
    }
  }

  @Nested
  @DisplayName("parsePath")
  class Parse {

    @Test
    void reads_gtin_lot_and_serial_in_that_order() {
      DigitalLink link = DigitalLink.parsePath("/01/" + GTIN + "/10/XF-2026-0001/21/U1024");
      assertThat(link.product()).isEqualTo(new Gtin(GTIN));
      assertThat(link.lot()).isEqualTo("XF-2026-0001");
      assertThat(link.serial()).isEqualTo("U1024");
    }

    @Test
    void reads_the_internal_fallback_for_products_without_gtin() {
      DigitalLink link = DigitalLink.parsePath("/xl/XL-RICE-01/10/L1/21/C7");
      assertThat(link.product()).isEqualTo(new InternalCode("XL-RICE-01"));
      assertThat(link.path()).isEqualTo("/xl/XL-RICE-01/10/L1/21/C7");
    }

    @Test
    void decodes_percent_escapes_of_set_82_characters() {
      DigitalLink link = DigitalLink.parsePath("/01/" + GTIN + "/10/A%2FB%25c/21/x%3Fy");
      assertThat(link.lot()).isEqualTo("A/B%c");
      assertThat(link.serial()).isEqualTo("x?y");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "",
          "/",
          "/01/06901234567892",
          "/01/06901234567892/10/L1",
          "/01/06901234567892/21/U1/10/L1",
          "/01/06901234567892/10/L1/21/U1/extra",
          "/01/06901234567892/10//21/U1",
          "/02/06901234567892/10/L1/21/U1",
          "/01/06901234567892/10/L%2/21/U1",
          "/01/06901234567892/10/L%ZZ/21/U1",
          "/01/06901234567892/10/L%20/21/U1",
          "/01/06901234567892/10/L%E4%B8%AD/21/U1",
          "/01/06901234567892/10/L1/21/U#1",
          "/01/06901234567892/10/123456789012345678901/21/U1",
          "/xl/xl-lower/10/L1/21/U1",
          "01/06901234567892/10/L1/21/U1"
        })
    void rejects_anything_else_as_an_invalid_link(String path) {
      assertThat(errorOf(() -> DigitalLink.parsePath(path))).isEqualTo(QrError.INVALID_LINK);
    }

    @Test
    void rejects_paths_longer_than_the_limit_before_parsing() {
      String path = "/01/" + GTIN + "/10/" + "A".repeat(300) + "/21/U1";
      assertThat(errorOf(() -> DigitalLink.parsePath(path))).isEqualTo(QrError.INVALID_LINK);
    }

    @Test
    void reports_a_wrong_check_digit_in_the_path() {
      assertThat(errorOf(() -> DigitalLink.parsePath("/01/06901234567891/10/L1/21/U1")))
          .isEqualTo(QrError.CHECK_DIGIT_MISMATCH);
    }
  }

  @Nested
  @DisplayName("build")
  class Build {

    @Test
    void writes_the_uncompressed_uri_under_the_resolver() {
      var link = new DigitalLink(new Gtin(GTIN), "XF-2026-0001", "U1024");
      assertThat(link.uri("https://qr.xianglian.cn"))
          .isEqualTo("https://qr.xianglian.cn/01/06901234567892/10/XF-2026-0001/21/U1024");
    }

    @Test
    void round_trips_every_set_82_character() {
      String all = "!\"%&'()*+,-./:;<=>?_";
      var link = new DigitalLink(new Gtin(GTIN), all.substring(0, 20), "aZ09" + all.substring(10));
      assertThat(DigitalLink.parsePath(link.path())).isEqualTo(link);
      assertThat(link.path()).doesNotContain("?", "#", "//10");
    }

    @Test
    void refuses_values_outside_ai_10_and_21() {
      assertThat(errorOf(() -> new DigitalLink(new Gtin(GTIN), "批次1", "U1")))
          .isEqualTo(QrError.INVALID_LINK);
      assertThat(errorOf(() -> new DigitalLink(new Gtin(GTIN), "L1", "U".repeat(21))))
          .isEqualTo(QrError.INVALID_LINK);
    }
  }

  @Nested
  @DisplayName("serial scheme")
  class SerialScheme {

    @Test
    void level_prefix_then_decimal_number() {
      assertThat(new Serial(CodeLevel.ITEM, 1024).text()).isEqualTo("U1024");
      assertThat(new Serial(CodeLevel.CASE, 7).text()).isEqualTo("C7");
      assertThat(new Serial(CodeLevel.PALLET, Serial.MAX_NUMBER).text()).hasSize(19);
      assertThat(Serial.parse("P12")).contains(new Serial(CodeLevel.PALLET, 12));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "U", "U0", "U012", "X12", "u12", "U1a", "U12345678901234567890"})
    void other_serials_are_not_ours(String text) {
      assertThat(Serial.parse(text)).isEmpty();
    }

    @Test
    void numbers_outside_the_range_are_refused() {
      assertThatThrownBy(() -> new Serial(CodeLevel.ITEM, 0))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
