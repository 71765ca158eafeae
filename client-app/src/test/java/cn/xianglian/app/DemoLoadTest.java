package cn.xianglian.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xianglian.app.batch.BatchReader;
import cn.xianglian.app.identity.UserDirectory;
import cn.xianglian.app.identity.Wallet;
import cn.xianglian.app.system.TraceLedger;
import cn.xianglian.ledger.LedgerClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The demo dataset loads through the real embedded ledger and contract, and only once. */
@SpringBootTest(properties = {"xl.demo.enabled=true", "server.address=127.0.0.1"})
@DisplayName("Demo data on first start")
class DemoLoadTest {

  private static final Path dataDir =
      Path.of("target", "demo-data", UUID.randomUUID().toString()).toAbsolutePath();

  @DynamicPropertySource
  static void dataDirectory(DynamicPropertyRegistry registry) {
    registry.add("xl.data.dir", dataDir::toString);
  }

  @Autowired LedgerClient ledger;
  @Autowired BatchReader batches;
  @Autowired UserDirectory users;
  @Autowired ApplicationContext context;
  @Autowired TraceLedger trace;
  @Autowired Wallet wallet;

  @Test
  @DisplayName("writes the 息烽 dataset, recalls reach children, and a second run writes nothing")
  void loadsOnce() throws Exception {
    long height = ledger.height();
    assertThat(height).isGreaterThan(50);
    assertThat(users.identityOf("county-regulator")).contains("county-regulator");
    assertThat(batches.batch("XF-PG-2026-001-A").status()).isEqualTo("RECALLED");
    assertThat(batches.batch("XF-GM-2026-001-A").certificateNos())
        .containsExactly("HGZ-520122-2026-000001");
    assertThat(batches.batch("XF-PT-2026-001").warningIds()).containsExactly("YJ-520122-2026-001");
    assertThat(batches.batch("XF-RJ-2026-003").parents())
        .containsExactlyInAnyOrder("XF-RJ-2026-001", "XF-RJ-2026-002");
    assertThat(batches.batch("XF-RJ-2026-003").owner()).isEqualTo("CoopOrgMSP/P-520122-0009");
    assertThat(batches.batch("XF-LZJ-2026-001").parents()).containsExactly("XF-RJ-2026-003");

    // The demo village's books: three vouchers approved and posted by the township, in balance.
    JsonNode balance =
        trace.evaluateIn(
            "finance",
            wallet.find("village-bookkeeper").orElseThrow(),
            "trialBalance",
            Map.of("village", "520122100201", "period", "2026-10"));
    assertThat(balance.path("balanced").asBoolean()).as(balance.toString()).isTrue();
    assertThat(balance.path("vouchers").size()).isEqualTo(3);
    assertThat(balance.path("debitFen").asLong()).isEqualTo(1200000 + 6000000 + 38000);
    assertThat(
            trace
                .evaluateIn(
                    "finance",
                    wallet.find("villager-demo").orElseThrow(),
                    "getPublication",
                    "PUB-520122100201-2026-10-CAIW-02")
                .path("itemCode")
                .asString())
        .isEqualTo("CAIW-02");

    // The grid demo (GridDemoLoader): 330 events in all 11 townships, through the grid contract.
    JsonNode sla =
        trace.evaluateIn(
            "grid",
            wallet.find("grid-center").orElseThrow(),
            "getSlaStatistics",
            Map.of("scope", "520122", "groupBy", "TOWNSHIP"));
    assertThat(sla.path("total").path("reported").asInt()).as(sla.toString()).isEqualTo(330);
    assertThat(sla.path("groups").size()).isEqualTo(11);
    assertThat(sla.path("total").path("escalated").asInt()).isPositive();

    ApplicationArguments none = new DefaultApplicationArguments();
    for (ApplicationRunner runner : context.getBeansOfType(ApplicationRunner.class).values()) {
      runner.run(none);
    }

    assertThat(ledger.height()).isEqualTo(height);
  }
}
