package cn.xianglian.qr.system;

import cn.xianglian.qr.QrError;
import org.springframework.http.HttpStatus;

/** The HTTP status of every error code: bad input is 4xx, only an unavailable ledger is 5xx. */
public final class ErrorStatus {

  private ErrorStatus() {}

  public static HttpStatus of(QrError error) {
    return switch (error) {
      case REQUEST_TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
      case INVALID_LINK, CHECK_DIGIT_MISMATCH, INVALID_ARGUMENT, RANGE_TOO_LARGE ->
          HttpStatus.BAD_REQUEST;
      case SIGNATURE_MISSING,
          KEY_UNKNOWN,
          SIGNATURE_INVALID,
          CODE_UNKNOWN,
          SERIAL_NOT_ISSUED,
          BATCH_NOT_FOUND,
          RUN_NOT_FOUND,
          LINK_TYPE_UNKNOWN ->
          HttpStatus.NOT_FOUND;
      case RANGE_OVERLAP,
          ALREADY_EXISTS,
          LOT_BOUND_TO_OTHER_BATCH,
          AGGREGATION_INVALID,
          BATCH_RECALLED,
          DIGEST_MISMATCH ->
          HttpStatus.CONFLICT;
      case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
      case ACCESS_DENIED -> HttpStatus.FORBIDDEN;
      case LABEL_FONT_MISSING, LEDGER_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
    };
  }
}
