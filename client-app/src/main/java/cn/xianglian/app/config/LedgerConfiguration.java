package cn.xianglian.app.config;

import cn.xianglian.app.identity.IdentityEnroller;
import cn.xianglian.app.integrity.ChainVerifier;
import cn.xianglian.ledger.LedgerClient;
import cn.xianglian.ledger.embedded.EmbeddedCa;
import cn.xianglian.ledger.embedded.EmbeddedLedger;
import cn.xianglian.ledger.embedded.EmbeddedLedgerConfig;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the ledger adapter by {@code xl.ledger}. Everything else in the application depends only
 * on the {@link LedgerClient} port and, where it issues identities, on {@link IdentityEnroller}.
 *
 * <p>{@code xl.ledger=fabric} is wired by {@link FabricLedgerConfiguration} (fabric-gateway); no
 * controller changes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(XlProperties.class)
public class LedgerConfiguration {

  /** The in-process peer and its CA, kept under {@code xl.data.dir}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(name = "xl.ledger", havingValue = "embedded", matchIfMissing = true)
  static class Embedded {

    @Bean
    EmbeddedCa embeddedCa(XlProperties properties) {
      return EmbeddedCa.open(properties.data().dir().resolve("ca"));
    }

    @Bean(destroyMethod = "close")
    LedgerClient ledgerClient(XlProperties properties, EmbeddedCa ca) {
      return EmbeddedLedger.open(
          EmbeddedLedgerConfig.defaults(properties.data().dir().resolve("ledger")), ca);
    }

    /** The embedded ledger re-reads its block file and checks every hash and link. */
    @Bean
    ChainVerifier chainVerifier(LedgerClient ledger) {
      return ((EmbeddedLedger) ledger)::verifyChain;
    }

    @Bean
    IdentityEnroller identityEnroller(EmbeddedCa ca) {
      return ca::enroll;
    }
  }
}
