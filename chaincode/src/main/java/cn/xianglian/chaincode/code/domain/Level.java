package cn.xianglian.chaincode.code.domain;

/** Packaging level of a code run, with the serial prefix its codes carry. */
public enum Level {
  /** 单品码. */
  ITEM("U"),
  /** 箱码. */
  CASE("C"),
  /** 托盘码. */
  PALLET("P");

  private final String prefix;

  Level(String prefix) {
    this.prefix = prefix;
  }

  /** The serial prefix: {@code U}, {@code C} or {@code P}. */
  public String prefix() {
    return prefix;
  }

  /** True when {@code child} is exactly one level below this one. */
  public boolean directlyContains(Level child) {
    return child.ordinal() == ordinal() - 1;
  }
}
