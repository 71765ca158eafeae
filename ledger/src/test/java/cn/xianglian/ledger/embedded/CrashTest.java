package cn.xianglian.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xianglian.ledger.TransactionInfo;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashTest {

  @TempDir Path dir;

  private static String read(Path file) {
    try {
      return java.nio.file.Files.readString(file);
    } catch (java.io.IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  @Test
  @DisplayName("every transaction acknowledged before a kill -9 is on the ledger after restart")
  void acknowledged_transactions_survive_a_crash() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                CrashSubmitter.class.getName(),
                dir.toString())
            .redirectError(dir.resolve("child-stderr.log").toFile())
            .start();
    List<String> acknowledged = new ArrayList<>();
    try (var reader =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("ACK ")) {
          acknowledged.add(line.substring(4));
          if (acknowledged.size() == 300) {
            // SIGKILL without closing our end of the pipe: acknowledgements already printed still
            // arrive.
            child.toHandle().destroyForcibly();
          }
        }
      }
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    Path stderr = dir.resolve("child-stderr.log");
    assertThat(acknowledged)
        .as(() -> "acknowledgements before the kill; child stderr:\n" + read(stderr))
        .hasSizeGreaterThanOrEqualTo(300);
    EmbeddedCa ca = EmbeddedCa.open(dir.resolve("ca"));
    try (EmbeddedLedger ledger = EmbeddedLedger.open(TestLedgers.config(dir), ca)) {
      assertThat(ledger.verifyChain()).isEqualTo(ledger.height());
      for (String txId : acknowledged) {
        assertThat(ledger.transaction(txId))
            .as("acknowledged transaction %s", txId)
            .hasValueSatisfying((TransactionInfo info) -> assertThat(info.valid()).isTrue());
      }
    }
  }
}
