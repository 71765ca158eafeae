package cn.xianglian.app.projection;

import java.nio.file.Path;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application context shared by the projection and integrity tests (Spring caches it): the demo
 * dataset on the real embedded ledger in a fresh data directory, H2 file database, HTTP on a random
 * loopback port. The application's own projection runner is off; tests drive their own.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "xl.demo.enabled=true",
      "xl.projection.enabled=false",
      "server.address=127.0.0.1"
    })
abstract class DemoLedgerContext {

  private static final Path dataDir =
      Path.of("target", "projection-data", UUID.randomUUID().toString()).toAbsolutePath();

  @DynamicPropertySource
  static void dataDirectory(DynamicPropertyRegistry registry) {
    registry.add("xl.data.dir", () -> dataDir.toString());
  }
}
