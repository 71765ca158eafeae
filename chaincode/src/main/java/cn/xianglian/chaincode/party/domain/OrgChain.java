package cn.xianglian.chaincode.party.domain;

import static cn.xianglian.chaincode.domain.ErrorCode.ACCESS_DENIED;

import cn.xianglian.chaincode.domain.Actor;
import cn.xianglian.chaincode.domain.Role;
import cn.xianglian.chaincode.domain.XlException;
import java.util.List;

/**
 * An organisation and its ancestors, the organisation first and the top-level 党委 last. A {@code
 * PARTY_ORG} caller acts for every organisation whose chain holds the caller's organisation.
 */
public record OrgChain(List<Organisation> organisations) {

  /** The deepest a chain may be (county 党委 → township 党委 → 党总支 → 党支部, with room). */
  public static final int MAX_DEPTH = 8;

  public OrgChain {
    organisations = List.copyOf(organisations);
    if (organisations.isEmpty()) {
      throw new IllegalArgumentException("empty chain");
    }
  }

  public Organisation self() {
    return organisations.get(0);
  }

  public boolean isTopLevel() {
    return organisations.size() == 1;
  }

  /** True when {@code orgId} is this organisation or one of its ancestors. */
  public boolean contains(String orgId) {
    return organisations.stream().anyMatch(org -> org.orgId().equals(orgId));
  }

  /** True when {@code orgId} is a strict ancestor of this organisation. */
  public boolean hasAncestor(String orgId) {
    return organisations.stream().skip(1).anyMatch(org -> org.orgId().equals(orgId));
  }

  /** True when {@code orgId} is a strict ancestor and a 党委. */
  public boolean hasCommitteeAncestor(String orgId) {
    return organisations.stream()
        .skip(1)
        .anyMatch(org -> org.orgId().equals(orgId) && org.kind() == Organisation.Kind.COMMITTEE);
  }

  /**
   * ACCESS_DENIED unless the caller is a {@code PARTY_ORG} of this organisation or of one above it;
   * REGION_OUT_OF_SCOPE when the organisation's region is outside the caller's.
   */
  public void requireActor(Actor actor) {
    actor.requireRole(Role.PARTY_ORG);
    actor.requireInScope(self().region());
    XlException.check(
        contains(actor.partyId()),
        ACCESS_DENIED,
        "organisation " + actor.partyId() + " does not act for " + self().orgId());
  }

  /**
   * True when the caller may read the organisation's records: its own or an upper {@code
   * PARTY_ORG}, or county, township and auditor staff whose region covers it.
   */
  public boolean readableBy(Actor actor) {
    if (!self().region().isWithin(actor.region().scope())) {
      return false;
    }
    return switch (actor.role()) {
      case PARTY_ORG -> contains(actor.partyId());
      case COUNTY, TOWNSHIP, AUDITOR -> true;
      default -> false;
    };
  }

  /** ACCESS_DENIED (or REGION_OUT_OF_SCOPE) unless {@link #readableBy} holds. */
  public void requireReader(Actor actor) {
    actor.requireRole(Role.PARTY_ORG, Role.COUNTY, Role.TOWNSHIP, Role.AUDITOR);
    actor.requireInScope(self().region());
    XlException.check(readableBy(actor), ACCESS_DENIED, "cannot read records of " + self().orgId());
  }
}
