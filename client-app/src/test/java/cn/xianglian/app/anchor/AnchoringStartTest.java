package cn.xianglian.app.anchor;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xianglian.ledger.anchor.AnchorChain;
import cn.xianglian.ledger.anchor.AnchorException;
import cn.xianglian.ledger.anchor.AnchorPolicy;
import cn.xianglian.ledger.anchor.AnchorService;
import cn.xianglian.ledger.anchor.FileAnchorStore;
import cn.xianglian.ledger.anchor.OnChainAnchor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The component starts even when the EVM node is down, and connects once it is up. */
class AnchoringStartTest {

  @TempDir Path dir;

  static final AnchorChain CHAIN =
      new AnchorChain() {
        @Override
        public long nextBlock() {
          return 0;
        }

        @Override
        public Optional<OnChainAnchor> anchorHolding(long blockNumber) {
          return Optional.empty();
        }

        @Override
        public String send(byte[] root, long fromBlock, long toBlock, int attempt) {
          throw new UnsupportedOperationException();
        }

        @Override
        public Optional<AnchorReceipt> receipt(String txHash, int confirmations) {
          return Optional.empty();
        }

        @Override
        public String chainId() {
          return "1337";
        }

        @Override
        public String contractAddress() {
          return "0x" + "ab".repeat(20);
        }
      };

  Anchoring anchoring(Anchoring.Connector connector, AtomicBoolean closed) {
    return new Anchoring(
        connector,
        new LedgerAnchorRecorder(null, null, "xifeng"),
        FileAnchorStore.open(dir.resolve("anchors.dat"), 0),
        () -> closed.set(true),
        Duration.ofMillis(20));
  }

  static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition not met in time").isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  @Test
  @DisplayName(
      "while the node cannot be reached it says why and retries; once reached, the service runs")
  void retriesUntilTheNodeAnswers() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    AtomicBoolean closed = new AtomicBoolean();
    AnchorService service =
        new AnchorService(null, CHAIN, null, AnchorPolicy.defaults(), Clock.systemUTC());
    Anchoring anchoring =
        anchoring(
            () -> {
              if (attempts.incrementAndGet() < 3) {
                throw new AnchorException(
                    AnchorException.Code.CHAIN_UNAVAILABLE, "connection refused");
              }
              return new Anchoring.Connected(service, CHAIN);
            },
            closed);

    assertThat(anchoring.service()).isEmpty();
    anchoring.start();
    awaitUntil(() -> anchoring.service().isPresent());

    assertThat(attempts.get()).isEqualTo(3);
    assertThat(anchoring.startFailure()).isEmpty();
    assertThat(anchoring.chain().chainId()).isEqualTo("1337");
    anchoring.close();
    assertThat(closed.get()).isTrue();
  }

  @Test
  @DisplayName("a configuration error (e.g. another chain id) stops it, with the reason")
  void configurationErrorStops() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    Anchoring anchoring =
        anchoring(
            () -> {
              attempts.incrementAndGet();
              throw new IllegalStateException("xl.anchor.chain-id is 1 but the node reports 1337");
            },
            new AtomicBoolean());

    anchoring.start();
    awaitUntil(() -> anchoring.startFailure().isPresent());
    Thread.sleep(100);

    assertThat(attempts.get()).isEqualTo(1);
    assertThat(anchoring.service()).isEmpty();
    assertThat(anchoring.startFailure().orElseThrow().getMessage()).contains("chain-id");
    anchoring.close();
  }
}
