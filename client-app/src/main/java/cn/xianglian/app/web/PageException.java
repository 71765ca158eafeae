package cn.xianglian.app.web;

import org.springframework.http.HttpStatus;

/** A page that cannot be shown: 403 (outside the user's role or region) or 404 (unknown id). */
class PageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final HttpStatus status;
  private final String messageKey;

  PageException(HttpStatus status, String messageKey) {
    super(messageKey);
    this.status = status;
    this.messageKey = messageKey;
  }

  HttpStatus status() {
    return status;
  }

  String messageKey() {
    return messageKey;
  }
}
