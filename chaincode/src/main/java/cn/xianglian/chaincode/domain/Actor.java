package cn.xianglian.chaincode.domain;

import static cn.xianglian.chaincode.domain.ErrorCode.ACCESS_DENIED;
import static cn.xianglian.chaincode.domain.ErrorCode.REGION_OUT_OF_SCOPE;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Who runs a transaction, as its certificate says: organisation (MSP id), party id, role and the
 * region of its unit. Its party is {@code <mspId>/<partyId>}; batches are owned by parties.
 */
public record Actor(String mspId, String partyId, Role role, RegionCode region) {

  public Actor {
    Objects.requireNonNull(mspId, "mspId");
    Objects.requireNonNull(partyId, "partyId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(region, "region");
  }

  public String party() {
    return party(mspId, partyId);
  }

  public static String party(String mspId, String partyId) {
    return mspId + "/" + partyId;
  }

  /** ACCESS_DENIED unless the actor has one of {@code roles}. */
  public void requireRole(Role... roles) {
    XlException.check(
        Arrays.asList(roles).contains(role),
        ACCESS_DENIED,
        "role " + role.name().toLowerCase(Locale.ROOT) + " may not do this");
  }

  /** REGION_OUT_OF_SCOPE unless {@code target} lies within the actor's region scope. */
  public void requireInScope(RegionCode target) {
    XlException.check(
        target.isWithin(region.scope()),
        REGION_OUT_OF_SCOPE,
        "region " + target + " is outside scope " + region.scope());
  }
}
