package cn.xianglian.app.projection;

import cn.xianglian.ledger.BlockEvent;
import cn.xianglian.ledger.LedgerClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the projection: the projector over the application's data source (Flyway has created the
 * tables), the runner that follows the ledger from the checkpoint, its health indicator {@code
 * projection} and the gauges {@code xl.projection.lag} and {@code xl.projection.checkpoint}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProjectionProperties.class)
public class ProjectionConfiguration {

  /** Further read models (e.g. governance.GovernanceTables) join as MidBlockHook beans. */
  @Bean
  BlockProjector blockProjector(
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      ObjectProvider<BlockProjector.MidBlockHook> readModels) {
    return new BlockProjector(
        jdbc,
        transactions,
        new BlockProjector.MidBlockHook() {
          @Override
          public void afterRows(BlockEvent block) {
            afterGroup(List.of(block));
          }

          @Override
          public void afterGroup(List<BlockEvent> blocks) {
            readModels.orderedStream().forEach(model -> model.afterGroup(blocks));
          }
        });
  }

  @Bean(destroyMethod = "close")
  ProjectionRunner projectionRunner(
      LedgerClient ledger,
      BlockProjector projector,
      ProjectionProperties properties,
      ObjectProvider<MeterRegistry> meters) {
    var runner = new ProjectionRunner(ledger, projector, properties.retryDelay());
    meters.ifAvailable(
        registry -> {
          Gauge.builder("xl.projection.lag", runner, ProjectionRunner::lag)
              .description("blocks committed on the ledger and not yet projected")
              .baseUnit("blocks")
              .register(registry);
          Gauge.builder("xl.projection.checkpoint", runner, ProjectionRunner::checkpoint)
              .description("last projected block number")
              .register(registry);
        });
    if (properties.enabled()) {
      runner.start();
    }
    return runner;
  }

  /** {@code /actuator/health/projection}: DOWN when a block failed, with lag and checkpoint. */
  @Bean
  HealthIndicator projectionHealthIndicator(ProjectionRunner runner) {
    return () -> {
      Health.Builder health =
          runner.state() == ProjectionRunner.State.FAILED ? Health.down() : Health.up();
      health
          .withDetail("state", runner.state().name())
          .withDetail("checkpoint", runner.checkpoint())
          .withDetail("lag", runner.lag());
      if (runner.failure() != null) {
        health.withDetail("failure", runner.failure());
      }
      return health.build();
    };
  }
}
