package cn.xianglian.qr.digitallink;

import java.util.Optional;

/**
 * The packaging level a code is printed on. The level is the first character of the serial (see
 * {@link Serial}), so one GTIN and lot can carry item, case and pallet codes without collisions.
 */
public enum CodeLevel {
  /** 单品码: one piece (a fruit, a bag of rice, a cut of pork). */
  ITEM('U', "单品码"),
  /** 箱码: a case holding a fixed number of items. */
  CASE('C', "箱码"),
  /** 托盘码: a pallet holding a fixed number of cases. */
  PALLET('P', "托盘码");

  private final char prefix;
  private final String nameZh;

  CodeLevel(char prefix, String nameZh) {
    this.prefix = prefix;
    this.nameZh = nameZh;
  }

  public char prefix() {
    return prefix;
  }

  public String nameZh() {
    return nameZh;
  }

  /** The level a case or pallet contains, if any. */
  public Optional<CodeLevel> contains() {
    return switch (this) {
      case ITEM -> Optional.empty();
      case CASE -> Optional.of(ITEM);
      case PALLET -> Optional.of(CASE);
    };
  }

  public static Optional<CodeLevel> ofPrefix(char prefix) {
    for (CodeLevel level : values()) {
      if (level.prefix == prefix) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }
}
