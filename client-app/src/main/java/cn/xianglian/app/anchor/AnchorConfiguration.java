package cn.xianglian.app.anchor;

import cn.xianglian.app.identity.CallerIdentities;
import cn.xianglian.app.identity.IdentityEnroller;
import cn.xianglian.app.identity.Wallet;
import cn.xianglian.ledger.Identity;
import cn.xianglian.ledger.LedgerClient;
import cn.xianglian.ledger.anchor.AnchorPolicy;
import cn.xianglian.ledger.anchor.AnchorService;
import cn.xianglian.ledger.anchor.FileAnchorStore;
import cn.xianglian.ledger.anchor.evm.AnchorKeys;
import cn.xianglian.ledger.anchor.evm.Web3jAnchorChain;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * Wires the anchoring component when {@code xl.anchor.enabled=true}; its health ({@code anchor}:
 * disabled, anchoring, or why it stopped) and gauges ({@code xl.anchor.*}) exist either way.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnchorProperties.class)
public class AnchorConfiguration {

  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(name = "xl.anchor.enabled", havingValue = "true")
  Anchoring anchoring(
      AnchorProperties properties,
      LedgerClient ledger,
      Wallet wallet,
      ObjectProvider<IdentityEnroller> enroller) {
    if (properties.contract() == null || properties.keyFile() == null) {
      throw new IllegalStateException(
          "xl.anchor.enabled=true needs xl.anchor.contract and xl.anchor.key-file");
    }
    Credentials credentials = AnchorKeys.load(properties.keyFile(), properties.keyPassword());
    FileAnchorStore store = FileAnchorStore.open(properties.storeFile(), 0);
    Supplier<Identity> signer = () -> signer(properties.identity(), wallet, enroller);
    LedgerAnchorRecorder recorder = new LedgerAnchorRecorder(ledger, signer, properties.channel());
    AnchorPolicy policy =
        new AnchorPolicy(
            properties.blocksPerCheckpoint(),
            properties.maxDelay(),
            properties.confirmations(),
            properties.receiptTimeout(),
            Duration.ofSeconds(1),
            properties.maxAttempts(),
            Duration.ofSeconds(5));
    Web3j web3j = Web3j.build(new HttpService(properties.rpcUrl()));
    Anchoring.Connector connector =
        () -> {
          Web3jAnchorChain chain =
              Web3jAnchorChain.connect(
                  web3j, properties.contract(), credentials, properties.feeMode());
          if (properties.chainId() != 0
              && !chain.chainId().equals(Long.toString(properties.chainId()))) {
            throw new IllegalStateException(
                "xl.anchor.chain-id is "
                    + properties.chainId()
                    + " but the node at "
                    + properties.rpcUrl()
                    + " reports chain "
                    + chain.chainId());
          }
          AnchorService service =
              new AnchorService(
                  ledger,
                  chain,
                  store,
                  policy,
                  Clock.systemUTC(),
                  recorder,
                  new HashSet<>(properties.disclosureTypes()));
          service.start();
          return new Anchoring.Connected(
              service, Web3jAnchorChain.readOnly(web3j, properties.contract()));
        };
    Anchoring anchoring =
        new Anchoring(connector, recorder, store, web3j::shutdown, Duration.ofSeconds(30));
    anchoring.start();
    return anchoring;
  }

  /** The anchoring service's ledger identity; enrolled as a county of CountyOrgMSP if missing. */
  private static synchronized Identity signer(
      String label, Wallet wallet, ObjectProvider<IdentityEnroller> enroller) {
    Optional<Identity> existing = wallet.find(label);
    if (existing.isPresent()) {
      return existing.get();
    }
    IdentityEnroller ca = enroller.getIfAvailable();
    if (ca == null) {
      throw new IllegalStateException("no identity '" + label + "' in the wallet");
    }
    Identity enrolled =
        ca.enroll(
            label,
            "CountyOrgMSP",
            Map.of(
                "xl.role",
                "county",
                "xl.region",
                CallerIdentities.COUNTY_REGION,
                "xl.party",
                label));
    wallet.put(enrolled);
    return enrolled;
  }

  @Bean
  HealthIndicator anchorHealthIndicator(
      AnchorProperties properties, ObjectProvider<Anchoring> anchoring) {
    return () -> {
      Anchoring running = anchoring.getIfAvailable();
      if (running == null) {
        return Health.up().withDetail("enabled", false).build();
      }
      if (running.service().isEmpty()) {
        Health.Builder waiting = Health.outOfService().withDetail("enabled", true);
        running
            .startFailure()
            .ifPresent(e -> waiting.withDetail("startFailure", String.valueOf(e.getMessage())));
        return waiting.build();
      }
      AnchorService.Status status = running.service().get().status();
      Health.Builder health =
          status.anchorFailure().isPresent() ? Health.outOfService() : Health.up();
      health
          .withDetail("enabled", true)
          .withDetail("chainId", running.chain().chainId())
          .withDetail("contract", running.chain().contractAddress())
          .withDetail("nextBlock", status.nextBlock())
          .withDetail("anchors", status.anchors())
          .withDetail("recordedOnLedger", status.recordedOnLedger())
          .withDetail("pendingBlocks", status.pendingBlocks());
      if (status.lastAnchoredAt() != null) {
        health.withDetail("lastAnchoredAt", status.lastAnchoredAt().toString());
      }
      status.anchorFailure().ifPresent(e -> health.withDetail("anchorFailure", e.getMessage()));
      status.recordFailure().ifPresent(e -> health.withDetail("recordFailure", e.getMessage()));
      return health.build();
    };
  }

  /** Gauges {@code xl.anchor.*}: NaN while the component is disabled. */
  @Bean
  MeterBinder anchorMetrics(ObjectProvider<Anchoring> anchoring) {
    return registry -> {
      Gauge.builder(
              "xl.anchor.enabled",
              anchoring,
              a ->
                  a.getIfAvailable() == null ? 0 : a.getIfAvailable().service().isPresent() ? 1 : 0)
          .description("1 when the anchoring component runs (0 while off or waiting for the node)")
          .register(registry);
      gauge(
          registry,
          anchoring,
          "xl.anchor.next.block",
          "first Fabric block not yet anchored",
          s -> s.nextBlock());
      gauge(
          registry, anchoring, "xl.anchor.anchors", "anchors in the local store", s -> s.anchors());
      gauge(
          registry,
          anchoring,
          "xl.anchor.recorded",
          "anchors known to be recorded on the Fabric ledger",
          s -> s.recordedOnLedger());
      gauge(
          registry,
          anchoring,
          "xl.anchor.pending.blocks",
          "blocks waiting for the next checkpoint",
          s -> s.pendingBlocks());
      gauge(
          registry,
          anchoring,
          "xl.anchor.failed",
          "1 when anchoring stopped (see the health details)",
          s -> s.anchorFailure().isPresent() ? 1 : 0);
    };
  }

  private static void gauge(
      MeterRegistry registry,
      ObjectProvider<Anchoring> anchoring,
      String name,
      String description,
      java.util.function.ToDoubleFunction<AnchorService.Status> value) {
    Gauge.builder(
            name,
            anchoring,
            a -> {
              Anchoring running = a.getIfAvailable();
              return running == null || running.service().isEmpty()
                  ? Double.NaN
                  : value.applyAsDouble(running.service().get().status());
            })
        .description(description)
        .register(registry);
  }
}
