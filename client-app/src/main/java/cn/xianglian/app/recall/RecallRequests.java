package cn.xianglian.app.recall;

import cn.xianglian.app.batch.Ids;
import cn.xianglian.app.batch.LocationDto;
import cn.xianglian.app.batch.QuantityDto;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** Request bodies of warnings, recalls and recall handling. */
final class RecallRequests {

  private RecallRequests() {}

  @Schema(
      name = "RaiseWarningRequest",
      description = "风险预警 — a risk warning on a batch and its descendants")
  record Warning(
      @NotBlank @Pattern(regexp = Ids.ID) String warningId,
      @NotNull
          @Pattern(regexp = "LOW|MEDIUM|HIGH")
          @Schema(allowableValues = {"LOW", "MEDIUM", "HIGH"})
          String level,
      @NotBlank @Size(max = 500) @Schema(example = "抽检发现毒死蜱接近限量") String reason,
      @NotNull OffsetDateTime issuedAt) {}

  @Schema(name = "RecallBatchRequest", description = "召回 — recall a batch and every descendant")
  record Recall(
      @NotBlank @Pattern(regexp = Ids.ID) String recallId,
      @NotNull
          @Pattern(regexp = "I|II|III")
          @Schema(
              description = "召回级别 一级/二级/三级",
              allowableValues = {"I", "II", "III"})
          String level,
      @NotBlank @Size(max = 500) String reason,
      @NotNull OffsetDateTime issuedAt) {}

  @Schema(
      name = "HandleRecallRequest",
      description = "召回处置 — what the owner did with recalled goods")
  record Handling(
      @NotBlank @Pattern(regexp = Ids.ID) String eventId,
      @NotBlank @Pattern(regexp = Ids.ID) String recallId,
      @NotNull OffsetDateTime eventTime,
      @NotNull @Valid LocationDto readPoint,
      @NotNull
          @Pattern(regexp = "DESTROYED|RETURNED|REPROCESSED|HELD")
          @Schema(allowableValues = {"DESTROYED", "RETURNED", "REPROCESSED", "HELD"})
          String action,
      @NotNull @Valid QuantityDto quantity,
      @Pattern(regexp = Ids.SHA256) @Schema(description = "SHA-256 of the evidence (photos, 销毁记录)")
          String evidenceSha256) {}
}
