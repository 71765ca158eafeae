package cn.xianglian.app.epcis;

import cn.xianglian.app.batch.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** EPCIS 2.0 export of a batch's history (public). */
@RestController
@Validated
@Tag(name = "epcis", description = "EPCIS 2.0 导出 — GS1 EPCIS 2.0 JSON-LD export")
class EpcisController {

  private final EpcisExporter exporter;

  EpcisController(EpcisExporter exporter) {
    this.exporter = exporter;
  }

  @GetMapping(
      value = "/api/v1/batches/{batchId}/epcis",
      produces = {"application/ld+json", "application/json"})
  @Operation(
      summary = "EPCIS 2.0 JSON-LD 文档 — the batch's events as an EPCISDocument",
      responses =
          @ApiResponse(
              responseCode = "200",
              content =
                  @Content(
                      mediaType = "application/ld+json",
                      schema = @Schema(description = "EPCISDocument (GS1 EPCIS 2.0)"))))
  Map<String, Object> export(
      @PathVariable @Pattern(regexp = Ids.ID) String batchId,
      @Parameter(description = "also include the events of ancestors and descendants")
          @RequestParam(defaultValue = "false")
          boolean lineage) {
    return exporter.export(batchId, lineage);
  }
}
