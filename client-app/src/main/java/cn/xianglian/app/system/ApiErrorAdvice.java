package cn.xianglian.app.system;

import cn.xianglian.ledger.LedgerException;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The one place that turns failures into RFC 9457 problem details (see {@link ErrorStatus} for the
 * status of every code). Bad input is always a 4xx: only a failure the application cannot explain
 * becomes a 500, and it is logged.
 */
@RestControllerAdvice
class ApiErrorAdvice {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrorAdvice.class);

  private final Problems problems;

  ApiErrorAdvice(Problems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(LedgerException.class)
  ProblemDetail ledger(LedgerException e) {
    String code = ErrorStatus.codeOf(e);
    if (ErrorStatus.of(code).is5xxServerError()) {
      LOG.warn("ledger failure at stage {}: {}", e.stage(), e.getMessage(), e);
    }
    return problems.of(code, explanation(e.getMessage(), code), null, e.txId().orElse(null));
  }

  @ExceptionHandler(ApiException.class)
  ProblemDetail api(ApiException e) {
    return problems.of(e.status(), e.code(), e.getMessage(), null, null);
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalidBody(MethodArgumentNotValidException e) {
    List<FieldError> errors = e.getBindingResult().getFieldErrors();
    FieldError first = errors.isEmpty() ? null : errors.getFirst();
    ProblemDetail problem =
        problems.of(
            "VALIDATION_FAILED",
            first == null ? null : first.getField() + " " + first.getDefaultMessage(),
            first == null ? null : first.getField(),
            null);
    problem.setProperty(
        "errors",
        errors.stream()
            .map(
                error ->
                    Map.of(
                        "field",
                        error.getField(),
                        "reason",
                        String.valueOf(error.getDefaultMessage())))
            .toList());
    return problem;
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ProblemDetail invalidParameter(HandlerMethodValidationException e) {
    var result = e.getParameterValidationResults().stream().findFirst();
    String field = result.map(r -> r.getMethodParameter().getParameterName()).orElse(null);
    String reason =
        result
            .flatMap(r -> r.getResolvableErrors().stream().findFirst())
            .map(error -> error.getDefaultMessage())
            .orElse(null);
    return problems.of("VALIDATION_FAILED", field + " " + reason, field, null);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ProblemDetail constraint(ConstraintViolationException e) {
    String detail =
        e.getConstraintViolations().stream()
            .map(v -> v.getPropertyPath() + " " + v.getMessage())
            .collect(Collectors.joining("; "));
    String field =
        e.getConstraintViolations().stream()
            .findFirst()
            .map(v -> lastNode(v.getPropertyPath().toString()))
            .orElse(null);
    return problems.of("VALIDATION_FAILED", detail, field, null);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ProblemDetail missingParameter(MissingServletRequestParameterException e) {
    return problems.of("VALIDATION_FAILED", e.getMessage(), e.getParameterName(), null);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    return problems.of("VALIDATION_FAILED", "cannot convert value", e.getName(), null);
  }

  /**
   * An unreadable body: too long (413), a value of the wrong type or an unknown enum constant at a
   * known path (400 VALIDATION_FAILED with the field), or not JSON at all (400 MALFORMED_JSON).
   */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof PayloadTooLargeException tooLarge) {
        return problems.of("PAYLOAD_TOO_LARGE", tooLarge.getMessage(), null, null);
      }
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
        String field = path(mismatch);
        return problems.of("VALIDATION_FAILED", field + " has an invalid value", field, null);
      }
    }
    String detail =
        e.getCause() instanceof JacksonException json ? json.getOriginalMessage() : null;
    return problems.of("MALFORMED_JSON", detail, null, null);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
    return problems.of("UNSUPPORTED_MEDIA_TYPE", e.getMessage(), null, null);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ProblemDetail method(HttpRequestMethodNotSupportedException e) {
    return problems.of("METHOD_NOT_ALLOWED", e.getMessage(), null, null);
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ProblemDetail noResource(NoResourceFoundException e) {
    return problems.of("NOT_FOUND", e.getMessage(), null, null);
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    LOG.error("unexpected failure", e);
    return problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", null, null, null);
  }

  private static String path(MismatchedInputException mismatch) {
    var out = new StringBuilder();
    for (JacksonException.Reference reference : mismatch.getPath()) {
      if (reference.getPropertyName() != null) {
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        out.append('[').append(reference.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static String lastNode(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }

  /** The chaincode's own explanation after {@code CODE: }, when the message carries one. */
  private static String explanation(String message, String code) {
    if (message == null) {
      return null;
    }
    int at = message.indexOf(code + ": ");
    return at < 0 ? message : message.substring(at + code.length() + 2);
  }
}
