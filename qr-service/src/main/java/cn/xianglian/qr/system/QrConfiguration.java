package cn.xianglian.qr.system;

import cn.xianglian.ledger.LedgerClient;
import cn.xianglian.qr.issuance.CodeRunRegistry;
import cn.xianglian.qr.issuance.IssuanceService;
import cn.xianglian.qr.issuance.LedgerCodeRunRegistry;
import cn.xianglian.qr.label.LabelService;
import cn.xianglian.qr.label.ParallelSymbols;
import cn.xianglian.qr.resolve.CacheInvalidation;
import cn.xianglian.qr.resolve.CodeResolver;
import cn.xianglian.qr.resolve.ConsumerPages;
import cn.xianglian.qr.resolve.TraceReader;
import cn.xianglian.qr.scan.CounterfeitHeuristics;
import cn.xianglian.qr.scan.ScanRecorder;
import cn.xianglian.qr.scan.ScanStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.thymeleaf.ITemplateEngine;

/** Explicit wiring of the framework-free parts: every domain object is built here. */
@Configuration(proxyBeanMethods = false)
class QrConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  IssuerKeys issuerKeys(QrProperties properties, Clock clock) {
    return new IssuerKeys(properties.dataDir().resolve("keys"), properties.keyAlgorithm(), clock);
  }

  @Bean
  TraceReader traceReader(LedgerClient ledger, LedgerIdentities identities) {
    return new TraceReader(ledger, identities.reader());
  }

  @Bean
  Wallet wallet(QrProperties properties) {
    return new Wallet(properties.wallet());
  }

  @Bean
  Users users(QrProperties properties) {
    return new Users(properties.dataDir().resolve("users.json"));
  }

  @Bean
  Callers callers(Users users, Wallet wallet) {
    return new Callers(users, wallet);
  }

  /** Code runs live on the ledger (the code contract), signed by the issuing user's identity. */
  @Bean
  CodeRunRegistry codeRunRegistry(
      LedgerClient ledger, LedgerIdentities identities, Callers callers) {
    return new LedgerCodeRunRegistry(ledger, identities.reader(), callers::identityOf);
  }

  @Bean
  IssuanceService issuanceService(CodeRunRegistry registry, TraceReader trace, IssuerKeys keys) {
    return new IssuanceService(registry, trace::facts, keys::currentKeyId);
  }

  @Bean
  CodeResolver codeResolver(
      QrProperties properties, IssuerKeys keys, CodeRunRegistry registry, TraceReader trace) {
    var cache = properties.cache();
    return new CodeResolver(
        keys::ring,
        registry,
        trace,
        cache.batchEntries(),
        cache.batchTtl(),
        cache.runTtl(),
        cache.signatureEntries());
  }

  @Bean
  ConsumerPages consumerPages(QrProperties properties, ITemplateEngine templateEngine) {
    var cache = properties.cache();
    return new ConsumerPages(
        templateEngine, cache.batchEntries(), cache.batchTtl(), properties.scan().tooManyScans());
  }

  @Bean
  CacheInvalidation cacheInvalidation(
      LedgerClient ledger, CodeResolver resolver, ConsumerPages pages) {
    return new CacheInvalidation(ledger, resolver, pages);
  }

  /** One encoder thread per core for PDF sheets. */
  @Bean(destroyMethod = "close")
  ParallelSymbols labelEncoders() {
    return new ParallelSymbols(Runtime.getRuntime().availableProcessors());
  }

  @Bean
  LabelService labelService(
      QrProperties properties,
      CodeRunRegistry registry,
      TraceReader trace,
      IssuerKeys keys,
      ParallelSymbols encoders) {
    String font = properties.label().fontFile();
    return new LabelService(
        registry,
        trace,
        keys::ring,
        properties.resolverBase(),
        font.isBlank() ? Optional.empty() : Optional.of(Path.of(font)),
        properties.label().maxSheetLabels(),
        encoders);
  }

  @Bean
  ScanStore scanStore(
      JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions) {
    return new ScanStore(jdbc, template, transactions);
  }

  @Bean(destroyMethod = "close")
  ScanRecorder scanRecorder(QrProperties properties, ScanStore store) {
    var scan = properties.scan();
    return new ScanRecorder(
        store,
        new CounterfeitHeuristics(scan.farApartKm(), scan.farApartWithin(), scan.tooManyScans()),
        scan.queueCapacity());
  }
}
