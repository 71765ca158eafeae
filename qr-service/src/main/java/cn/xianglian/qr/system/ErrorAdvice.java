package cn.xianglian.qr.system;

import cn.xianglian.ledger.LedgerException;
import cn.xianglian.qr.QrError;
import cn.xianglian.qr.QrException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place failures become responses. A browser on a code path (it accepts {@code text/html})
 * gets the zh-CN "非正品或无效码" page with the status of the code; everything else gets an RFC 9457
 * problem with {@code code} and {@code messageZh}. Bad input is always 4xx; only an unexplained
 * failure is a 500, and it is logged.
 */
@ControllerAdvice
class ErrorAdvice {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorAdvice.class);
  private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

  @ExceptionHandler(QrException.class)
  Object qr(QrException e, HttpServletRequest request) {
    if (e.error() == QrError.LEDGER_UNAVAILABLE) {
      LOG.warn("ledger unavailable: {}", e.getMessage(), e.getCause());
    }
    return respond(request, e.error(), e.getMessage());
  }

  @ExceptionHandler(LedgerException.class)
  Object ledger(LedgerException e, HttpServletRequest request) {
    LOG.warn("ledger failure at stage {}: {}", e.stage(), e.getMessage());
    return respond(request, QrError.LEDGER_UNAVAILABLE, "ledger failed at stage " + e.stage());
  }

  @ExceptionHandler({
    HttpMessageNotReadableException.class,
    MissingServletRequestParameterException.class,
    MethodArgumentTypeMismatchException.class
  })
  ResponseEntity<ProblemDetail> badRequest(Exception e) {
    return problem(Problems.of(QrError.INVALID_ARGUMENT, firstLine(e.getMessage())));
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> notFound(NoResourceFoundException e) {
    return problem(Problems.of(HttpStatus.NOT_FOUND, "NOT_FOUND", "页面不存在", e.getMessage()));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
    return problem(
        Problems.of(
            HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "不支持的请求方法", e.getMessage()));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
    return problem(
        Problems.of(
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "UNSUPPORTED_MEDIA_TYPE",
            "不支持的内容类型",
            e.getMessage()));
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return problem(
        Problems.of(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE", "无法提供请求的格式", e.getMessage()));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    LOG.error("unexpected failure", e);
    return problem(
        Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL", "服务内部错误", "unexpected failure"));
  }

  private static Object respond(HttpServletRequest request, QrError error, String detail) {
    if (wantsPage(request)) {
      var page =
          new ModelAndView(
              "not-genuine",
              Map.of(
                  "code", error.name(),
                  "message", error.messageZh(),
                  "notGenuine", error.meansNotGenuine()));
      page.setStatus(ErrorStatus.of(error));
      return page;
    }
    return problem(Problems.of(error, detail));
  }

  /** A browser scanning a code: a code path and an Accept header that takes HTML. */
  static boolean wantsPage(HttpServletRequest request) {
    String uri = request.getRequestURI();
    if (!uri.startsWith("/01/") && !uri.startsWith("/xl/")) {
      return false;
    }
    String accept = request.getHeader("Accept");
    return accept == null || accept.contains("text/html");
  }

  private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).contentType(PROBLEM).body(problem);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return null;
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
