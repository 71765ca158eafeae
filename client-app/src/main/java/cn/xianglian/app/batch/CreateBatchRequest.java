package cn.xianglian.app.batch;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.OffsetDateTime;

/** A new batch (批次), owned by the caller. */
@Schema(description = "创建批次 — a new batch owned by the calling producer")
record CreateBatchRequest(
    @NotBlank @Pattern(regexp = Ids.ID) @Schema(example = "XF-2026-GM-0001") String batchId,
    @NotBlank @Pattern(regexp = Ids.ID) @Schema(example = "P-520122-0001") String producerId,
    @NotNull @Valid ProductDto product,
    @NotNull @Valid QuantityDto quantity,
    @NotNull @Valid LocationDto origin,
    @NotNull
        @Pattern(regexp = "PLANTING|BREEDING|PROCESSING")
        @Schema(allowableValues = {"PLANTING", "BREEDING", "PROCESSING"})
        String productionType,
    @NotNull @Schema(example = "2026-09-20T08:00:00+08:00") OffsetDateTime producedAt) {}
