package cn.xianglian.app.identity;

import cn.xianglian.ledger.Identity;
import java.util.Map;

/**
 * Issues a new signing identity (certificate and key) for a member of an organisation, with Fabric
 * CA attributes such as {@code xl.role}, {@code xl.region} and {@code xl.party}. The embedded
 * ledger's CA provides one; a Fabric deployment may provide one backed by Fabric CA, or none (then
 * identities come into the wallet from outside).
 */
@FunctionalInterface
public interface IdentityEnroller {

  Identity enroll(String label, String mspId, Map<String, String> attributes);
}
