package cn.xianglian.app.batch;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One page of a batch query; pass {@code bookmark} back for the next page. */
@Schema(description = "分页批次 — a page of batches; an empty bookmark means the last page")
public record BatchPage(List<BatchView> records, String bookmark, Integer count) {}
