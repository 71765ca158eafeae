package cn.xianglian.qr.digitallink;

import cn.xianglian.qr.QrError;
import cn.xianglian.qr.QrException;

/**
 * A GTIN held as 14 digits (GTIN-8, -12 and -13 are left-padded with zeros, as GS1 Digital Link
 * normalises them) whose last digit is the GS1 mod-10 check digit.
 */
public record Gtin(String value) implements ProductKey {

  public Gtin {
    if (value == null || value.length() != 14 || !digits(value)) {
      throw new QrException(QrError.INVALID_LINK, "a GTIN-14 has 14 digits: " + value);
    }
    int expected = checkDigit(value.substring(0, 13));
    if (value.charAt(13) - '0' != expected) {
      throw new QrException(
          QrError.CHECK_DIGIT_MISMATCH, "GTIN " + value + " should end in check digit " + expected);
    }
  }

  /** Accepts GTIN-8, -12, -13 or -14 digits and normalises to GTIN-14. */
  public static Gtin parse(String text) {
    if (text == null || !digits(text)) {
      throw new QrException(QrError.INVALID_LINK, "a GTIN has only digits: " + text);
    }
    return switch (text.length()) {
      case 8, 12, 13, 14 -> new Gtin("0".repeat(14 - text.length()) + text);
      default -> throw new QrException(QrError.INVALID_LINK, "a GTIN has 8, 12, 13 or 14 digits");
    };
  }

  /**
   * The GS1 mod-10 check digit of the given digits: weights 3 and 1 alternate from the rightmost
   * digit (which gets 3); the check digit brings the sum up to a multiple of ten.
   */
  public static int checkDigit(String digitsWithoutCheck) {
    int sum = 0;
    int weight = 3;
    for (int i = digitsWithoutCheck.length() - 1; i >= 0; i--) {
      sum += (digitsWithoutCheck.charAt(i) - '0') * weight;
      weight = 4 - weight;
    }
    return (10 - sum % 10) % 10;
  }

  @Override
  public String pathKey() {
    return "01";
  }

  private static boolean digits(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
