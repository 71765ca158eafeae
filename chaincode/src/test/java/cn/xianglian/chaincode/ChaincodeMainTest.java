package cn.xianglian.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.hyperledger.fabric.shim.ChaincodeServerProperties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChaincodeMainTest {

  @Test
  @DisplayName("without TLS files the server is plaintext")
  void plaintext() {
    var properties = new ChaincodeServerProperties();
    ChaincodeMain.configureTls(Map.of(), properties);
    assertThat(properties.isTlsEnabled()).isFalse();
  }

  @Test
  @DisplayName("certificate and key turn TLS on; a client CA makes it mutual")
  void tls() {
    var properties = new ChaincodeServerProperties();
    ChaincodeMain.configureTls(
        Map.of(
            ChaincodeMain.TLS_CERT_FILE, "/tls/server.crt",
            ChaincodeMain.TLS_KEY_FILE, "/tls/server.key",
            ChaincodeMain.TLS_CLIENT_CA_FILE, "/tls/ca.crt"),
        properties);
    assertThat(properties.isTlsEnabled()).isTrue();
    assertThat(properties.getKeyCertChainFile()).isEqualTo("/tls/server.crt");
    assertThat(properties.getKeyFile()).isEqualTo("/tls/server.key");
    assertThat(properties.getTrustCertCollectionFile()).isEqualTo("/tls/ca.crt");
  }

  @Test
  @DisplayName("a certificate without its key is a configuration error")
  void halfConfigured() {
    assertThatThrownBy(
            () ->
                ChaincodeMain.configureTls(
                    Map.of(ChaincodeMain.TLS_CERT_FILE, "/tls/server.crt"),
                    new ChaincodeServerProperties()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(ChaincodeMain.TLS_KEY_FILE);
  }
}
