package cn.xianglian.qr.digitallink;

import cn.xianglian.qr.QrError;
import cn.xianglian.qr.QrException;
import java.util.regex.Pattern;

/**
 * The ledger's product code for products without a GTIN ({@code XL-[A-Z0-9-]{1,30}}, as the trace
 * contract defines {@code product.code}), used in the fallback path {@code /xl/<code>/...}.
 */
public record InternalCode(String value) implements ProductKey {

  private static final Pattern SHAPE = Pattern.compile("XL-[A-Z0-9-]{1,30}");

  public InternalCode {
    if (value == null || !SHAPE.matcher(value).matches()) {
      throw new QrException(
          QrError.INVALID_LINK, "an internal product code matches XL-[A-Z0-9-]{1,30}: " + value);
    }
  }

  public static InternalCode parse(String text) {
    return new InternalCode(text);
  }

  @Override
  public String pathKey() {
    return "xl";
  }
}
