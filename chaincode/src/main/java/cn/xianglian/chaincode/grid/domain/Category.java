package cn.xianglian.chaincode.grid.domain;

import cn.xianglian.chaincode.domain.Require;
import cn.xianglian.chaincode.domain.Role;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A category of the catalogue (安全隐患, 矛盾纠纷, 环境卫生, 民生诉求, 农产品质量安全, 投诉建议 …): its code, Chinese name,
 * the roles that may report it and its time limits.
 */
public record Category(String code, String name, List<Role> reporters, Limits limits) {

  /** Category codes: upper-case letters, digits and underscore, 2–32 characters. */
  public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");

  public Category {
    code(code);
    Require.text("category.name", name, 50);
    reporters = Require.distinct("category.reporters", reporters, 1, 3);
    for (Role role : reporters) {
      Require.argument(
          role == Role.GRID_WORKER || role == Role.VILLAGER || role == Role.CONSUMER,
          "category.reporters may name grid_worker, villager and consumer only");
    }
    Require.present("category.limits", limits);
  }

  public static String code(String value) {
    Require.present("category", value);
    Require.argument(CODE.matcher(value).matches(), "category must match " + CODE.pattern());
    return value;
  }
}
