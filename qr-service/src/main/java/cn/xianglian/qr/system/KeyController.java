package cn.xianglian.qr.system;

import cn.xianglian.qr.Caller;
import cn.xianglian.qr.QrError;
import cn.xianglian.qr.QrException;
import cn.xianglian.qr.signing.SignatureAlgorithm;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/keys/rotate?algorithm=SM2_SM3}: a fresh issuer key signs the runs issued from
 * now on; every older key keeps verifying. Role {@code admin} only.
 */
@RestController
class KeyController {

  private final IssuerKeys keys;

  KeyController(IssuerKeys keys) {
    this.keys = keys;
  }

  @PostMapping("/api/keys/rotate")
  Map<String, Object> rotate(
      @RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller,
      @RequestParam(defaultValue = "ECDSA_P256_SHA256") String algorithm) {
    caller.requireRole("admin");
    SignatureAlgorithm chosen;
    try {
      chosen = SignatureAlgorithm.valueOf(algorithm);
    } catch (IllegalArgumentException e) {
      throw new QrException(QrError.INVALID_ARGUMENT, "algorithm is ECDSA_P256_SHA256 or SM2_SM3");
    }
    var ring = keys.rotate(chosen);
    return Map.of(
        "currentKeyId", ring.current().keyId(), "algorithm", ring.current().algorithm().name());
  }
}
