package cn.xianglian.chaincode.finance.domain;

/**
 * The five classes of 农村集体经济组织会计制度 (2023), fixed by an account code's first digit: 1 资产, 2 负债, 3
 * 所有者权益, 4 成本, 5 损益.
 */
public enum AccountClass {
  ASSET('1'),
  LIABILITY('2'),
  EQUITY('3'),
  COST('4'),
  PROFIT_AND_LOSS('5');

  private final char leadingDigit;

  AccountClass(char leadingDigit) {
    this.leadingDigit = leadingDigit;
  }

  /** The first digit of every code of this class. */
  public char leadingDigit() {
    return leadingDigit;
  }
}
