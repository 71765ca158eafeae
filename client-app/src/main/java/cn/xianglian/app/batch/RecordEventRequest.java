package cn.xianglian.app.batch;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An observation of a batch (ObjectEvent OBSERVE): planting / breeding, input use (农药 / 兽药 / 肥料 /
 * 饲料), inspection, harvest / slaughter, packing, retail. Shipping and receiving have their own
 * endpoints.
 */
@Schema(description = "记录事件 — an observation of the batch (EPCIS ObjectEvent OBSERVE)")
record RecordEventRequest(
    @NotBlank @Pattern(regexp = Ids.ID) @Schema(example = "XF-2026-GM-0001-E1") String eventId,
    @NotBlank
        @Pattern(regexp = BIZ_STEPS)
        @Schema(
            description = "CBV bizStep or farm extension",
            allowableValues = {
              "xl:planting",
              "xl:breeding",
              "xl:fertilizing",
              "xl:pesticide_applying",
              "xl:vet_drug_applying",
              "xl:feeding",
              "xl:harvesting",
              "xl:slaughtering",
              "inspecting",
              "sampling",
              "packing",
              "retail_selling",
              "destroying",
              "holding"
            },
            example = "xl:pesticide_applying")
        String bizStep,
    @NotNull @Schema(example = "2026-07-01T09:30:00+08:00") OffsetDateTime eventTime,
    @NotNull @Valid LocationDto readPoint,
    @Valid LocationDto bizLocation,
    @Schema(description = "CBV disposition, e.g. active, in_progress, conformant")
        String disposition,
    @Valid QuantityDto quantity,
    @Valid Detail detail) {

  static final String BIZ_STEPS =
      "xl:planting|xl:breeding|xl:fertilizing|xl:pesticide_applying|xl:vet_drug_applying"
          + "|xl:feeding|xl:harvesting|xl:slaughtering|inspecting|sampling|packing"
          + "|retail_selling|destroying|holding";

  /** What was done: input use, inspection, or a note. */
  @Schema(
      name = "EventDetail",
      description = "事件详情 — input use for input steps, inspection for inspecting, else a note")
  record Detail(
      @Size(max = 500) String note, @Valid InputUse input, @Valid Inspection inspection) {}

  /** 投入品使用: pesticide (安全间隔期), veterinary drug (休药期), fertiliser or feed. */
  @Schema(name = "InputUse", description = "投入品使用 — 农药/兽药 need registrationNo and their interval")
  record InputUse(
      @NotNull
          @Pattern(regexp = "PESTICIDE|VET_DRUG|FERTILIZER|FEED")
          @Schema(allowableValues = {"PESTICIDE", "VET_DRUG", "FERTILIZER", "FEED"})
          String category,
      @NotBlank @Size(max = 100) @Schema(example = "吡虫啉可湿性粉剂") String productName,
      @Size(max = 50) @Schema(description = "农药登记证号 / 兽药批准文号", example = "PD20090001")
          String registrationNo,
      @NotNull @Valid QuantityDto dose,
      @NotNull @Schema(example = "2026-07-01") LocalDate appliedOn,
      @PositiveOrZero @Schema(description = "农药安全间隔期 (days)") Integer safeIntervalDays,
      @PositiveOrZero @Schema(description = "兽药休药期 (days)") Integer withdrawalDays) {}

  /** 检测: laboratory, method, items and the report's SHA-256. */
  @Schema(
      name = "Inspection",
      description = "检测 — lab, method, items, overall result and report SHA-256")
  record Inspection(
      @NotBlank @Size(max = 100) @Schema(example = "息烽县农产品质量安全检测站") String lab,
      @NotBlank @Size(max = 100) @Schema(example = "GB 2763-2021 快速检测") String method,
      @NotEmpty @Size(max = 100) List<@Valid Item> items,
      @NotNull @Pattern(regexp = "PASS|FAIL") String result,
      @NotBlank @Pattern(regexp = Ids.SHA256) String reportSha256) {}

  /** One measured item; value and limit are decimal strings. */
  @Schema(name = "InspectionItem")
  record Item(
      @NotBlank @Size(max = 100) @Schema(example = "毒死蜱") String name,
      @NotBlank @Pattern(regexp = DECIMAL) @Schema(example = "0.01") String value,
      @NotBlank @Pattern(regexp = DECIMAL) @Schema(example = "0.05") String limit,
      @NotBlank @Size(max = 20) @Schema(example = "mg/kg") String unit,
      @NotNull @Pattern(regexp = "PASS|FAIL") String result) {}

  static final String DECIMAL = "-?[0-9]{1,12}(\\.[0-9]{1,6})?";
}
