package cn.xianglian.qr.system;

import cn.xianglian.ledger.Identities;
import cn.xianglian.ledger.Identity;
import cn.xianglian.qr.Caller;
import cn.xianglian.qr.QrError;
import cn.xianglian.qr.QrException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authenticates callers of the protected API (HTTP Basic against {@link Users}) and maps them to
 * their wallet identity and what its certificate says (the Fabric CA attribute extension: {@code
 * xl.role}, {@code xl.region}, {@code xl.party}), as the client-app does. The ledger decides again
 * on every write: the caller's own identity signs it.
 */
public final class Callers {

  /** Fabric CA's attribute extension. */
  private static final String ATTRIBUTES_OID = "1.2.3.4.5.6.7.8.1";

  private final Users users;
  private final Wallet wallet;
  private final JsonMapper json = JsonMapper.builder().build();

  public Callers(Users users, Wallet wallet) {
    this.users = users;
    this.wallet = wallet;
  }

  /**
   * The caller an {@code Authorization: Basic ...} header names, when the password is right and the
   * user's identity is in the wallet; empty otherwise.
   */
  public Optional<Caller> authenticate(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    String username = decoded.substring(0, colon);
    return users
        .authenticate(username, decoded.substring(colon + 1))
        .flatMap(
            user ->
                user.identity() == null
                    ? Optional.empty()
                    : wallet.find(user.identity()).map(identity -> caller(username, identity)));
  }

  /** The identity {@code caller} signs ledger transactions with. */
  public Identity identityOf(Caller caller) {
    return wallet
        .find(caller.walletLabel())
        .orElseThrow(
            () ->
                new QrException(
                    QrError.ACCESS_DENIED,
                    "no identity '" + caller.walletLabel() + "' in the wallet"));
  }

  private Caller caller(String username, Identity identity) {
    JsonNode attrs = attributes(Identities.readCertificate(identity.certificatePem()));
    return new Caller(
        username,
        identity.label(),
        identity.mspId(),
        attrs.path("xl.role").asString(""),
        attrs.path("xl.region").asString(""),
        attrs.path("xl.party").asString(""));
  }

  private JsonNode attributes(X509Certificate certificate) {
    byte[] der = certificate.getExtensionValue(ATTRIBUTES_OID);
    if (der == null) {
      return json.createObjectNode();
    }
    // The extension value is DER-wrapped JSON: read from the first '{' to the last '}'.
    String text = new String(der, StandardCharsets.UTF_8);
    int start = text.indexOf('{');
    int end = text.lastIndexOf('}');
    if (start < 0 || end < start) {
      return json.createObjectNode();
    }
    return json.readTree(text.substring(start, end + 1)).path("attrs");
  }
}
