package cn.xianglian.qr.system;

import cn.xianglian.ledger.Identity;
import cn.xianglian.ledger.LedgerClient;
import cn.xianglian.ledger.embedded.EmbeddedCa;
import cn.xianglian.ledger.embedded.EmbeddedLedger;
import cn.xianglian.ledger.embedded.EmbeddedLedgerConfig;
import cn.xianglian.ledger.fabric.FabricLedger;
import cn.xianglian.ledger.fabric.FabricLedgerConfig;
import cn.xianglian.qr.issuance.IssuanceService;
import java.nio.file.Files;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the ledger adapter by {@code xl.qr.ledger}; code runs are recorded on it in both cases.
 * The rest of the service depends only on the {@link LedgerClient} port and {@link
 * LedgerIdentities}.
 *
 * <ul>
 *   <li>{@code embedded} (default): an in-process peer running the real contracts under {@code
 *       <dataDir>/ledger} (one process per ledger directory: the embedded ledger locks it), with
 *       its own CA; the reader identity is enrolled at start.
 *   <li>{@code fabric}: fabric-gateway against a real network ({@code xl.qr.fabric.*}); every
 *       identity, the reader's too, comes into the wallet from the network's Fabric CA.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

  static final String COUNTY_REGION = "520122000000";

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(name = "xl.qr.ledger", havingValue = "embedded", matchIfMissing = true)
  static class Embedded {

    @Bean
    @ConditionalOnMissingBean
    EmbeddedCa embeddedCa(QrProperties properties) {
      return EmbeddedCa.open(properties.dataDir().resolve("ca"));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    LedgerClient ledgerClient(QrProperties properties, EmbeddedCa ca) {
      return EmbeddedLedger.open(
          EmbeddedLedgerConfig.defaults(properties.dataDir().resolve("ledger")), ca);
    }

    @Bean
    @ConditionalOnMissingBean
    LedgerIdentities ledgerIdentities(EmbeddedCa ca, QrProperties properties) {
      return new LedgerIdentities(
          ca.enroll(
              properties.readerLabel(),
              "CountyOrgMSP",
              Map.of("xl.role", "auditor", "xl.region", COUNTY_REGION, "xl.party", "QR-SERVICE")));
    }

    @Bean
    @ConditionalOnProperty(name = "xl.qr.demo", havingValue = "true")
    DemoSeeder demoSeeder(
        LedgerClient ledger,
        EmbeddedCa ca,
        IssuanceService issuance,
        IssuerKeys keys,
        Users users,
        Wallet wallet,
        QrProperties properties) {
      return new DemoSeeder(ledger, ca, issuance, keys, users, wallet, properties);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(name = "xl.qr.ledger", havingValue = "fabric")
  static class Fabric {

    @Bean
    LedgerIdentities ledgerIdentities(QrProperties properties, Wallet wallet) {
      Identity reader =
          wallet
              .find(properties.readerLabel())
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "xl.qr.ledger=fabric needs the reader identity "
                              + properties.wallet().resolve(properties.readerLabel() + ".id")
                              + " (xl.qr.wallet-dir / xl.qr.reader-label)"));
      return new LedgerIdentities(reader);
    }

    @Bean(destroyMethod = "close")
    LedgerClient ledgerClient(QrProperties properties, LedgerIdentities identities) {
      var fabric = properties.fabric();
      if (fabric.tlsCaCertificate() == null || !Files.isReadable(fabric.tlsCaCertificate())) {
        throw new IllegalStateException(
            "xl.qr.ledger=fabric needs xl.qr.fabric.tls-ca-certificate: the PEM of the peer's TLS"
                + " CA (got "
                + fabric.tlsCaCertificate()
                + ")");
      }
      return FabricLedger.connect(
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
              fabric.maxAttempts()),
          identities.reader());
    }
  }
}
