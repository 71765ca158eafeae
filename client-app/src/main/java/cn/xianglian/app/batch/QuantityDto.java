package cn.xianglian.app.batch;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/** An integer amount in base units of a UN/ECE Rec 20 unit (no floating point). */
@Schema(description = "数量 — integer amount in base units of a UN/ECE Rec 20 unit")
public record QuantityDto(
    @NotNull @PositiveOrZero @Schema(example = "5000") Long amount,
    @NotNull
        @Pattern(regexp = "KGM|GRM|TNE|H87|LTR")
        @Schema(
            description = "KGM 千克, GRM 克, TNE 吨, H87 件, LTR 升",
            allowableValues = {"KGM", "GRM", "TNE", "H87", "LTR"},
            example = "KGM")
        String uom) {}
