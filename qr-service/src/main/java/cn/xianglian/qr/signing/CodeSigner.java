package cn.xianglian.qr.signing;

import cn.xianglian.qr.QrError;
import cn.xianglian.qr.QrException;
import cn.xianglian.qr.digitallink.DigitalLink;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Signs and verifies codes. The signed message is the UTF-8 text
 *
 * <pre>{@code
 * XL1|<01 or xl>/<gtin or code>|<lot>|<serial>|<keyId>
 * }</pre>
 *
 * (lot and serial decoded, not percent-encoded). The key id is inside the message so a signature
 * cannot be moved to another key; the algorithm comes from the key, never from the code.
 */
public final class CodeSigner {

  private CodeSigner() {}

  /** The exact bytes that are signed. */
  public static byte[] message(DigitalLink link, String keyId) {
    return ("XL1|"
            + link.product().pathSegment()
            + '|'
            + link.lot()
            + '|'
            + link.serial()
            + '|'
            + keyId)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Signs with the ring's current key. */
  public static SignedCode sign(KeyRing ring, DigitalLink link) {
    return sign(ring.current(), link);
  }

  /**
   * Signs with the named key (a run's labels are always signed with the key recorded for the run,
   * also when reprinted after a rotation).
   */
  public static SignedCode sign(KeyRing ring, String keyId, DigitalLink link) {
    return sign(
        ring.find(keyId)
            .orElseThrow(() -> new QrException(QrError.KEY_UNKNOWN, "no issuer key " + keyId)),
        link);
  }

  private static SignedCode sign(IssuerKey key, DigitalLink link) {
    return new SignedCode(link, key.keyId(), key.sign(message(link, key.keyId())));
  }

  /**
   * Verifies the {@code k} and {@code s} parameters of a scanned code offline. Returns normally
   * when genuine; otherwise throws {@code SIGNATURE_MISSING}, {@code KEY_UNKNOWN} or {@code
   * SIGNATURE_INVALID}.
   */
  public static void verify(KeyRing ring, DigitalLink link, String keyId, String signatureText) {
    if (keyId == null || keyId.isEmpty() || signatureText == null || signatureText.isEmpty()) {
      throw new QrException(QrError.SIGNATURE_MISSING, "code has no k and s parameters");
    }
    IssuerKey key =
        ring.find(keyId)
            .orElseThrow(() -> new QrException(QrError.KEY_UNKNOWN, "no issuer key " + keyId));
    byte[] signature;
    try {
      signature = Base64.getUrlDecoder().decode(signatureText);
    } catch (IllegalArgumentException e) {
      throw new QrException(QrError.SIGNATURE_INVALID, "signature is not base64url");
    }
    if (!key.verify(message(link, keyId), signature)) {
      throw new QrException(QrError.SIGNATURE_INVALID, "signature does not verify");
    }
  }
}
