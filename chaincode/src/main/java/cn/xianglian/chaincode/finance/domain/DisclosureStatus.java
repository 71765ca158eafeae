package cn.xianglian.chaincode.finance.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a village stands against a catalogue for one disclosure period: per item its due date, the
 * publications made, and a status — {@code PUBLISHED}, {@code PUBLISHED_LATE}, {@code DUE} (not yet
 * published, due date not passed) or {@code OVERDUE}.
 */
public record DisclosureStatus(
    RegionCode village,
    String catalogueId,
    int catalogueVersion,
    String period,
    LocalDate dueOn,
    List<ItemStatus> items,
    int overdue) {

  /** One catalogue item. */
  public record ItemStatus(
      String categoryCode,
      String itemCode,
      String name,
      String status,
      List<String> publicationIds) {}

  /** The status on {@code today} from the village's publications of the period. */
  public static DisclosureStatus of(
      RegionCode village,
      Catalogue catalogue,
      String period,
      List<Publication> publications,
      LocalDate today) {
    LocalDate dueOn = Period.lastDay(period).plusDays(catalogue.publishWithinDays());
    List<ItemStatus> items = new ArrayList<>();
    int overdue = 0;
    for (Catalogue.Category category : catalogue.categories()) {
      for (Catalogue.Item item : category.items()) {
        List<Publication> made =
            publications.stream()
                .filter(
                    p ->
                        p.catalogueId().equals(catalogue.catalogueId())
                            && p.itemCode().equals(item.code())
                            && p.period().equals(period))
                .toList();
        String status;
        if (!made.isEmpty()) {
          status = made.stream().allMatch(Publication::late) ? "PUBLISHED_LATE" : "PUBLISHED";
        } else if (today.isAfter(dueOn)) {
          status = "OVERDUE";
          overdue++;
        } else {
          status = "DUE";
        }
        items.add(
            new ItemStatus(
                category.code(),
                item.code(),
                item.name(),
                status,
                made.stream().map(Publication::publicationId).toList()));
      }
    }
    return new DisclosureStatus(
        village, catalogue.catalogueId(), catalogue.version(), period, dueOn, items, overdue);
  }
}
