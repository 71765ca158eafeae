package cn.xianglian.app.batch;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The product class of a batch: a GTIN-14, or without one an internal {@code XL-} code. */
@Schema(description = "产品 — GTIN-14 (with GS1 check digit) or an internal code XL-…")
public record ProductDto(
    @Pattern(regexp = "[0-9]{14}") @Schema(example = "06901234567892") String gtin,
    @Pattern(regexp = "XL-[A-Z0-9-]{1,30}") @Schema(example = "XL-GONGMI") String code,
    @NotBlank @Size(max = 100) @Schema(example = "息烽贡米") String name,
    @NotBlank @Size(max = 50) @Schema(example = "粮食") String category) {}
