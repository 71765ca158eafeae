package cn.xianglian.app.system;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds the RFC 9457 problem details every error answer uses: {@code code}, {@code message}
 * (zh-CN), {@code messageEn}, and when known {@code field} and {@code txId}. Messages come from the
 * {@code messages*.properties} bundles under {@code error.<CODE>}.
 */
@Component
public class Problems {

  /** The default (and first) language of user-facing text. */
  public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

  private static final URI TYPE_BASE = URI.create("https://xianglian.cn/problems/");

  private final MessageSource messages;

  Problems(MessageSource messages) {
    this.messages = messages;
  }

  /** A problem for {@code code} with the status {@link ErrorStatus} gives it. */
  public ProblemDetail of(String code, String detail, String field, String txId) {
    return of(ErrorStatus.of(code), code, detail, field, txId);
  }

  /** A problem with an explicit status. */
  public ProblemDetail of(
      HttpStatus status, String code, String detail, String field, String txId) {
    String chinese = message(code, field, CHINESE);
    ProblemDetail problem = ProblemDetail.forStatus(status);
    problem.setType(TYPE_BASE.resolve(code.toLowerCase(Locale.ROOT).replace('_', '-')));
    problem.setTitle(message(code, field, Locale.ENGLISH));
    problem.setDetail(detail == null ? chinese : detail);
    problem.setProperty("code", code);
    problem.setProperty("message", chinese);
    problem.setProperty("messageEn", message(code, field, Locale.ENGLISH));
    if (field != null) {
      problem.setProperty("field", field);
    }
    if (txId != null) {
      problem.setProperty("txId", txId);
    }
    return problem;
  }

  /** The problem as a plain map, for writers outside Spring MVC (filters, entry points). */
  public static Map<String, Object> asMap(ProblemDetail problem) {
    var map = new LinkedHashMap<String, Object>();
    map.put("type", problem.getType().toString());
    map.put("title", problem.getTitle());
    map.put("status", problem.getStatus());
    map.put("detail", problem.getDetail());
    if (problem.getInstance() != null) {
      map.put("instance", problem.getInstance().toString());
    }
    if (problem.getProperties() != null) {
      map.putAll(problem.getProperties());
    }
    return map;
  }

  private String message(String code, String field, Locale locale) {
    Object[] arguments = {field == null ? "" : field};
    String fallback = messages.getMessage("error.UNKNOWN", arguments, code, locale);
    return messages.getMessage("error." + code, arguments, fallback, locale);
  }
}
