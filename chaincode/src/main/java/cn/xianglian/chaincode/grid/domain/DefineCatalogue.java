package cn.xianglian.chaincode.grid.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import cn.xianglian.chaincode.domain.Require;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The argument of {@code defineCatalogue}: version {@code version} of a county's category
 * catalogue, with its departments and dispatch rules. Codes and ids are unique; every rule names a
 * listed category and department.
 */
public record DefineCatalogue(
    RegionCode county,
    Integer version,
    List<Category> categories,
    List<Department> departments,
    List<DispatchRule> rules) {

  public DefineCatalogue {
    Require.present("county", county);
    Require.argument(county.scope().length() == 6, "county must be a county-level code");
    Require.present("version", version);
    Require.argument(version >= 1 && version <= 9_999, "version must be 1..9999");
    categories = Require.distinct("categories", categories, 1, 64);
    departments = Require.distinct("departments", departments, 1, 200);
    rules = Require.distinct("rules", rules, 0, 2_000);
    Set<String> codes = new HashSet<>();
    for (Category category : categories) {
      Require.argument(
          codes.add(category.code()), "category " + category.code() + " is listed twice");
    }
    Set<String> ids = new HashSet<>();
    for (Department department : departments) {
      Require.argument(
          ids.add(department.departmentId()),
          "department " + department.departmentId() + " is listed twice");
      Require.argument(
          department.region().isWithin(county.scope()),
          "department " + department.departmentId() + " lies outside the county");
    }
    for (DispatchRule rule : rules) {
      Require.argument(
          codes.contains(rule.category()), "rule names unknown category " + rule.category());
      Require.argument(
          ids.contains(rule.departmentId()),
          "rule names unknown department " + rule.departmentId());
      Require.argument(
          rule.regionPrefix().startsWith(county.scope())
              || county.scope().startsWith(rule.regionPrefix()),
          "rule prefix " + rule.regionPrefix() + " lies outside the county");
    }
  }
}
