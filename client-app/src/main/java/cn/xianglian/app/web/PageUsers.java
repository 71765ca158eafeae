package cn.xianglian.app.web;

import cn.xianglian.app.identity.CallerIdentities;
import cn.xianglian.app.identity.UserDirectory;
import cn.xianglian.app.identity.Wallet;
import cn.xianglian.ledger.Identities;
import cn.xianglian.ledger.Identity;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The current page user, read from the users file and its wallet identity's certificate. */
@Component
class PageUsers {

  /** Fabric CA's attribute extension. */
  private static final String ATTRIBUTES_OID = "1.2.3.4.5.6.7.8.1";

  private final UserDirectory users;
  private final Wallet wallet;
  private final JsonMapper json = JsonMapper.builder().build();

  PageUsers(UserDirectory users, Wallet wallet) {
    this.users = users;
    this.wallet = wallet;
  }

  /** The logged-in user, if any. */
  Optional<PageUser> current() {
    return CallerIdentities.currentUser().map(this::load);
  }

  /** The logged-in user; a 403 page for a user without a wallet identity. */
  PageUser require() {
    return current().orElseThrow(() -> new PageException(HttpStatus.FORBIDDEN, "page.denied"));
  }

  private PageUser load(String username) {
    var entry = users.find(username);
    String displayName = entry.map(UserDirectory.UserEntry::displayName).orElse(username);
    Optional<Identity> identity = users.identityOf(username).flatMap(wallet::find);
    if (identity.isEmpty()) {
      return new PageUser(username, displayName, null, null, null, null);
    }
    JsonNode attrs = attributes(Identities.readCertificate(identity.get().certificatePem()));
    return new PageUser(
        username,
        displayName,
        identity.get().mspId(),
        text(attrs, "xl.role"),
        text(attrs, "xl.region"),
        text(attrs, "xl.party"));
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

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() ? null : value.asString();
  }
}
