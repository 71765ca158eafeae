package cn.xianglian.app.recall;

import cn.xianglian.app.batch.BatchReader;
import cn.xianglian.app.batch.EventView;
import cn.xianglian.app.batch.Ids;
import cn.xianglian.app.identity.CallerIdentities;
import cn.xianglian.app.system.Committed;
import cn.xianglian.app.system.TraceLedger;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Risk warnings (regulators), recalls that reach every descendant batch, and recall handling. */
@RestController
@Validated
@RequestMapping("/api/v1")
@Tag(name = "recalls", description = "风险预警与召回 — warnings, recalls, recall handling")
class RecallController {

  private final TraceLedger ledger;
  private final CallerIdentities callers;
  private final BatchReader batches;

  RecallController(TraceLedger ledger, CallerIdentities callers, BatchReader batches) {
    this.ledger = ledger;
    this.callers = callers;
    this.batches = batches;
  }

  @PostMapping("/batches/{batchId}/warnings")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "风险预警 — raise a risk warning",
      security = @SecurityRequirement(name = "basic"))
  Committed<RecallViews.WarningView> warn(
      @PathVariable @Pattern(regexp = Ids.ID) String batchId,
      @Valid @RequestBody RecallRequests.Warning request) {
    Committed<JsonNode> done =
        ledger.submit(
            callers.writer(), "raiseWarning", ledger.tree(request).put("batchId", batchId));
    return new Committed<>(
        ledger.read(
            ledger.withLedger(done.record().deepCopy(), "txId"), RecallViews.WarningView.class),
        done.transaction());
  }

  @PostMapping("/batches/{batchId}/recalls")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "召回 — recall a batch and its descendants",
      security = @SecurityRequirement(name = "basic"))
  Committed<RecallViews.RecallView> recall(
      @PathVariable @Pattern(regexp = Ids.ID) String batchId,
      @Valid @RequestBody RecallRequests.Recall request) {
    Committed<JsonNode> done =
        ledger.submit(
            callers.writer(), "recallBatch", ledger.tree(request).put("batchId", batchId));
    return new Committed<>(recallView(done.record()), done.transaction());
  }

  @PostMapping("/batches/{batchId}/recall-handling")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "召回处置 — record how recalled goods were handled",
      security = @SecurityRequirement(name = "basic"))
  Committed<EventView> handle(
      @PathVariable @Pattern(regexp = Ids.ID) String batchId,
      @Valid @RequestBody RecallRequests.Handling request) {
    Committed<JsonNode> done =
        ledger.submit(
            callers.writer(), "handleRecall", ledger.tree(request).put("batchId", batchId));
    return new Committed<>(batches.eventView(done.record()), done.transaction());
  }

  @GetMapping("/recalls/{recallId}")
  @Operation(summary = "召回 — a recall and the batches it reached (public)")
  RecallViews.RecallView get(@PathVariable @Pattern(regexp = Ids.ID) String recallId) {
    return recallView(ledger.evaluate(callers.reader(), "getRecall", recallId));
  }

  private RecallViews.RecallView recallView(JsonNode record) {
    return ledger.read(ledger.withLedger(record.deepCopy(), "txId"), RecallViews.RecallView.class);
  }
}
