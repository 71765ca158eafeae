package cn.xianglian.chaincode.finance.domain;

import static cn.xianglian.chaincode.domain.ErrorCode.AMOUNT_INVALID;

import cn.xianglian.chaincode.domain.XlException;

/** Exact arithmetic on amounts in 分 (fen, 0.01 yuan): overflow is AMOUNT_INVALID, never a wrap. */
public final class Money {

  private Money() {}

  public static long add(long a, long b) {
    try {
      return Math.addExact(a, b);
    } catch (ArithmeticException overflow) {
      throw new XlException(AMOUNT_INVALID, "amount overflows");
    }
  }

  public static long negate(long a) {
    try {
      return Math.negateExact(a);
    } catch (ArithmeticException overflow) {
      throw new XlException(AMOUNT_INVALID, "amount overflows");
    }
  }

  public static long abs(long a) {
    return a < 0 ? negate(a) : a;
  }
}
