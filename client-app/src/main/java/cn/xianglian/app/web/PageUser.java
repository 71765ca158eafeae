package cn.xianglian.app.web;

/**
 * A logged-in page user with the attributes of its wallet identity's certificate.
 *
 * @param username login name
 * @param displayName the name shown
 * @param mspId organisation of the identity
 * @param role {@code xl.role}
 * @param region {@code xl.region} (12 digits)
 * @param party {@code xl.party} (a producer's id)
 */
record PageUser(
    String username, String displayName, String mspId, String role, String region, String party) {

  /** The region prefix the user may see: trailing zero levels dropped (520122000000 → 520122). */
  String scope() {
    String r = region == null ? "" : region;
    if (r.endsWith("000000")) {
      return r.substring(0, 6);
    }
    if (r.endsWith("000")) {
      return r.substring(0, 9);
    }
    return r;
  }

  /** A county-level auditor, regulator or county officer: the overview is theirs. */
  boolean countyOversight() {
    return ("auditor".equals(role) || "regulator".equals(role) || "county".equals(role))
        && region != null
        && region.endsWith("000000");
  }

  boolean producer() {
    return "producer".equals(role);
  }
}
