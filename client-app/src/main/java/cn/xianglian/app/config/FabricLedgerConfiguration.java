package cn.xianglian.app.config;

import cn.xianglian.ledger.Identities;
import cn.xianglian.ledger.LedgerClient;
import cn.xianglian.ledger.fabric.FabricLedger;
import cn.xianglian.ledger.fabric.FabricLedgerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code xl.ledger=fabric}: the {@link LedgerClient} is fabric-gateway against a real network.
 * Identities come into the wallet from the network's Fabric CA (network/xl-network writes them), so
 * no {@code IdentityEnroller} is provided and the demo loader, which enrolls its users, stays off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "xl.ledger", havingValue = "fabric")
@EnableConfigurationProperties(FabricProperties.class)
class FabricLedgerConfiguration {

  @Bean(destroyMethod = "close")
  LedgerClient ledgerClient(FabricProperties fabric, XlProperties xl) {
    if (fabric.tlsCaCertificate() == null || !Files.isReadable(fabric.tlsCaCertificate())) {
      throw new IllegalStateException(
          "xl.ledger=fabric needs xl.fabric.tls-ca-certificate: the PEM of the peer's TLS CA (got "
              + fabric.tlsCaCertificate()
              + ")");
    }
    Path readerFile = xl.wallet().dir().resolve(xl.wallet().readerLabel() + ".id");
    if (!Files.isReadable(readerFile)) {
      throw new IllegalStateException(
          "xl.ledger=fabric needs the reader identity "
              + readerFile
              + " (xl.wallet.dir / xl.wallet.reader-label) to read blocks and ledger metadata");
    }
    var config =
        new FabricLedgerConfig(
            fabric.peerEndpoint(),
            fabric.tlsCaCertificate(),
            fabric.serverNameOverride(),
            fabric.channel(),
            fabric.chaincode(),
            fabric.evaluateTimeout(),
            fabric.endorseTimeout(),
            fabric.submitTimeout(),
            fabric.commitStatusTimeout(),
            fabric.maxAttempts());
    return FabricLedger.connect(config, Identities.read(readerFile));
  }
}
