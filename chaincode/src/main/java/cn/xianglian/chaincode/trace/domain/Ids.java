package cn.xianglian.chaincode.trace.domain;

import cn.xianglian.chaincode.domain.Require;

/** Checks of ids that queries take as plain strings. */
public final class Ids {

  private Ids() {}

  /** INVALID_ARGUMENT unless {@code value} is a well-formed client id. */
  public static String require(String field, String value) {
    return Require.id(field, value);
  }
}
