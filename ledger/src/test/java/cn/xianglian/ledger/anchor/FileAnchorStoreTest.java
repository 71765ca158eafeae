package cn.xianglian.ledger.anchor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAnchorStoreTest {

  @TempDir Path dir;

  static AnchorRecord record(long from, long to, long index) {
    List<TxLeaf> leaves =
        List.of(
            new TxLeaf(from, new byte[] {1, (byte) from}, "tx-" + from + "-a"),
            new TxLeaf(to, new byte[] {2, (byte) to}, "交易-" + to),
            new TxLeaf(
                to,
                new byte[] {2, (byte) to},
                "交易-" + to,
                new TxLeaf.Disclosure("PUB-" + to, new byte[32])));
    Checkpoint cp = new Checkpoint(from, to, new byte[] {9, (byte) to}, leaves);
    return new AnchorRecord(
        cp,
        cp.tree().root(),
        "1337",
        "0x5b1869D9A4C187F2EAa108f3062412ecf0526b24",
        index,
        "0x" + "ab".repeat(32),
        100 + index,
        "0x" + "cd".repeat(20),
        Instant.parse("2026-11-24T10:00:00.123456789Z"));
  }

  @Test
  @DisplayName("records appended are read back equal after reopening, with the transaction index")
  void survivesReopen() {
    Path file = dir.resolve("anchors.dat");
    try (FileAnchorStore store = FileAnchorStore.open(file, 0)) {
      store.append(record(0, 4, 0));
      store.append(record(5, 9, 1));
    }

    try (FileAnchorStore reopened = FileAnchorStore.open(file, 0)) {
      assertThat(reopened.records()).containsExactly(record(0, 4, 0), record(5, 9, 1));
      assertThat(reopened.nextBlock()).isEqualTo(10);
      assertThat(reopened.byTxId("交易-9").orElseThrow().anchorIndex()).isEqualTo(1);
      assertThat(reopened.byTxId("nope")).isEmpty();
      assertThat(reopened.byPublicationId("PUB-4").orElseThrow().anchorIndex()).isZero();
      assertThat(reopened.byPublicationId("交易-9")).isEmpty();
      assertThat(reopened.records().get(1).emitter()).isEqualTo("0x" + "cd".repeat(20));
    }
  }

  @Test
  @DisplayName("a torn last record is dropped on open; the store goes on from the record before it")
  void tornTail() throws IOException {
    Path file = dir.resolve("anchors.dat");
    try (FileAnchorStore store = FileAnchorStore.open(file, 0)) {
      store.append(record(0, 4, 0));
      store.append(record(5, 9, 1));
    }
    long size = Files.size(file);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(size - 3);
    }

    try (FileAnchorStore reopened = FileAnchorStore.open(file, 0)) {
      assertThat(reopened.records()).containsExactly(record(0, 4, 0));
      assertThat(reopened.nextBlock()).isEqualTo(5);
      reopened.append(record(5, 9, 1));
    }
    try (FileAnchorStore again = FileAnchorStore.open(file, 0)) {
      assertThat(again.records()).hasSize(2);
    }
  }

  @Test
  @DisplayName("a record that does not start at the next block is refused and nothing is written")
  void contiguous() throws IOException {
    Path file = dir.resolve("anchors.dat");
    try (FileAnchorStore store = FileAnchorStore.open(file, 3)) {
      assertThatThrownBy(() -> store.append(record(0, 4, 0)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("expected 3");
      assertThat(Files.size(file)).isZero();
    }
  }
}
