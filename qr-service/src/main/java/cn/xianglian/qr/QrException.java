package cn.xianglian.qr;

/** A rejection with a stable {@link QrError} code and an English explanation for logs and APIs. */
public class QrException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final QrError error;

  public QrException(QrError error, String message) {
    super(error.name() + ": " + message);
    this.error = error;
  }

  public QrException(QrError error, String message, Throwable cause) {
    super(error.name() + ": " + message, cause);
    this.error = error;
  }

  public QrError error() {
    return error;
  }
}
