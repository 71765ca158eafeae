package cn.xianglian.chaincode.trace.domain;

import cn.xianglian.chaincode.domain.Require;
import java.util.regex.Pattern;

/**
 * What a batch is: a GS1 GTIN-14 (with a valid mod-10 check digit) or, without one, an internal
 * code {@code XL-[A-Z0-9-]{1,30}}; plus a display name and a category.
 */
public record ProductClass(String gtin, String code, String name, String category) {

  private static final Pattern GTIN14 = Pattern.compile("[0-9]{14}");
  private static final Pattern INTERNAL = Pattern.compile("XL-[A-Z0-9-]{1,30}");

  public ProductClass {
    Require.argument(
        (gtin == null) != (code == null), "product needs exactly one of gtin and code");
    if (gtin != null) {
      Require.argument(GTIN14.matcher(gtin).matches(), "product.gtin must be 14 digits");
      Require.argument(hasValidCheckDigit(gtin), "product.gtin has a wrong check digit: " + gtin);
    } else {
      Require.argument(INTERNAL.matcher(code).matches(), "product.code must match XL-[A-Z0-9-]");
    }
    Require.text("product.name", name, 100);
    Require.text("product.category", category, 50);
  }

  /** The identifier the product index uses: the GTIN, or else the internal code. */
  public String key() {
    return gtin != null ? gtin : code;
  }

  /** GS1 mod-10: weights 3,1,3,… from the digit left of the check digit. */
  public static boolean hasValidCheckDigit(String digits) {
    int sum = 0;
    int last = digits.length() - 1;
    for (int i = last - 1; i >= 0; i--) {
      int digit = digits.charAt(i) - '0';
      sum += (last - 1 - i) % 2 == 0 ? digit * 3 : digit;
    }
    return (10 - sum % 10) % 10 == digits.charAt(last) - '0';
  }
}
