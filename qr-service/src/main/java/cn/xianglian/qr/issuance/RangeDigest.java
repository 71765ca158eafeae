package cn.xianglian.qr.issuance;

import cn.xianglian.qr.digitallink.Ai82;
import cn.xianglian.qr.digitallink.ProductKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The digest that commits a run to its exact codes: lower-case hex SHA-256 over, for every serial
 * of the range in increasing order, the uncompressed Digital Link path followed by a line feed:
 *
 * <pre>{@code
 * /01/06901234567892/10/XF-2026-0001/21/U1\n
 * /01/06901234567892/10/XF-2026-0001/21/U2\n
 * ...
 * }</pre>
 *
 * Anyone holding the run record can recompute it; the chaincode does, before it records a run.
 */
public final class RangeDigest {

  private RangeDigest() {}

  public static String of(ProductKey product, String lot, SerialRange range) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] prefix =
        ("/" + product.pathSegment() + "/10/" + Ai82.encode(lot) + "/21/" + range.level().prefix())
            .getBytes(StandardCharsets.US_ASCII);
    byte[] number = new byte[20];
    for (long n = range.start(); n <= range.end(); n++) {
      sha256.update(prefix);
      int length = decimal(n, number);
      sha256.update(number, number.length - length, length);
      sha256.update((byte) '\n');
    }
    return HexFormat.of().formatHex(sha256.digest());
  }

  /** Writes {@code n} in decimal right-aligned into {@code buffer}; returns the digit count. */
  private static int decimal(long n, byte[] buffer) {
    int i = buffer.length;
    do {
      buffer[--i] = (byte) ('0' + n % 10);
      n /= 10;
    } while (n > 0);
    return buffer.length - i;
  }
}
