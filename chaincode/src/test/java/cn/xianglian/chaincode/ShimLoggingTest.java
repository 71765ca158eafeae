package cn.xianglian.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ShimLoggingTest {

  @AfterEach
  void restore() {
    ShimLogging.apply((String) null);
  }

  @Test
  @DisplayName("by default the shim logs warnings and above only, so per-call INFO lines go")
  void defaultIsWarning() {
    assertThat(ShimLogging.apply((String) null)).isEqualTo(Level.WARNING);
    assertThat(Logger.getLogger("org.hyperledger.fabric.contract").isLoggable(Level.INFO))
        .isFalse();
    assertThat(Logger.getLogger("org.hyperledger.fabric.shim").isLoggable(Level.WARNING)).isTrue();
  }

  @Test
  @DisplayName("a configured level (any case) applies to the shim's loggers")
  void configured() {
    assertThat(ShimLogging.apply("info")).isEqualTo(Level.INFO);
    assertThat(Logger.getLogger("org.hyperledger.fabric.contract").isLoggable(Level.INFO)).isTrue();
  }
}
