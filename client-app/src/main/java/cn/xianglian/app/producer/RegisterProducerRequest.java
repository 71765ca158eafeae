package cn.xianglian.app.producer;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A producer to register. {@code personal} (name, phone, ID number of the responsible person) goes
 * to the ledger only as transient data into the private collection; public state keeps a hash.
 */
@Schema(description = "登记生产主体 — family farm, co-operative or enterprise")
record RegisterProducerRequest(
    @NotBlank
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
        @Schema(example = "P-520122-0001")
        String producerId,
    @NotNull
        @Pattern(regexp = "FAMILY_FARM|COOPERATIVE|ENTERPRISE")
        @Schema(allowableValues = {"FAMILY_FARM", "COOPERATIVE", "ENTERPRISE"})
        String type,
    @NotBlank @Size(max = 100) @Schema(example = "息烽县永靖镇贡米种植专业合作社") String name,
    @NotBlank @Pattern(regexp = "[0-9]{12}") @Schema(example = "520122100000") String region,
    @Pattern(regexp = "[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}")
        @Schema(description = "统一社会信用代码 (18 characters)")
        String subjectCode,
    @Valid @Schema(description = "负责人个人信息 — private data, never in public state")
        Personal personal) {

  /** The producer's argument without personal data. */
  Public withoutPersonal() {
    return new Public(producerId, type, name, region, subjectCode);
  }

  /** What the contract's argument holds. */
  record Public(String producerId, String type, String name, String region, String subjectCode) {}

  /** Personal data of the responsible person. */
  @Schema(name = "PersonalData")
  record Personal(
      @NotBlank @Size(max = 50) String name,
      @NotBlank @Pattern(regexp = "1[3-9][0-9]{9}") @Schema(description = "手机号") String phone,
      @NotBlank @Pattern(regexp = "[0-9]{17}[0-9X]") @Schema(description = "居民身份证号 (GB 11643)")
          String idNumber) {}
}
