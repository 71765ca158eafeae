package cn.xianglian.qr.system;

import cn.xianglian.ledger.LedgerClient;
import cn.xianglian.ledger.embedded.EmbeddedCa;
import cn.xianglian.ledger.embedded.EmbeddedLedger;
import cn.xianglian.ledger.embedded.EmbeddedLedgerConfig;
import cn.xianglian.qr.issuance.IssuanceService;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the ledger adapter by {@code xl.qr.ledger}. The rest of the service depends only on the
 * {@link LedgerClient} port and {@link LedgerIdentities}. In embedded mode the service runs its own
 * in-process peer under {@code <dataDir>/ledger} (one process per ledger directory: the embedded
 * ledger locks it), so it sees only batches written through it; a shared network comes with the
 * Fabric adapter.
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
    LedgerIdentities ledgerIdentities(EmbeddedCa ca) {
      return new LedgerIdentities(
          ca.enroll(
              "qr-reader",
              "CountyOrgMSP",
              Map.of("xl.role", "auditor", "xl.region", COUNTY_REGION, "xl.party", "QR-SERVICE")),
          ca.enroll(
              "qr-issuer",
              "CountyOrgMSP",
              Map.of("xl.role", "labeler", "xl.region", COUNTY_REGION, "xl.party", "QR-SERVICE")));
    }

    @Bean
    @ConditionalOnProperty(name = "xl.qr.demo", havingValue = "true")
    DemoSeeder demoSeeder(
        LedgerClient ledger,
        EmbeddedCa ca,
        IssuanceService issuance,
        IssuerKeys keys,
        QrProperties properties) {
      return new DemoSeeder(ledger, ca, issuance, keys, properties);
    }
  }
}
