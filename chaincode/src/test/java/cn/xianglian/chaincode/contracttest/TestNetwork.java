package cn.xianglian.chaincode.contracttest;

import cn.xianglian.ledger.Identity;
import cn.xianglian.ledger.LedgerClient;
import java.util.Map;

/**
 * What the contract suite needs of a network: a ledger client and identities enrolled with Fabric
 * CA attributes ({@code xl.role}, {@code xl.region}, {@code xl.party}).
 */
public interface TestNetwork {

  LedgerClient ledger();

  Identity identity(String label, String mspId, Map<String, String> attrs);
}
