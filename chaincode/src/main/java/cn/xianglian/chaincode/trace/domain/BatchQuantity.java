package cn.xianglian.chaincode.trace.domain;

import cn.xianglian.chaincode.domain.Require;

/** A quantity of one batch: an input or output of a transformation, or a split child. */
public record BatchQuantity(String batchId, Quantity quantity) {

  public BatchQuantity {
    Require.id("batchId", batchId);
    Require.present("quantity", quantity);
  }
}
