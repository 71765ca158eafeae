package cn.xianglian.chaincode.grid.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import cn.xianglian.chaincode.domain.Require;
import java.util.regex.Pattern;

/**
 * Category + region → department: events of {@code category} in grids whose region code starts with
 * {@code regionPrefix} (2–12 digits) go to {@code departmentId}. The longest matching prefix wins;
 * among equally long ones, the first rule listed.
 */
public record DispatchRule(String category, String regionPrefix, String departmentId) {

  private static final Pattern PREFIX = Pattern.compile("[0-9]{2,12}");

  public DispatchRule {
    Category.code(category);
    Require.present("rule.regionPrefix", regionPrefix);
    Require.argument(
        PREFIX.matcher(regionPrefix).matches(), "rule.regionPrefix must be 2..12 digits");
    Require.id("rule.departmentId", departmentId);
  }

  public boolean matches(String eventCategory, RegionCode region) {
    return category.equals(eventCategory) && region.code().startsWith(regionPrefix);
  }
}
