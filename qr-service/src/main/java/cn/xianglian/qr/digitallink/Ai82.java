package cn.xianglian.qr.digitallink;

import cn.xianglian.qr.QrError;
import cn.xianglian.qr.QrException;
import java.nio.charset.StandardCharsets;

/**
 * Values of GS1 AI 10 (batch/lot) and AI 21 (serial): 1 to 20 characters of the GS1 AI encodable
 * character set 82, and their percent-encoding in a Digital Link path segment. Every character
 * other than {@code A-Z a-z 0-9 - . _} is written as {@code %XX} (upper-case hex), so a value
 * round-trips exactly and a path never carries a raw {@code / ? # %}.
 */
public final class Ai82 {

  /** GS1 General Specifications: the maximum length of AI 10 and AI 21 values. */
  public static final int MAX_LENGTH = 20;

  private static final String SYMBOLS = "!\"%&'()*+,-./:;<=>?_";

  private Ai82() {}

  /** True for a character of GS1 AI encodable character set 82. */
  public static boolean inSet82(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || SYMBOLS.indexOf(c) >= 0;
  }

  /** Checks an AI 10 or AI 21 value; {@code ai} names it in the error. */
  public static String require(String ai, String value) {
    if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
      throw new QrException(
          QrError.INVALID_LINK, "AI " + ai + " holds 1 to " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      if (!inSet82(value.charAt(i))) {
        throw new QrException(
            QrError.INVALID_LINK, "AI " + ai + " allows only GS1 character set 82");
      }
    }
    return value;
  }

  /** Percent-encodes a set-82 value for a path segment. */
  public static String encode(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (unreserved(c)) {
        out.append(c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }

  /**
   * Decodes a path segment strictly: {@code %XX} escapes only (either hex case), no {@code +} for
   * space, and the result must be a valid AI value.
   */
  public static String decode(String ai, String segment) {
    if (segment.length() > 3 * MAX_LENGTH) {
      throw new QrException(QrError.INVALID_LINK, "AI " + ai + " segment too long");
    }
    byte[] out = new byte[segment.length()];
    int n = 0;
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%') {
        if (i + 2 >= segment.length()) {
          throw new QrException(QrError.INVALID_LINK, "truncated percent-escape in AI " + ai);
        }
        int hi = Character.digit(segment.charAt(i + 1), 16);
        int lo = Character.digit(segment.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw new QrException(QrError.INVALID_LINK, "bad percent-escape in AI " + ai);
        }
        out[n++] = (byte) (hi << 4 | lo);
        i += 2;
      } else if (c < 0x80) {
        out[n++] = (byte) c;
      } else {
        throw new QrException(QrError.INVALID_LINK, "non-ASCII character in AI " + ai);
      }
    }
    return require(ai, new String(out, 0, n, StandardCharsets.US_ASCII));
  }

  private static boolean unreserved(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_';
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
}
