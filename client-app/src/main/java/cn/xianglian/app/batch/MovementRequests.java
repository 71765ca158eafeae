package cn.xianglian.app.batch;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/** Request bodies of split, merge, transform, ship and receive. */
final class MovementRequests {

  private MovementRequests() {}

  /** A batch and an amount of it. */
  @Schema(name = "BatchQuantity", description = "批次与数量")
  record BatchQuantity(
      @NotBlank @Pattern(regexp = Ids.ID) String batchId, @NotNull @Valid QuantityDto quantity) {}

  /** A batch a transformation creates. */
  @Schema(name = "NewBatch", description = "新批次 — a batch created by merge or transform")
  record NewBatch(
      @NotBlank @Pattern(regexp = Ids.ID) String batchId,
      @NotNull @Valid ProductDto product,
      @NotNull @Valid QuantityDto quantity) {}

  @Schema(
      name = "SplitBatchRequest",
      description = "分批 — split the batch into children; its quantity drops by their sum")
  record Split(
      @NotBlank @Pattern(regexp = Ids.ID) String eventId,
      @NotNull OffsetDateTime eventTime,
      @NotNull @Valid LocationDto readPoint,
      @NotEmpty @Size(max = 100) List<@Valid BatchQuantity> children) {}

  @Schema(
      name = "MergeBatchesRequest",
      description = "合批 — merge inputs into one output; output quantity = sum of inputs")
  record Merge(
      @NotBlank @Pattern(regexp = Ids.ID) String eventId,
      @NotNull OffsetDateTime eventTime,
      @NotNull @Valid LocationDto readPoint,
      @NotEmpty @Size(min = 2, max = 100) List<@Valid BatchQuantity> inputs,
      @NotNull @Valid NewBatch output) {}

  @Schema(
      name = "TransformBatchRequest",
      description = "加工转化 — e.g. 生猪 → 分割肉: sum(outputs) + loss = sum(inputs)")
  record Transform(
      @NotBlank @Pattern(regexp = Ids.ID) String eventId,
      @NotNull OffsetDateTime eventTime,
      @NotNull @Valid LocationDto readPoint,
      @NotEmpty @Size(max = 100) List<@Valid BatchQuantity> inputs,
      @NotEmpty @Size(max = 100) List<@Valid NewBatch> outputs,
      @NotNull @Valid QuantityDto loss) {}

  @Schema(
      name = "ShipBatchRequest",
      description = "发货 — ship to another party; the batch is IN_TRANSIT until received")
  record Ship(
      @NotBlank @Pattern(regexp = Ids.ID) String eventId,
      @NotNull OffsetDateTime eventTime,
      @NotNull @Valid LocationDto readPoint,
      @NotBlank @Pattern(regexp = Ids.ID) @Schema(example = "P-520122-0003") String toParty,
      @NotBlank @Pattern(regexp = Ids.ID) @Schema(example = "CoopOrgMSP") String toMspId) {}

  @Schema(name = "ReceiveBatchRequest", description = "收货 — the pending owner takes the batch over")
  record Receive(
      @NotBlank @Pattern(regexp = Ids.ID) String eventId,
      @NotNull OffsetDateTime eventTime,
      @NotNull @Valid LocationDto readPoint) {}
}
