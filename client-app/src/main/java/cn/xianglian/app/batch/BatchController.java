package cn.xianglian.app.batch;

import cn.xianglian.app.identity.CallerIdentities;
import cn.xianglian.app.system.Committed;
import cn.xianglian.app.system.TraceLedger;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Batches: commands (signed as the logged-in user's identity) and public reads. Every event and
 * history entry carries its transaction id, block number, timestamp and signing MSP.
 */
@RestController
@Validated
@RequestMapping("/api/v1/batches")
@Tag(name = "batches", description = "批次与事件 — batches, events, lineage and history")
class BatchController {

  private final TraceLedger ledger;
  private final CallerIdentities callers;
  private final BatchReader reader;

  BatchController(TraceLedger ledger, CallerIdentities callers, BatchReader reader) {
    this.ledger = ledger;
    this.callers = callers;
    this.reader = reader;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "创建批次 — create a batch", security = @SecurityRequirement(name = "basic"))
  Committed<BatchView> create(@Valid @RequestBody CreateBatchRequest request) {
    return batch(ledger.submit(callers.writer(), "createBatch", request));
  }

  @PostMapping("/{batchId}/events")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "记录事件 — planting, input use, inspection, harvest, packing, retail…",
      security = @SecurityRequirement(name = "basic"))
  Committed<EventView> recordEvent(
      @PathVariable @Pattern(regexp = Ids.ID) String batchId,
      @Valid @RequestBody RecordEventRequest request) {
    return event(ledger.submit(callers.writer(), "recordEvent", withBatch(request, batchId)));
  }

  @PostMapping("/{batchId}/split")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "分批 — split a batch", security = @SecurityRequirement(name = "basic"))
  Committed<EventView> split(
      @PathVariable @Pattern(regexp = Ids.ID) String batchId,
      @Valid @RequestBody MovementRequests.Split request) {
    return event(ledger.submit(callers.writer(), "splitBatch", withBatch(request, batchId)));
  }

  @PostMapping("/merge")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "合批 — merge batches", security = @SecurityRequirement(name = "basic"))
  Committed<EventView> merge(@Valid @RequestBody MovementRequests.Merge request) {
    return event(ledger.submit(callers.writer(), "mergeBatches", request));
  }

  @PostMapping("/transform")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "加工转化 — transform batches (e.g. slaughter, processing)",
      security = @SecurityRequirement(name = "basic"))
  Committed<EventView> transform(@Valid @RequestBody MovementRequests.Transform request) {
    return event(ledger.submit(callers.writer(), "transformBatch", request));
  }

  @PostMapping("/{batchId}/ship")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "发货 — ship to another party",
      security = @SecurityRequirement(name = "basic"))
  Committed<EventView> ship(
      @PathVariable @Pattern(regexp = Ids.ID) String batchId,
      @Valid @RequestBody MovementRequests.Ship request) {
    return event(ledger.submit(callers.writer(), "shipBatch", withBatch(request, batchId)));
  }

  @PostMapping("/{batchId}/receive")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "收货 — receive a shipped batch",
      security = @SecurityRequirement(name = "basic"))
  Committed<EventView> receive(
      @PathVariable @Pattern(regexp = Ids.ID) String batchId,
      @Valid @RequestBody MovementRequests.Receive request) {
    return event(ledger.submit(callers.writer(), "receiveBatch", withBatch(request, batchId)));
  }

  @GetMapping("/{batchId}")
  @Operation(summary = "批次 — a batch (public)")
  BatchView get(@PathVariable @Pattern(regexp = Ids.ID) String batchId) {
    return reader.batch(batchId);
  }

  @GetMapping("/{batchId}/events")
  @Operation(summary = "事件 — the batch's events in order, with block numbers (public)")
  List<EventView> events(@PathVariable @Pattern(regexp = Ids.ID) String batchId) {
    return reader.events(batchId);
  }

  @GetMapping("/{batchId}/trace")
  @Operation(summary = "全程追溯 — upstream and downstream history (public)")
  TraceView trace(@PathVariable @Pattern(regexp = Ids.ID) String batchId) {
    return reader.trace(batchId);
  }

  @GetMapping("/{batchId}/history")
  @Operation(summary = "键历史 — every committed version of the batch record (public)")
  List<KeyHistoryEntry> history(@PathVariable @Pattern(regexp = Ids.ID) String batchId) {
    return reader.keyHistory(batchId);
  }

  @GetMapping
  @Operation(summary = "查询批次 — by producer, product, region or day, paged by bookmark (public)")
  BatchPage query(
      @Parameter(description = "PRODUCER | PRODUCT | REGION | DAY")
          @RequestParam
          @Pattern(regexp = "PRODUCER|PRODUCT|REGION|DAY")
          String by,
      @Parameter(description = "producerId, GTIN or XL- code, 12-digit region, or yyyy-MM-dd")
          @RequestParam
          @Pattern(regexp = "[A-Za-z0-9._-]{1,64}")
          String value,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int pageSize,
      @RequestParam(required = false) @Size(max = 1024) String bookmark) {
    return reader.query(by, value, pageSize, bookmark);
  }

  private ObjectNode withBatch(Object request, String batchId) {
    return ledger.tree(request).put("batchId", batchId);
  }

  private Committed<BatchView> batch(Committed<JsonNode> done) {
    return new Committed<>(reader.batchView(done.record()), done.transaction());
  }

  private Committed<EventView> event(Committed<JsonNode> done) {
    return new Committed<>(eventView(done.record()), done.transaction());
  }

  /** Split, merge and transform may answer with the event or with {@code {event, batches}}. */
  private EventView eventView(JsonNode record) {
    JsonNode event = record.has("eventId") ? record : record.path("event");
    return reader.eventView(event.isMissingNode() ? record : event);
  }
}
