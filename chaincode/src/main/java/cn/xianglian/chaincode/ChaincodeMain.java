package cn.xianglian.chaincode;

import java.util.Map;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.shim.ChaincodeServer;
import org.hyperledger.fabric.shim.ChaincodeServerProperties;
import org.hyperledger.fabric.shim.NettyChaincodeServer;

/**
 * Runs the contracts as a chaincode service (chaincode-as-a-service): the peer connects to us.
 *
 * <p>Environment:
 *
 * <ul>
 *   <li>{@code CHAINCODE_SERVER_ADDRESS} — host:port to listen on, e.g. {@code 127.0.0.1:9999};
 *   <li>{@code CORE_CHAINCODE_ID_NAME} — the package id the peer knows, {@code label:hash};
 *   <li>optional TLS: {@code XL_CHAINCODE_TLS_CERT_FILE} and {@code XL_CHAINCODE_TLS_KEY_FILE} (the
 *       server's PEM certificate chain and PKCS#8 key, the files the connection.json's root cert
 *       vouches for), and {@code XL_CHAINCODE_TLS_CLIENT_CA_FILE} (PEM CA of the peers' client
 *       certificates; when set, clients must present one). The shim's own {@code
 *       CORE_PEER_TLS_ENABLED} is for its client mode and also demands client-mode files, so it is
 *       not used here;
 *   <li>{@code XL_SHIM_LOG_LEVEL} — the shim's log level, default WARNING ({@link ShimLogging}).
 * </ul>
 */
public final class ChaincodeMain {

  static final String SERVER_ADDRESS = "CHAINCODE_SERVER_ADDRESS";
  static final String CHAINCODE_ID = "CORE_CHAINCODE_ID_NAME";
  static final String TLS_CERT_FILE = "XL_CHAINCODE_TLS_CERT_FILE";
  static final String TLS_KEY_FILE = "XL_CHAINCODE_TLS_KEY_FILE";
  static final String TLS_CLIENT_CA_FILE = "XL_CHAINCODE_TLS_CLIENT_CA_FILE";

  private ChaincodeMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    require(env, SERVER_ADDRESS);
    require(env, CHAINCODE_ID);
    // The router reads CORE_CHAINCODE_ID_NAME and CHAINCODE_SERVER_ADDRESS itself.
    ContractRouter router = new ContractRouter(new String[0]);
    ShimLogging.apply();
    ChaincodeServerProperties properties = router.getChaincodeServerConfig();
    configureTls(env, properties);
    properties.validate();
    ChaincodeServer server = new NettyChaincodeServer(router, properties);
    router.startRouterWithChaincodeServer(server);
  }

  /** Turns TLS on when both the certificate and key files are given; mutual TLS with a CA file. */
  static void configureTls(Map<String, String> env, ChaincodeServerProperties properties) {
    String cert = blankToNull(env.get(TLS_CERT_FILE));
    String key = blankToNull(env.get(TLS_KEY_FILE));
    if (cert == null && key == null) {
      return;
    }
    if (cert == null || key == null) {
      throw new IllegalArgumentException(
          "TLS needs both " + TLS_CERT_FILE + " and " + TLS_KEY_FILE);
    }
    properties.setTlsEnabled(true);
    properties.setKeyCertChainFile(cert);
    properties.setKeyFile(key);
    properties.setTrustCertCollectionFile(blankToNull(env.get(TLS_CLIENT_CA_FILE)));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static void require(Map<String, String> env, String name) {
    if (blankToNull(env.get(name)) == null) {
      System.err.println(
          "ChaincodeMain: "
              + name
              + " is not set. Usage: "
              + SERVER_ADDRESS
              + "=127.0.0.1:9999 "
              + CHAINCODE_ID
              + "=xianglian_1.0:<hash> java -jar xianglian-chaincode-0.1.0-SNAPSHOT-service.jar"
              + " (optional TLS: "
              + TLS_CERT_FILE
              + ", "
              + TLS_KEY_FILE
              + ", "
              + TLS_CLIENT_CA_FILE
              + ")");
      System.exit(2);
    }
  }
}
