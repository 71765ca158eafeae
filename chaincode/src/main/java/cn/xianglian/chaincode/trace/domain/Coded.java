package cn.xianglian.chaincode.trace.domain;

import static cn.xianglian.chaincode.common.ErrorCode.INVALID_ARGUMENT;

import cn.xianglian.chaincode.common.XlException;

/** An enum whose JSON form is a standard code (CBV, EPCIS) rather than its Java name. */
public interface Coded {

  String code();

  /** The constant of {@code type} whose code is {@code code}, or INVALID_ARGUMENT. */
  static <E extends Enum<E> & Coded> E fromCode(Class<E> type, String code) {
    for (E constant : type.getEnumConstants()) {
      if (constant.code().equals(code)) {
        return constant;
      }
    }
    throw new XlException(INVALID_ARGUMENT, "unknown " + type.getSimpleName() + ": " + code);
  }
}
