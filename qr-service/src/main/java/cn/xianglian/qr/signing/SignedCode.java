package cn.xianglian.qr.signing;

import cn.xianglian.qr.digitallink.DigitalLink;
import java.util.Base64;

/**
 * A Digital Link with its signature: the printed URI is {@code <resolver><path>?k=<keyId>&s=<sig>}
 * with the 64-byte signature in base64url without padding (86 characters).
 */
public record SignedCode(DigitalLink link, String keyId, byte[] signature) {

  public SignedCode {
    signature = signature.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  public String signatureText() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
  }

  /** {@code ?k=1&s=...}. */
  public String query() {
    return "?k=" + keyId + "&s=" + signatureText();
  }

  public String uri(String resolverBase) {
    return link.uri(resolverBase) + query();
  }
}
