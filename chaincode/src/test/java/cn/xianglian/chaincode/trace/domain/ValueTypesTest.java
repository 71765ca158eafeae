package cn.xianglian.chaincode.trace.domain;

import static cn.xianglian.chaincode.domain.ErrorCode.INVALID_ARGUMENT;
import static cn.xianglian.chaincode.domain.ErrorCode.QUANTITY_INVALID;
import static cn.xianglian.chaincode.trace.domain.Fixtures.rejects;
import static org.assertj.core.api.Assertions.assertThat;

import cn.xianglian.chaincode.domain.ChinaTime;
import cn.xianglian.chaincode.domain.PersonalData;
import cn.xianglian.chaincode.domain.RegionCode;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ValueTypesTest {

  @Nested
  @DisplayName("RegionCode")
  class RegionCodes {

    @Test
    @DisplayName("scope drops trailing zero levels 2+2+2+3+3")
    void scope() {
      assertThat(RegionCode.of("520122000000").scope()).isEqualTo("520122");
      assertThat(RegionCode.of("520122100000").scope()).isEqualTo("520122100");
      assertThat(RegionCode.of("520122100201").scope()).isEqualTo("520122100201");
      assertThat(RegionCode.of("520000000000").scope()).isEqualTo("52");
    }

    @Test
    @DisplayName("a region lies within a scope when it starts with it")
    void within() {
      assertThat(RegionCode.of("520122100201").isWithin("520122")).isTrue();
      assertThat(RegionCode.of("520123100201").isWithin("520122")).isFalse();
    }

    @Test
    @DisplayName("anything but 12 digits with no level under a zero level is INVALID_ARGUMENT")
    void invalid() {
      rejects(INVALID_ARGUMENT, () -> RegionCode.of("52012210020"));
      rejects(INVALID_ARGUMENT, () -> RegionCode.of("52012210020a"));
      rejects(INVALID_ARGUMENT, () -> RegionCode.of("000000000000"));
      rejects(INVALID_ARGUMENT, () -> RegionCode.of("520122000201"));
      rejects(INVALID_ARGUMENT, () -> RegionCode.of(null));
    }
  }

  @Nested
  @DisplayName("ProductClass")
  class ProductClasses {

    @Test
    @DisplayName("a GTIN-14 needs a valid GS1 mod-10 check digit")
    void gtin() {
      assertThat(ProductClass.hasValidCheckDigit("06901234567892")).isTrue();
      assertThat(ProductClass.hasValidCheckDigit("06901234567891")).isFalse();
      assertThat(new ProductClass("06901234567892", null, "米", "GRAIN").key())
          .isEqualTo("06901234567892");
      rejects(INVALID_ARGUMENT, () -> new ProductClass("06901234567891", null, "米", "GRAIN"));
      rejects(INVALID_ARGUMENT, () -> new ProductClass("0690123456789", null, "米", "GRAIN"));
    }

    @Test
    @DisplayName("without a GTIN, an internal XL- code; never both, never neither")
    void internalCode() {
      assertThat(new ProductClass(null, "XL-RICE-01", "米", "GRAIN").key()).isEqualTo("XL-RICE-01");
      rejects(INVALID_ARGUMENT, () -> new ProductClass(null, "RICE", "米", "GRAIN"));
      rejects(INVALID_ARGUMENT, () -> new ProductClass(null, null, "米", "GRAIN"));
      rejects(INVALID_ARGUMENT, () -> new ProductClass("06901234567892", "XL-RICE", "米", "GRAIN"));
      rejects(INVALID_ARGUMENT, () -> new ProductClass(null, "XL-RICE", " ", "GRAIN"));
    }
  }

  @Nested
  @DisplayName("Quantity")
  class Quantities {

    @Test
    @DisplayName("sums exactly in one unit; other units and overflow are QUANTITY_INVALID")
    void arithmetic() {
      assertThat(Fixtures.kg(2).plus(Fixtures.kg(3))).isEqualTo(Fixtures.kg(5));
      rejects(QUANTITY_INVALID, () -> Fixtures.kg(2).plus(Quantity.of(3, Unit.GRM)));
      rejects(QUANTITY_INVALID, () -> Fixtures.kg(Long.MAX_VALUE).plus(Fixtures.kg(1)));
      rejects(QUANTITY_INVALID, () -> Quantity.of(-1, Unit.KGM));
      rejects(QUANTITY_INVALID, () -> Quantity.zero(Unit.KGM).requirePositive("q"));
    }
  }

  @Nested
  @DisplayName("ChinaTime")
  class Times {

    @Test
    @DisplayName("normalises any offset to +08:00 and refuses fractions of seconds")
    void normalise() {
      assertThat(ChinaTime.format(ChinaTime.parse("t", "2026-05-01T00:00:00Z")))
          .isEqualTo("2026-05-01T08:00:00+08:00");
      rejects(INVALID_ARGUMENT, () -> ChinaTime.parse("t", "2026-05-01T00:00:00.1Z"));
      rejects(INVALID_ARGUMENT, () -> ChinaTime.parse("t", "2026-05-01T00:00:00"));
      rejects(INVALID_ARGUMENT, () -> ChinaTime.parse("t", "yesterday"));
    }
  }

  @Nested
  @DisplayName("BizStep and Disposition")
  class Codes {

    @Test
    @DisplayName("read and written by their CBV codes, with xl: extensions")
    void codes() {
      assertThat(BizStep.fromCode("xl:pesticide_applying")).isEqualTo(BizStep.PESTICIDE_APPLYING);
      assertThat(BizStep.fromCode("commissioning").code()).isEqualTo("commissioning");
      assertThat(Disposition.fromCode("non_conformant")).isEqualTo(Disposition.NON_CONFORMANT);
      rejects(INVALID_ARGUMENT, () -> BizStep.fromCode("PLANTING"));
      rejects(INVALID_ARGUMENT, () -> Disposition.fromCode("ACTIVE"));
    }
  }

  @Nested
  @DisplayName("InputUse and Inspection")
  class Details {

    @Test
    @DisplayName(
        "pesticides need a registration number and a safe interval; vet drugs a withdrawal")
    void inputs() {
      LocalDate day = LocalDate.of(2026, 5, 2);
      rejects(
          INVALID_ARGUMENT,
          () ->
              new InputUse(
                  InputCategory.PESTICIDE, "吡虫啉", null, Quantity.of(30, Unit.GRM), day, 14, null));
      rejects(
          INVALID_ARGUMENT,
          () ->
              new InputUse(
                  InputCategory.PESTICIDE,
                  "吡虫啉",
                  "PD1",
                  Quantity.of(30, Unit.GRM),
                  day,
                  null,
                  null));
      rejects(
          INVALID_ARGUMENT,
          () ->
              new InputUse(
                  InputCategory.VET_DRUG,
                  "阿莫西林",
                  "VD1",
                  Quantity.of(5, Unit.GRM),
                  day,
                  null,
                  null));
      assertThat(
              new InputUse(
                      InputCategory.FERTILIZER,
                      "有机肥",
                      null,
                      Quantity.of(50, Unit.KGM),
                      day,
                      null,
                      null)
                  .category())
          .isEqualTo(InputCategory.FERTILIZER);
    }

    @Test
    @DisplayName("an inspection with a failed item must fail overall; values are decimal strings")
    void inspection() {
      InspectionItem failed =
          new InspectionItem("毒死蜱", "0.09", "0.05", "mg/kg", InspectionResult.FAIL);
      rejects(
          INVALID_ARGUMENT,
          () ->
              new Inspection(
                  "站", "GB", java.util.List.of(failed), InspectionResult.PASS, "a".repeat(64)));
      rejects(
          INVALID_ARGUMENT,
          () -> new InspectionItem("毒死蜱", "1e-3", "0.05", "mg/kg", InspectionResult.PASS));
      rejects(
          INVALID_ARGUMENT,
          () -> new Inspection("站", "GB", java.util.List.of(failed), InspectionResult.FAIL, "XYZ"));
    }

    @Test
    @DisplayName("personal data: mobile number and a GB 11643 ID number; never printed")
    void personalData() {
      PersonalData data = new PersonalData("张三", "13800000000", "11010519491231002X");
      assertThat(data.toString()).doesNotContain("张三", "13800000000");
      rejects(INVALID_ARGUMENT, () -> new PersonalData("张三", "13800000000", "110105194912310021"));
      rejects(INVALID_ARGUMENT, () -> new PersonalData("张三", "02800000000", "11010519491231002X"));
    }
  }
}
