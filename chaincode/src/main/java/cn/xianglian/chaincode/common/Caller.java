package cn.xianglian.chaincode.common;

import static cn.xianglian.chaincode.domain.ErrorCode.ACCESS_DENIED;

import cn.xianglian.chaincode.domain.Actor;
import cn.xianglian.chaincode.domain.RegionCode;
import cn.xianglian.chaincode.domain.Role;
import cn.xianglian.chaincode.domain.XlException;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.hyperledger.fabric.contract.ClientIdentity;
import org.hyperledger.fabric.contract.Context;

/**
 * Reads the caller from its X.509 certificate: MSP id and the Fabric CA attributes {@code xl.role},
 * {@code xl.region} and {@code xl.party} (falling back to the certificate's CN). A certificate
 * without a known role or a valid region is ACCESS_DENIED.
 */
public final class Caller {

  public static final String ROLE = "xl.role";
  public static final String REGION = "xl.region";
  public static final String PARTY = "xl.party";

  private Caller() {}

  public static Actor of(Context context) {
    ClientIdentity identity = context.getClientIdentity();
    String role = identity.getAttributeValue(ROLE);
    String region = identity.getAttributeValue(REGION);
    String party = identity.getAttributeValue(PARTY);
    if (party == null || party.isBlank()) {
      party = commonName(identity);
    }
    return actor(identity.getMSPID(), party, role, region);
  }

  /** The actor for raw attribute values; ACCESS_DENIED when role or region is unusable. */
  public static Actor actor(String mspId, String party, String role, String region) {
    XlException.check(
        mspId != null && party != null && !party.isBlank(), ACCESS_DENIED, "caller has no party");
    Role parsedRole = null;
    if (role != null) {
      try {
        parsedRole = Role.valueOf(role.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException unknown) {
        parsedRole = null;
      }
    }
    XlException.check(parsedRole != null, ACCESS_DENIED, "caller has no known " + ROLE);
    RegionCode parsedRegion;
    try {
      parsedRegion = RegionCode.of(region);
    } catch (XlException invalid) {
      throw new XlException(ACCESS_DENIED, "caller has no valid " + REGION);
    }
    return new Actor(mspId, party, parsedRole, parsedRegion);
  }

  private static String commonName(ClientIdentity identity) {
    try {
      LdapName name =
          new LdapName(identity.getX509Certificate().getSubjectX500Principal().getName());
      for (Rdn rdn : name.getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          return rdn.getValue().toString();
        }
      }
      return null;
    } catch (InvalidNameException e) {
      return null;
    }
  }
}
