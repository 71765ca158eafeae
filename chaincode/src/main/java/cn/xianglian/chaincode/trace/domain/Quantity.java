package cn.xianglian.chaincode.trace.domain;

import static cn.xianglian.chaincode.domain.ErrorCode.QUANTITY_INVALID;

import cn.xianglian.chaincode.domain.Require;
import cn.xianglian.chaincode.domain.XlException;

/**
 * An integer amount in base units of {@code uom} (no floating point anywhere). Amounts may be zero
 * (a consumed batch); commands require positive amounts via {@link #requirePositive}.
 */
public record Quantity(long amount, Unit uom) {

  public Quantity {
    Require.present("uom", uom);
    XlException.check(amount >= 0, QUANTITY_INVALID, "quantity must not be negative: " + amount);
  }

  public static Quantity of(long amount, Unit uom) {
    return new Quantity(amount, uom);
  }

  public static Quantity zero(Unit uom) {
    return new Quantity(0, uom);
  }

  public Quantity requirePositive(String what) {
    XlException.check(amount > 0, QUANTITY_INVALID, what + " must be positive");
    return this;
  }

  public Quantity requireSameUnit(Quantity other, String what) {
    XlException.check(
        uom == other.uom, QUANTITY_INVALID, what + ": unit " + other.uom + " is not " + uom);
    return this;
  }

  /** Exact sum; unit mismatch or overflow is QUANTITY_INVALID. */
  public Quantity plus(Quantity other) {
    requireSameUnit(other, "sum");
    try {
      return new Quantity(Math.addExact(amount, other.amount), uom);
    } catch (ArithmeticException overflow) {
      throw new XlException(QUANTITY_INVALID, "quantity overflows");
    }
  }

  public boolean exceeds(Quantity other) {
    requireSameUnit(other, "comparison");
    return amount > other.amount;
  }

  /** Exact difference; callers check {@link #exceeds} first (conservation). */
  public Quantity minus(Quantity other) {
    requireSameUnit(other, "difference");
    return new Quantity(Math.subtractExact(amount, other.amount), uom);
  }

  public boolean amountIsZero() {
    return amount == 0;
  }
}
