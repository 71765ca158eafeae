package cn.xianglian.qr.digitallink;

import cn.xianglian.qr.QrError;
import cn.xianglian.qr.QrException;

/**
 * One uncompressed GS1 Digital Link: product key, lot (AI 10) and serial (AI 21), always in that
 * order.
 *
 * <pre>{@code
 * DigitalLink link = DigitalLink.parsePath("/01/06901234567892/10/XF-2026-0001/21/U1024");
 * link.uri("https://xl.example.cn"); // https://xl.example.cn/01/06901234567892/10/XF-2026-0001/21/U1024
 * }</pre>
 */
public record DigitalLink(ProductKey product, String lot, String serial) {

  /** Longest path accepted before parsing: 3 + 31 + 4 + 60 + 4 + 60, rounded up. */
  public static final int MAX_PATH_LENGTH = 200;

  public DigitalLink {
    if (product == null) {
      throw new QrException(QrError.INVALID_LINK, "product key missing");
    }
    Ai82.require("10", lot);
    Ai82.require("21", serial);
  }

  /** {@code /01/<gtin>/10/<lot>/21/<serial>} with lot and serial percent-encoded. */
  public String path() {
    return "/" + product.pathSegment() + "/10/" + Ai82.encode(lot) + "/21/" + Ai82.encode(serial);
  }

  /** The link under a resolver base such as {@code https://xl.example.cn} (no trailing slash). */
  public String uri(String resolverBase) {
    return resolverBase + path();
  }

  /**
   * Parses a request path (as sent, still percent-encoded, no query). Exactly six segments are
   * accepted: {@code 01|xl}, key, {@code 10}, lot, {@code 21}, serial.
   */
  public static DigitalLink parsePath(String rawPath) {
    if (rawPath == null || rawPath.length() > MAX_PATH_LENGTH) {
      throw new QrException(QrError.INVALID_LINK, "path missing or longer than " + MAX_PATH_LENGTH);
    }
    if (!rawPath.startsWith("/")) {
      throw new QrException(QrError.INVALID_LINK, "path must start with /");
    }
    String[] parts = rawPath.substring(1).split("/", -1);
    if (parts.length != 6 || !"10".equals(parts[2]) || !"21".equals(parts[4])) {
      throw new QrException(
          QrError.INVALID_LINK, "expected /01/<gtin>/10/<lot>/21/<serial> or /xl/<code>/10/...");
    }
    ProductKey product = ProductKey.of(parts[0], parts[1]);
    return new DigitalLink(product, Ai82.decode("10", parts[3]), Ai82.decode("21", parts[5]));
  }
}
