package cn.xianglian.qr.digitallink;

/**
 * What identifies the product class in a link: a GTIN (AI 01) or, for products without one, the
 * ledger's internal product code under the {@code xl} path segment.
 */
public sealed interface ProductKey permits Gtin, InternalCode {

  /** The first path segment: {@code 01} for a GTIN, {@code xl} for an internal code. */
  String pathKey();

  /** The identifier as it appears in the path (a GTIN-14, or {@code XL-...}). */
  String value();

  /** {@code 01/06901234567892} or {@code xl/XL-RICE-01}: the product part of a path. */
  default String pathSegment() {
    return pathKey() + "/" + value();
  }

  /** Parses the product part of a path given its key segment ({@code 01} or {@code xl}). */
  static ProductKey of(String pathKey, String value) {
    return switch (pathKey) {
      case "01" -> Gtin.parse(value);
      case "xl" -> InternalCode.parse(value);
      default ->
          throw new cn.xianglian.qr.QrException(
              cn.xianglian.qr.QrError.INVALID_LINK, "unknown primary key segment " + pathKey);
    };
  }
}
