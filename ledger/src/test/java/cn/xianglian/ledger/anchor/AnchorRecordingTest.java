package cn.xianglian.ledger.anchor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xianglian.ledger.BlockEvent;
import cn.xianglian.ledger.TransactionInfo;
import cn.xianglian.ledger.ValidationCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Writing confirmed anchors back on the Fabric ledger: once each, in order, and after a restart
 * whatever was confirmed but not yet recorded. The chain here is an in-memory stand-in whose every
 * send is mined at once (the real node is in AnchorOnGanacheTest); the ledger is a recorder that
 * counts writes.
 */
class AnchorRecordingTest {

  static final AnchorPolicy POLICY =
      new AnchorPolicy(
          5,
          Duration.ofMinutes(1),
          1,
          Duration.ofSeconds(1),
          Duration.ofMillis(1),
          3,
          Duration.ofMillis(1));

  /** Anchors kept in a list; a send is mined at once. */
  static final class MemoryChain implements AnchorChain {
    final List<OnChainAnchor> anchors = new ArrayList<>();
    int sends;

    @Override
    public long nextBlock() {
      return anchors.isEmpty() ? 0 : anchors.getLast().toBlock() + 1;
    }

    @Override
    public Optional<OnChainAnchor> anchorHolding(long blockNumber) {
      return anchors.stream().filter(a -> a.holds(blockNumber)).findFirst();
    }

    @Override
    public String send(byte[] root, long fromBlock, long toBlock, int attempt) {
      sends++;
      String hash = "0x%064x".formatted(anchors.size() + 1);
      anchors.add(
          new OnChainAnchor(
              anchors.size(),
              root,
              fromBlock,
              toBlock,
              "0x" + "ee".repeat(20),
              Instant.parse("2026-11-24T12:00:00Z"),
              hash,
              anchors.size() + 10));
      return hash;
    }

    @Override
    public Optional<AnchorReceipt> receipt(String txHash, int confirmations) {
      return anchors.stream()
          .filter(a -> a.txHash().equals(txHash))
          .findFirst()
          .map(a -> new AnchorReceipt(txHash, true, a.evmBlock()));
    }

    @Override
    public String chainId() {
      return "1337";
    }

    @Override
    public String contractAddress() {
      return "0x" + "aa".repeat(20);
    }
  }

  /** The ledger's anchor records by index; counts writes; can be made to fail. */
  static final class CountingRecorder implements AnchorRecorder {
    final Map<Long, AnchorRecord> recorded = new LinkedHashMap<>();
    int writes;
    boolean down;

    @Override
    public boolean isRecorded(AnchorRecord record) {
      if (down) {
        throw new AnchorException(AnchorException.Code.LEDGER_UNAVAILABLE, "ledger down");
      }
      AnchorRecord there = recorded.get(record.anchorIndex());
      if (there != null && !there.equals(record)) {
        throw new AnchorException(AnchorException.Code.RECORD_CONFLICT, "other content");
      }
      return there != null;
    }

    @Override
    public void record(AnchorRecord record) {
      if (down) {
        throw new AnchorException(AnchorException.Code.LEDGER_UNAVAILABLE, "ledger down");
      }
      writes++;
      recorded.putIfAbsent(record.anchorIndex(), record);
    }
  }

  static Checkpoint checkpoint(long from, long to) {
    CheckpointBuilder builder = new CheckpointBuilder(from);
    for (long b = from; b <= to; b++) {
      byte[] hash = new byte[32];
      hash[0] = (byte) b;
      builder.add(
          new BlockEvent(
              b,
              hash,
              new byte[32],
              List.of(
                  new BlockEvent.BlockTransaction(
                      new TransactionInfo(
                          "tx-" + b, b, 0, ValidationCode.VALID, "CoopOrgMSP", Instant.EPOCH, "f"),
                      List.of(),
                      null))),
          Instant.EPOCH);
    }
    return builder.cut().orElseThrow();
  }

  final MemoryChain chain = new MemoryChain();
  final CountingRecorder ledger = new CountingRecorder();
  final InMemoryAnchorStore store = new InMemoryAnchorStore(0);

  AnchorService service() {
    return new AnchorService(
        null, chain, store, POLICY, Clock.systemUTC(), ledger, Set.of("xl.fin.publication"));
  }

  @Nested
  class WhenTheLedgerIsUp {

    @Test
    @DisplayName("each confirmed anchor is recorded once, with its EVM transaction and emitter")
    void recordsEachAnchorOnce() {
      AnchorService service = service();

      service.anchor(checkpoint(0, 4));
      service.anchor(checkpoint(5, 9));
      service.anchor(checkpoint(5, 9)); // a repeated call: on chain already, nothing new

      assertThat(chain.sends).isEqualTo(2);
      assertThat(ledger.writes).isEqualTo(2);
      assertThat(ledger.recorded.keySet()).containsExactly(0L, 1L);
      AnchorRecord first = ledger.recorded.get(0L);
      assertThat(first.evmTxHash()).isEqualTo(chain.anchors.get(0).txHash());
      assertThat(first.emitter()).isEqualTo("0x" + "ee".repeat(20));
      assertThat(service.status().recordedOnLedger()).isEqualTo(2);
      assertThat(service.status().recordFailure()).isEmpty();
    }
  }

  @Nested
  class AfterARestart {

    @Test
    @DisplayName(
        "anchors confirmed while the ledger was down are recorded by the next service, in order,"
            + " and a second pass writes nothing")
    void recordsWhatWasMissed() {
      ledger.down = true;
      AnchorService before = service();
      before.anchor(checkpoint(0, 4));
      before.anchor(checkpoint(5, 9));
      assertThat(before.status().recordFailure())
          .get()
          .extracting(AnchorException::code)
          .isEqualTo(AnchorException.Code.LEDGER_UNAVAILABLE);
      assertThat(ledger.recorded).isEmpty();

      ledger.down = false;
      AnchorService after = service();

      assertThat(after.recordOnLedger()).isEqualTo(2);
      assertThat(after.recordOnLedger()).isZero();
      assertThat(ledger.recorded.keySet()).containsExactly(0L, 1L);
      assertThat(ledger.writes).isEqualTo(2);
    }

    @Test
    @DisplayName(
        "only the records after the newest one the ledger holds are written (the walk stops there)")
    void writesOnlyTheTail() {
      AnchorService before = service();
      before.anchor(checkpoint(0, 4));
      ledger.down = true;
      before.anchor(checkpoint(5, 9));
      ledger.down = false;

      int written = service().recordOnLedger();

      assertThat(written).isEqualTo(1);
      assertThat(ledger.writes).isEqualTo(2);
      assertThat(ledger.recorded.keySet()).containsExactly(0L, 1L);
    }

    @Test
    @DisplayName(
        "an anchor confirmed on the chain but lost before the local store kept it is found on the"
            + " chain (not resent), stored and recorded once")
    void confirmedButNotStored() {
      Checkpoint cp = checkpoint(0, 4);
      chain.send(cp.tree().root(), 0, 4, 0); // the crash came after the send

      AnchorRecord record = service().anchor(cp);

      assertThat(chain.sends).isEqualTo(1);
      assertThat(store.records()).containsExactly(record);
      assertThat(ledger.recorded.values()).containsExactly(record);
      assertThat(ledger.writes).isEqualTo(1);
    }

    @Test
    @DisplayName("a ledger holding other content under an anchor index is RECORD_CONFLICT")
    void conflict() {
      service().anchor(checkpoint(0, 4));
      AnchorRecord stored = store.records().getFirst();
      ledger.recorded.put(0L, stored.withEmitter("0x" + "11".repeat(20)));

      assertThatThrownBy(() -> service().recordOnLedger())
          .isInstanceOfSatisfying(
              AnchorException.class,
              e -> assertThat(e.code()).isEqualTo(AnchorException.Code.RECORD_CONFLICT));
    }
  }
}
