package cn.xianglian.chaincode.code.domain;

import cn.xianglian.chaincode.domain.Require;
import cn.xianglian.chaincode.trace.domain.ProductClass;
import java.util.regex.Pattern;

/** The product of a run: exactly one of a GTIN-14 or an internal {@code XL-} code. */
public record RunProduct(String gtin, String code) {

  private static final Pattern GTIN14 = Pattern.compile("[0-9]{14}");
  private static final Pattern INTERNAL = Pattern.compile("XL-[A-Z0-9-]{1,30}");

  public RunProduct {
    Require.argument(
        (gtin == null) != (code == null), "product needs exactly one of gtin and code");
    if (gtin != null) {
      Require.argument(GTIN14.matcher(gtin).matches(), "product.gtin must be 14 digits");
      Require.argument(
          ProductClass.hasValidCheckDigit(gtin), "product.gtin has a wrong check digit: " + gtin);
    } else {
      Require.argument(INTERNAL.matcher(code).matches(), "product.code must match XL-[A-Z0-9-]");
    }
  }

  /** {@code 01} for a GTIN (GS1 AI 01), {@code xl} for an internal code. */
  public String scheme() {
    return gtin != null ? "01" : "xl";
  }

  /** The GTIN or the internal code. */
  public String value() {
    return gtin != null ? gtin : code;
  }

  /** True when this is the product of a batch. */
  public boolean matches(ProductClass product) {
    return value().equals(product.key()) && (gtin != null) == (product.gtin() != null);
  }
}
