package cn.xianglian.chaincode.finance.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import cn.xianglian.chaincode.domain.Require;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A version of a county's disclosure catalogue (公开目录): categories of items villages publish per
 * period, the days after a period's end by which they must publish, and the days a village has to
 * answer an objection. {@code toBeConfirmed} marks a catalogue whose item names are provisional.
 */
public record Catalogue(
    RegionCode county,
    String catalogueId,
    int version,
    String name,
    int publishWithinDays,
    int answerWithinDays,
    boolean toBeConfirmed,
    List<Category> categories,
    String definedBy,
    String txId,
    OffsetDateTime definedAt) {

  static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_.-]{0,31}");

  public Catalogue {
    categories = List.copyOf(categories);
  }

  /** A category (e.g. 财务) and its items. */
  public record Category(String code, String name, List<Item> items) {
    public Category {
      requireCode(code);
      Require.text("category.name", name, 40);
      items = Require.distinct("category.items", items, 1, 100);
    }
  }

  /** An item to publish (e.g. 各项收入). */
  public record Item(String code, String name) {
    public Item {
      requireCode(code);
      Require.text("item.name", name, 80);
    }
  }

  static List<Category> validCategories(List<Category> categories) {
    List<Category> copy = Require.distinct("categories", categories, 1, 20);
    Set<String> codes = new HashSet<>();
    for (Category category : copy) {
      Require.argument(codes.add(category.code()), "duplicate code " + category.code());
      for (Item item : category.items()) {
        Require.argument(codes.add(item.code()), "duplicate code " + item.code());
      }
    }
    return copy;
  }

  /** The category holding item {@code itemCode}. */
  public Optional<Category> categoryOf(String itemCode) {
    return categories.stream()
        .filter(c -> c.items().stream().anyMatch(i -> i.code().equals(itemCode)))
        .findFirst();
  }

  static String requireCode(String code) {
    Require.present("code", code);
    Require.argument(CODE.matcher(code).matches(), "code must match " + CODE.pattern());
    return code;
  }
}
