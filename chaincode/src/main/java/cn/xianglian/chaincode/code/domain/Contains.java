package cn.xianglian.chaincode.code.domain;

import cn.xianglian.chaincode.domain.Require;

/** Aggregation of a CASE or PALLET run: the run one level down and how many per parent code. */
public record Contains(String runId, Integer perParent) {

  public Contains {
    CodeRules.runId("contains.runId", runId);
    Require.present("contains.perParent", perParent);
    Require.argument(
        perParent >= 1 && perParent <= 100_000, "contains.perParent must be 1..100000");
  }
}
