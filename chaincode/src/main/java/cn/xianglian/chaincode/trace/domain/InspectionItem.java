package cn.xianglian.chaincode.trace.domain;

import cn.xianglian.chaincode.domain.Require;
import java.util.regex.Pattern;

/**
 * One tested item. Measured {@code value} and {@code limit} are decimal strings (e.g. {@code
 * "0.05"}), since no floating-point number is ever written.
 */
public record InspectionItem(
    String name, String value, String limit, String unit, InspectionResult result) {

  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,12}(\\.[0-9]{1,6})?");

  public InspectionItem {
    Require.text("item.name", name, 100);
    Require.present("item.value", value);
    Require.argument(DECIMAL.matcher(value).matches(), "item.value must be a decimal string");
    Require.present("item.limit", limit);
    Require.argument(DECIMAL.matcher(limit).matches(), "item.limit must be a decimal string");
    Require.text("item.unit", unit, 20);
    Require.present("item.result", result);
  }
}
