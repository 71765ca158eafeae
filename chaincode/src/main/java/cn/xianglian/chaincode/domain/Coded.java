package cn.xianglian.chaincode.domain;

import static cn.xianglian.chaincode.domain.ErrorCode.INVALID_ARGUMENT;

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

  /** Like {@link #fromCode(Class, String)} for a type known only at run time (the serialiser). */
  static Coded fromCodeOf(Class<?> type, String code) {
    for (Object constant : type.getEnumConstants()) {
      if (constant instanceof Coded coded && coded.code().equals(code)) {
        return coded;
      }
    }
    throw new XlException(INVALID_ARGUMENT, "unknown " + type.getSimpleName() + ": " + code);
  }
}
