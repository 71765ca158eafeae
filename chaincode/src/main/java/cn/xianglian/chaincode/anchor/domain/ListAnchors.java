package cn.xianglian.chaincode.anchor.domain;

import cn.xianglian.chaincode.domain.Require;

/** The argument of {@code listAnchors}: from which anchor index, how many (1..1000). */
public record ListAnchors(Long fromIndex, Integer limit) {

  public ListAnchors {
    Require.present("fromIndex", fromIndex);
    Require.argument(fromIndex >= 0, "fromIndex must not be negative");
    Require.present("limit", limit);
    Require.argument(limit >= 1 && limit <= 1000, "limit must be 1..1000");
  }
}
