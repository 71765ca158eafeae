package cn.xianglian.app.web;

import cn.xianglian.app.identity.CallerIdentities;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Writes an access-log row for every successful REST API read of records that hold or point to
 * personal data (producers, objections, vouchers and account entries with their counterparties, the
 * caller's own identity), as the pages do for theirs: who, when, which path, which record.
 */
final class ApiAccessLog implements HandlerInterceptor {

  /** The personal-data reads: path pattern → record type (the id is the pattern's {id}). */
  static final Map<String, String> READS =
      Map.of(
          "/api/v1/producers/{id}", "producer",
          "/api/v1/finance/objections/{id}", "objection",
          "/api/v1/finance/publications/{id}/objections", "publication-objections",
          "/api/v1/finance/vouchers/{id}", "voucher",
          "/api/v1/finance/villages/{id}/vouchers", "village-vouchers",
          "/api/v1/finance/villages/{id}/accounts/{account}", "village-account",
          "/api/v1/me", "identity");

  private static final Map<PathPattern, String> PATTERNS =
      READS.entrySet().stream()
          .collect(
              java.util.stream.Collectors.toUnmodifiableMap(
                  e -> PathPatternParser.defaultInstance.parse(e.getKey()), Map.Entry::getValue));

  private final AccessLog log;

  ApiAccessLog(AccessLog log) {
    this.log = log;
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception failed) {
    if (!HttpMethod.GET.matches(request.getMethod())
        || failed != null
        || response.getStatus() >= 300) {
      return;
    }
    PathContainer path = PathContainer.parsePath(request.getRequestURI());
    PATTERNS.forEach(
        (pattern, type) -> {
          PathPattern.PathMatchInfo match = pattern.matchAndExtract(path);
          if (match != null) {
            String user = CallerIdentities.currentUser().orElse(null);
            log.read(user, request.getRequestURI(), type, match.getUriVariables().get("id"));
          }
        });
  }
}
