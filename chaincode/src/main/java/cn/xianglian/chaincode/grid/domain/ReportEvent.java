package cn.xianglian.chaincode.grid.domain;

import cn.xianglian.chaincode.domain.Require;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The argument of {@code reportEvent}: a new event (事件) or complaint/suggestion (投诉建议) with a
 * client-chosen id, in a grid, of a catalogue category, with optional coordinates, photos by
 * SHA-256 and the time it was observed ({@code at}, default the transaction time).
 */
public record ReportEvent(
    String eventId,
    String gridId,
    String category,
    String title,
    String description,
    Location location,
    List<String> photos,
    OffsetDateTime at) {

  public ReportEvent {
    Require.id("eventId", eventId);
    Require.id("gridId", gridId);
    Category.code(category);
    Require.text("title", title, 100);
    Require.optionalText("description", description, 1_000);
    photos = Require.distinct("photos", Require.optionalList(photos), 0, 9);
    for (String photo : photos) {
      Require.optionalSha256("photos[]", photo);
    }
  }
}
