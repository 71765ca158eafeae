package cn.xianglian.app.batch;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A batch's public history upstream (ancestors) and downstream (descendants). */
@Schema(description = "全程追溯 — the batch, its ancestors and descendants, each with its events")
public record TraceView(
    BatchHistory batch, List<BatchHistory> ancestors, List<BatchHistory> descendants) {

  /** A batch and its events. */
  public record BatchHistory(BatchView batch, List<EventView> events) {}
}
