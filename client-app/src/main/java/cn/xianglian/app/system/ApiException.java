package cn.xianglian.app.system;

import org.springframework.http.HttpStatus;

/**
 * A failure the application itself detects (not the chaincode), with a stable code whose messages
 * live in the i18n bundles under {@code error.<CODE>}.
 */
public class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final HttpStatus status;
  private final String code;

  public ApiException(HttpStatus status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }
}
