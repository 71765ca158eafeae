package cn.xianglian.qr.system;

import cn.xianglian.qr.QrError;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details carrying the stable {@code code} and the Chinese message {@code
 * messageZh}; {@code detail} is the English explanation.
 */
public final class Problems {

  private Problems() {}

  public static ProblemDetail of(HttpStatus status, String code, String messageZh, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(messageZh);
    problem.setProperty("code", code);
    problem.setProperty("messageZh", messageZh);
    return problem;
  }

  public static ProblemDetail of(QrError error, String detail) {
    return of(ErrorStatus.of(error), error.name(), error.messageZh(), detail);
  }

  /** Writes a problem from a servlet filter, where no message converter runs. */
  static void write(HttpServletResponse response, QrError error, String detail) throws IOException {
    response.setStatus(ErrorStatus.of(error).value());
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            "{\"code\":\"%s\",\"messageZh\":\"%s\",\"status\":%d,\"detail\":\"%s\"}"
                .formatted(error.name(), error.messageZh(), ErrorStatus.of(error).value(), detail));
  }
}
