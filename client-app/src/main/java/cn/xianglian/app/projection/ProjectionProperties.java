package cn.xianglian.app.projection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code xl.projection.*} settings.
 *
 * @param enabled whether the projection follows the ledger when the application starts
 * @param retryDelay how long after a failed block delivery restarts from the checkpoint
 */
@ConfigurationProperties("xl.projection")
public record ProjectionProperties(
    @DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration retryDelay) {}
