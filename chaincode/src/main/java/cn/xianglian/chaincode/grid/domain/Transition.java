package cn.xianglian.chaincode.grid.domain;

import cn.xianglian.chaincode.domain.Require;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The argument of every transition after the report: the event, when it happened ({@code at},
 * default the transaction time), and the fields some steps need — a note or reason, evidence hashes
 * (处置), a department (manual 派遣 by township or county), the verification outcome (核查) and the
 * rating 1–5 (评价). Which fields a step requires is checked by {@link GridRules}.
 */
public record Transition(
    String eventId,
    OffsetDateTime at,
    String note,
    List<String> evidence,
    String departmentId,
    Boolean passed,
    Integer rating) {

  public Transition {
    Require.id("eventId", eventId);
    Require.optionalText("note", note, 500);
    evidence = Require.distinct("evidence", Require.optionalList(evidence), 0, 9);
    for (String hash : evidence) {
      Require.optionalSha256("evidence[]", hash);
    }
    Require.optionalId("departmentId", departmentId);
    Require.argument(rating == null || (rating >= 1 && rating <= 5), "rating must be 1..5");
  }

  /** A transition of {@code eventId} with nothing but the event. */
  public static Transition of(String eventId) {
    return new Transition(eventId, null, null, null, null, null, null);
  }
}
