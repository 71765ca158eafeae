package cn.xianglian.chaincode.trace.domain;

import cn.xianglian.chaincode.domain.Require;

/** An output batch of a merge or transformation: new id, its product and quantity. */
public record NewBatch(String batchId, ProductClass product, Quantity quantity) {

  public NewBatch {
    Require.id("batchId", batchId);
    Require.present("product", product);
    Require.present("quantity", quantity);
  }
}
