package cn.xianglian.app.identity;

import cn.xianglian.app.config.XlProperties;
import cn.xianglian.app.system.ApiException;
import cn.xianglian.ledger.Identity;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The identity a request acts as on the ledger. Writes sign as the logged-in user's wallet identity
 * (the chaincode decides what that identity may do); public reads sign as the user if logged in,
 * else as the application's read-only identity ({@code xl.wallet.reader-label}, an {@code auditor}
 * of the county, enrolled on first use when the ledger has a CA).
 */
@Component
public class CallerIdentities {

  /** The county (息烽县) region code. */
  public static final String COUNTY_REGION = "520122000000";

  private final Wallet wallet;
  private final UserDirectory users;
  private final ObjectProvider<IdentityEnroller> enroller;
  private final String readerLabel;

  CallerIdentities(
      Wallet wallet,
      UserDirectory users,
      ObjectProvider<IdentityEnroller> enroller,
      XlProperties properties) {
    this.wallet = wallet;
    this.users = users;
    this.enroller = enroller;
    this.readerLabel = properties.wallet().readerLabel();
  }

  /** The logged-in user's identity; IDENTITY_NOT_FOUND (403) if the user has none in the wallet. */
  public Identity writer() {
    String username =
        currentUser()
            .orElseThrow(
                () ->
                    new ApiException(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "login required"));
    return users
        .identityOf(username)
        .flatMap(wallet::find)
        .orElseThrow(
            () ->
                new ApiException(
                    HttpStatus.FORBIDDEN,
                    "IDENTITY_NOT_FOUND",
                    "user " + username + " has no identity in the wallet"));
  }

  /**
   * The identity for a public query: the logged-in user's if it has one, else the application's
   * reader identity (a public read never fails for want of a personal identity).
   */
  public Identity reader() {
    return currentUser()
        .flatMap(users::identityOf)
        .flatMap(wallet::find)
        .or(() -> wallet.find(readerLabel))
        .orElseGet(this::enrollReader);
  }

  /**
   * The application's own read-only identity (a county auditor), whoever is logged in: for checks
   * that must read what the user may not (verifying a record on a public page).
   */
  public Identity applicationReader() {
    return wallet.find(readerLabel).orElseGet(this::enrollReader);
  }

  /** The logged-in user's name, if any. */
  public static Optional<String> currentUser() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null
        || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      return Optional.empty();
    }
    return Optional.of(authentication.getName());
  }

  private synchronized Identity enrollReader() {
    Optional<Identity> existing = wallet.find(readerLabel);
    if (existing.isPresent()) {
      return existing.get();
    }
    IdentityEnroller ca = enroller.getIfAvailable();
    if (ca == null) {
      throw new ApiException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "LEDGER_UNAVAILABLE",
          "no reader identity '" + readerLabel + "' in the wallet");
    }
    Identity reader =
        ca.enroll(
            readerLabel,
            "CountyOrgMSP",
            Map.of("xl.role", "auditor", "xl.region", COUNTY_REGION, "xl.party", readerLabel));
    wallet.put(reader);
    return reader;
  }
}
