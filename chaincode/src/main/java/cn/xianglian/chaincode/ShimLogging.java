package cn.xianglian.chaincode;

import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Quiets the shim's per-invocation INFO logging (it costs about half the throughput). The level
 * comes from {@code XL_SHIM_LOG_LEVEL} (java.util.logging names: SEVERE, WARNING, INFO, FINE…),
 * default WARNING. Call it after the shim configured logging (after {@code new ContractRouter}),
 * since the router resets its own levels.
 */
public final class ShimLogging {

  public static final String LEVEL_ENV = "XL_SHIM_LOG_LEVEL";

  /** Held strongly: java.util.logging keeps only weak references to configured loggers. */
  private static final List<Logger> LOGGERS =
      List.of(
          Logger.getLogger("org.hyperledger.fabric"),
          Logger.getLogger("org.hyperledger.fabric.shim"),
          Logger.getLogger("org.hyperledger.fabric.contract"));

  private ShimLogging() {}

  /** Applies the configured level (environment) to the shim's loggers; returns it. */
  public static Level apply() {
    return apply(System.getenv(LEVEL_ENV));
  }

  /** Applies {@code configured} (null or blank: WARNING) to the shim's loggers; returns it. */
  public static Level apply(String configured) {
    Level level =
        configured == null || configured.isBlank()
            ? Level.WARNING
            : Level.parse(configured.trim().toUpperCase(Locale.ROOT));
    LOGGERS.forEach(logger -> logger.setLevel(level));
    return level;
  }
}
