package cn.xianglian.qr.digitallink;

import java.util.Optional;

/**
 * XiangLian's serial scheme inside AI 21: the level prefix ({@code U} item, {@code C} case, {@code
 * P} pallet) followed by the serial number in decimal without leading zeros, e.g. {@code U1024}.
 * Serials are derived from a run's numeric range, so no code is ever stored one by one. The largest
 * number, {@value #MAX_NUMBER}, keeps a serial within AI 21's 20 characters.
 */
public record Serial(CodeLevel level, long number) {

  /** 18 digits: prefix plus number stay within AI 21's 20 characters. */
  public static final long MAX_NUMBER = 999_999_999_999_999_999L;

  public Serial {
    if (number < 1 || number > MAX_NUMBER) {
      throw new IllegalArgumentException("serial number out of 1.." + MAX_NUMBER + ": " + number);
    }
  }

  /** {@code U1024}. */
  public String text() {
    return level.prefix() + Long.toString(number);
  }

  @Override
  public String toString() {
    return text();
  }

  /**
   * Reads an AI 21 value in this scheme; empty for any other serial (a valid AI 21 value that this
   * issuer never produces, hence an unknown code).
   */
  public static Optional<Serial> parse(String text) {
    if (text == null || text.length() < 2 || text.length() > 19) {
      return Optional.empty();
    }
    Optional<CodeLevel> level = CodeLevel.ofPrefix(text.charAt(0));
    if (level.isEmpty() || text.charAt(1) == '0') {
      return Optional.empty();
    }
    long number = 0;
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return Optional.empty();
      }
      number = number * 10 + (c - '0');
    }
    return Optional.of(new Serial(level.get(), number));
  }
}
