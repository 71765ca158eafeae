package cn.xianglian.chaincode.grid.domain;

import cn.xianglian.chaincode.domain.Require;
import java.util.regex.Pattern;

/**
 * The argument of {@code listEvents}: the events of region {@code scope} (6, 9 or 12 digits) or of
 * one grid, or those dispatched to a department; optionally of one state; a page of at most {@code
 * pageSize} (default 100, at most 1,000) from {@code bookmark}.
 */
public record EventQuery(
    String scope,
    String gridId,
    String departmentId,
    GridStatus status,
    Integer pageSize,
    String bookmark) {

  private static final Pattern SCOPE = Pattern.compile("[0-9]{6}|[0-9]{9}|[0-9]{12}");

  public EventQuery {
    int given = (scope == null ? 0 : 1) + (gridId == null ? 0 : 1) + (departmentId == null ? 0 : 1);
    Require.argument(given == 1, "give exactly one of scope, gridId, departmentId");
    Require.argument(
        scope == null || SCOPE.matcher(scope).matches(), "scope must be 6, 9 or 12 digits");
    Require.optionalId("gridId", gridId);
    Require.optionalId("departmentId", departmentId);
    Require.argument(
        pageSize == null || (pageSize >= 1 && pageSize <= 1_000), "pageSize must be 1..1000");
    Require.argument(bookmark == null || bookmark.length() <= 1_000, "bookmark too long");
  }

  public int size() {
    return pageSize == null ? 100 : pageSize;
  }
}
