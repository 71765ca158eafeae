package cn.xianglian.chaincode;

import java.util.Map;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.shim.ChaincodeServer;
import org.hyperledger.fabric.shim.ChaincodeServerProperties;
import org.hyperledger.fabric.shim.NettyChaincodeServer;

/**
 * Runs the contracts as a chaincode service (chaincode-as-a-service): the peer connects to us.
 *
 * <p>Environment: {@code CHAINCODE_SERVER_ADDRESS} (host:port to listen on, e.g. {@code
 * 127.0.0.1:9999}), {@code CORE_CHAINCODE_ID_NAME} (the package id the peer gives, {@code
 * label:hash}); optional TLS: {@code CORE_PEER_TLS_ENABLED=true} with {@code
 * CORE_TLS_CLIENT_KEY_FILE} and {@code CORE_TLS_CLIENT_CERT_FILE} (the server's key and
 * certificate, PEM) and optionally {@code XL_CHAINCODE_TLS_CLIENT_CA_FILE} (CA of peers' client
 * certificates, for mutual TLS); {@code XL_SHIM_LOG_LEVEL} (default WARNING, see {@link
 * ShimLogging}).
 */
public final class ChaincodeMain {

  static final String SERVER_ADDRESS = "CHAINCODE_SERVER_ADDRESS";
  static final String CHAINCODE_ID = "CORE_CHAINCODE_ID_NAME";
  static final String CLIENT_CA_FILE = "XL_CHAINCODE_TLS_CLIENT_CA_FILE";

  private ChaincodeMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    require(env, SERVER_ADDRESS);
    require(env, CHAINCODE_ID);
    // The router reads CORE_CHAINCODE_ID_NAME, CHAINCODE_SERVER_ADDRESS and the TLS variables.
    ContractRouter router = new ContractRouter(new String[0]);
    ShimLogging.apply();
    ChaincodeServerProperties properties = router.getChaincodeServerConfig();
    String clientCa = env.get(CLIENT_CA_FILE);
    if (properties.isTlsEnabled() && clientCa != null && !clientCa.isBlank()) {
      properties.setTrustCertCollectionFile(clientCa);
    }
    properties.validate();
    ChaincodeServer server = new NettyChaincodeServer(router, properties);
    router.startRouterWithChaincodeServer(server);
  }

  private static void require(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      System.err.println(
          "ChaincodeMain: "
              + name
              + " is not set. Usage: "
              + SERVER_ADDRESS
              + "=127.0.0.1:9999 "
              + CHAINCODE_ID
              + "=xianglian_1.0:<hash> java -jar xianglian-chaincode-service.jar");
      System.exit(2);
    }
  }
}
