package cn.xianglian.app.system;

import java.io.IOException;

/** A request body longer than {@code xl.api.max-request-bytes}. */
final class PayloadTooLargeException extends IOException {

  private static final long serialVersionUID = 1L;

  PayloadTooLargeException(long limitBytes) {
    super("request body exceeds " + limitBytes + " bytes");
  }
}
