package cn.xianglian.app.batch;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A place: 12-digit 行政区划 code and a site within it. */
@Schema(description = "地点 — 12-digit region code (统计用区划代码) and a site within it")
public record LocationDto(
    @NotBlank @Pattern(regexp = "[0-9]{12}") @Schema(example = "520122100000") String region,
    @NotBlank @Size(max = 100) @Schema(example = "永靖镇 3号田") String site) {}
