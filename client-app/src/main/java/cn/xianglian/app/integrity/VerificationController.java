package cn.xianglian.app.integrity;

import cn.xianglian.app.projection.ReadModel;
import cn.xianglian.app.system.ApiException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/verify/{type}/{id}}: verifies a projected record ({@code producer}, {@code
 * batch}, {@code event}, {@code certificate}, {@code warning}, {@code recall}) against the ledger.
 * Public, like the records themselves.
 */
@RestController
class VerificationController {

  /** The verification with its verdict in Chinese and English. */
  record VerificationAnswer(Verification verification, String message, String messageEn) {}

  private final RecordVerifier verifier;
  private final MessageSource messages;

  VerificationController(RecordVerifier verifier, MessageSource messages) {
    this.verifier = verifier;
    this.messages = messages;
  }

  @GetMapping("/api/v1/verify/{type}/{id}")
  VerificationAnswer verify(@PathVariable String type, @PathVariable String id) {
    ReadModel table =
        ReadModel.byName(type)
            .orElseThrow(
                () ->
                    new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "no record type " + type));
    Verification verification =
        verifier
            .verify(table, id)
            .orElseThrow(
                () ->
                    new ApiException(
                        HttpStatus.NOT_FOUND, "NOT_FOUND", "no projected " + type + " " + id));
    String code = "verify.status." + verification.status().name();
    return new VerificationAnswer(
        verification,
        messages.getMessage(code, null, Locale.SIMPLIFIED_CHINESE),
        messages.getMessage(code, null, Locale.ENGLISH));
  }
}
