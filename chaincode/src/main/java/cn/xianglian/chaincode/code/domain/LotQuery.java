package cn.xianglian.chaincode.code.domain;

import cn.xianglian.chaincode.domain.Require;

/** The argument of {@code getRunsByLot}. */
public record LotQuery(String lot, RunProduct product) {

  public LotQuery {
    CodeRules.lot(lot);
    Require.present("product", product);
  }
}
