package cn.xianglian.chaincode.grid.domain;

import cn.xianglian.chaincode.domain.Require;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;

/**
 * The argument of {@code getSlaStatistics}: events whose grid lies in region {@code scope} (6, 9 or
 * 12 digits) reported in {@code [from, to)} (both optional), grouped by {@code groupBy}; {@code
 * asOf} (default the transaction time) decides what is overdue.
 */
public record SlaQuery(
    String scope, SlaGroup groupBy, OffsetDateTime from, OffsetDateTime to, OffsetDateTime asOf) {

  private static final Pattern SCOPE = Pattern.compile("[0-9]{6}|[0-9]{9}|[0-9]{12}");

  public SlaQuery {
    Require.present("scope", scope);
    Require.argument(SCOPE.matcher(scope).matches(), "scope must be 6, 9 or 12 digits");
    Require.present("groupBy", groupBy);
    Require.argument(from == null || to == null || from.isBefore(to), "from must precede to");
  }

  /** True when {@code event} was reported in {@code [from, to)}. */
  public boolean covers(GridEvent event) {
    return (from == null || !event.reportedAt().isBefore(from))
        && (to == null || event.reportedAt().isBefore(to));
  }
}
