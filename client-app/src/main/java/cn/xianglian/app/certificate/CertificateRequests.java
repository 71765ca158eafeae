package cn.xianglian.app.certificate;

import cn.xianglian.app.batch.Ids;
import cn.xianglian.app.batch.QuantityDto;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/** Request bodies of the 承诺达标合格证 commands. */
final class CertificateRequests {

  private CertificateRequests() {}

  @Schema(
      name = "IssueCertificateRequest",
      description = "开具承诺达标合格证 — issue a commitment-to-compliance certificate")
  record Issue(
      @NotBlank @Pattern(regexp = Ids.ID) @Schema(example = "HGZ-520122-2026-000001")
          String certificateNo,
      @NotBlank @Pattern(regexp = Ids.ID) String batchId,
      @NotNull
          @Pattern(regexp = "PRODUCER|COLLECTOR")
          @Schema(
              description = "生产者 or 收购者 style",
              allowableValues = {"PRODUCER", "COLLECTOR"})
          String style,
      @NotNull
          @Pattern(regexp = "QUALITY_CONTROL|SELF_TEST|ENTRUSTED_TEST")
          @Schema(
              description = "承诺依据: 质量控制 / 自行检测 / 委托检测",
              allowableValues = {"QUALITY_CONTROL", "SELF_TEST", "ENTRUSTED_TEST"})
          String basis,
      @NotEmpty
          @Size(max = 4)
          @Schema(description = "承诺内容: 不使用禁用农药兽药、不使用非法添加物、遵守安全间隔期休药期、农药兽药残留不超标")
          List<
                  @Pattern(
                      regexp =
                          "NO_BANNED_PESTICIDES_OR_VET_DRUGS|NO_ILLEGAL_ADDITIVES"
                              + "|SAFETY_INTERVALS_OBSERVED|RESIDUES_WITHIN_STANDARD")
                  String>
              promises,
      @NotNull @Valid QuantityDto quantity,
      @NotNull OffsetDateTime issuedAt,
      @Size(max = 100) List<@Pattern(regexp = Ids.ID) String> upstreamCertificateNos) {}

  @Schema(
      name = "VoidCertificateRequest",
      description = "作废合格证 — void a certificate (it stays on the ledger as VOID)")
  record Void(@NotBlank @Size(max = 500) @Schema(example = "数量填写错误") String reason) {}
}
