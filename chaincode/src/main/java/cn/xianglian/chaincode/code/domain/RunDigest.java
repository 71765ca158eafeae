package cn.xianglian.chaincode.code.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The digest of a run: lower-case hex SHA-256 over, for each serial in order, the uncompressed GS1
 * Digital Link path of the code and a line feed ({@code /01/<gtin>/10/<lot>/21/<prefix><n>\n}, or
 * {@code /xl/<code>/…} for an internal code).
 */
public final class RunDigest {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private RunDigest() {}

  public static String of(RunProduct product, String lot, Level level, long start, long end) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
    byte[] head =
        ("/"
                + product.scheme()
                + "/"
                + product.value()
                + "/10/"
                + percentEncode(lot)
                + "/21/"
                + level.prefix())
            .getBytes(StandardCharsets.US_ASCII);
    byte[] buffer = new byte[head.length + 20];
    System.arraycopy(head, 0, buffer, 0, head.length);
    for (long n = start; n <= end; n++) {
      int length = head.length;
      String digits = Long.toString(n);
      for (int i = 0; i < digits.length(); i++) {
        buffer[length++] = (byte) digits.charAt(i);
      }
      buffer[length++] = '\n';
      sha256.update(buffer, 0, length);
    }
    return HexFormat.of().formatHex(sha256.digest());
  }

  /** Every character other than {@code A-Z a-z 0-9 - . _} as {@code %XX}, upper-case hex. */
  public static String percentEncode(String text) {
    StringBuilder out = new StringBuilder(text.length() * 3);
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_') {
        out.append(c);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    }
    return out.toString();
  }
}
