package cn.xianglian.qr;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Who calls the service's protected API: the authenticated user and the ledger identity it acts as
 * (its wallet label), with what that identity's certificate says: organisation (MSP id), role
 * ({@code xl.role}), region ({@code xl.region}) and party id ({@code xl.party}). Batches are owned
 * by parties {@code <mspId>/<partyId>}, as on the ledger.
 *
 * @param username the login name
 * @param walletLabel the wallet identity the user signs ledger transactions with
 * @param mspId the organisation of that identity
 * @param role the lower-case {@code xl.role}, e.g. {@code producer}, {@code labeler}
 * @param region the 12-digit {@code xl.region} of the caller's unit
 * @param partyId the {@code xl.party}
 */
public record Caller(
    String username, String walletLabel, String mspId, String role, String region, String partyId) {

  /** The request attribute under which the request guard leaves the authenticated caller. */
  public static final String REQUEST_ATTRIBUTE = "cn.xianglian.qr.Caller";

  /** Digits of the five levels of a 12-digit region code (province 2, city 2, county 2, 3, 3). */
  private static final int[] LEVEL_ENDS = {2, 4, 6, 9, 12};

  public Caller {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(walletLabel, "walletLabel");
    Objects.requireNonNull(mspId, "mspId");
    role = role == null ? "" : role.toLowerCase(Locale.ROOT);
    region = region == null ? "" : region;
    partyId = partyId == null ? "" : partyId;
  }

  /** The party as the ledger names batch owners: {@code <mspId>/<partyId>}. */
  public String party() {
    return mspId + "/" + partyId;
  }

  public boolean hasRole(String... roles) {
    return Arrays.asList(roles).contains(role);
  }

  /** ACCESS_DENIED unless the caller has one of {@code roles}. */
  public void requireRole(String... roles) {
    if (!hasRole(roles)) {
      throw new QrException(
          QrError.ACCESS_DENIED,
          "role '" + role + "' may not do this (needs " + String.join(" or ", roles) + ")");
    }
  }

  /**
   * The caller's region scope: its region code without the trailing all-zero levels ({@code
   * 520122000000} → {@code 520122}, the whole county); {@code null} when the region is not a
   * 12-digit code, which covers nothing.
   */
  public String scope() {
    if (!region.matches("[0-9]{12}")) {
      return null;
    }
    int end = LEVEL_ENDS[0];
    for (int level = 1; level < LEVEL_ENDS.length; level++) {
      if (region
          .substring(LEVEL_ENDS[level - 1], LEVEL_ENDS[level])
          .chars()
          .allMatch(c -> c == '0')) {
        break;
      }
      end = LEVEL_ENDS[level];
    }
    return region.substring(0, end);
  }

  /** True when {@code target} (a 12-digit region code) lies within the caller's scope. */
  public boolean covers(String target) {
    String scope = scope();
    return scope != null && target != null && target.startsWith(scope);
  }
}
