package cn.xianglian.chaincode.grid.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A stored version of a county's category catalogue (分类目录), as {@code defineCatalogue} wrote it.
 */
public record GridCatalogue(
    RegionCode county,
    int version,
    List<Category> categories,
    List<Department> departments,
    List<DispatchRule> rules,
    String definedBy,
    OffsetDateTime definedAt,
    String txId) {

  public Optional<Category> category(String code) {
    return categories.stream().filter(c -> c.code().equals(code)).findFirst();
  }

  public Optional<Department> department(String departmentId) {
    return departments.stream().filter(d -> d.departmentId().equals(departmentId)).findFirst();
  }

  /** The department the rules send an event of {@code category} in {@code region} to. */
  public Optional<String> dispatchTo(String category, RegionCode region) {
    return rules.stream()
        .filter(rule -> rule.matches(category, region))
        .max(Comparator.comparingInt(rule -> rule.regionPrefix().length()))
        // max keeps the last of equals; pick the first listed among the longest instead:
        .flatMap(
            longest ->
                rules.stream()
                    .filter(
                        rule ->
                            rule.matches(category, region)
                                && rule.regionPrefix().length() == longest.regionPrefix().length())
                    .findFirst())
        .map(DispatchRule::departmentId);
  }

  /** True when {@code command} defines exactly this catalogue (a retry). */
  public boolean sameContentAs(DefineCatalogue command) {
    return county.equals(command.county())
        && version == command.version()
        && categories.equals(command.categories())
        && departments.equals(command.departments())
        && rules.equals(command.rules());
  }
}
