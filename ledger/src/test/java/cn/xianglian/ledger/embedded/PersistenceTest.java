package cn.xianglian.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xianglian.ledger.Identity;
import cn.xianglian.ledger.Proposal;
import cn.xianglian.ledger.Submitted;
import cn.xianglian.ledger.TransactionInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The ledger survives restarts and damage to its last block")
class PersistenceTest {

  @TempDir Path dir;
  EmbeddedCa ca;
  Identity producer;
  List<Submitted> submitted = new ArrayList<>();

  @BeforeEach
  void fourBlocksOfOneTransaction() {
    ca = EmbeddedCa.open(dir.resolve("ca"));
    producer = TestLedgers.producer(ca);
    try (EmbeddedLedger ledger = open()) {
      for (int i = 1; i <= 4; i++) {
        submitted.add(ledger.submit(producer, Proposal.of("probe", "put", "k" + i, "v" + i)));
      }
      assertThat(ledger.height()).isEqualTo(5);
    }
  }

  private EmbeddedLedger open() {
    return EmbeddedLedger.open(TestLedgers.config(dir), ca);
  }

  private Path blockFile() {
    return dir.resolve("ledger").resolve("blocks.dat");
  }

  private static String get(EmbeddedLedger ledger, Identity caller, String key) {
    return new String(
        ledger.evaluate(caller, Proposal.of("probe", "get", key)), StandardCharsets.UTF_8);
  }

  /** Byte offsets of each block record, read from the record headers. */
  private List<Long> recordOffsets() throws IOException {
    var offsets = new ArrayList<Long>();
    try (FileChannel channel = FileChannel.open(blockFile(), StandardOpenOption.READ)) {
      long position = 0;
      while (position < channel.size()) {
        offsets.add(position);
        ByteBuffer head = ByteBuffer.allocate(12);
        channel.read(head, position);
        head.flip();
        head.getInt();
        position += BlockCodec.RECORD_OVERHEAD + head.getInt() + head.getInt();
      }
    }
    return offsets;
  }

  @Test
  void reopening_gives_the_same_state_height_chain_and_transactions() {
    try (EmbeddedLedger ledger = open()) {
      assertThat(ledger.height()).isEqualTo(5);
      assertThat(ledger.verifyChain()).isEqualTo(5);
      assertThat(get(ledger, producer, "k3")).isEqualTo("v3");
      TransactionInfo info = ledger.transaction(submitted.get(2).txId()).orElseThrow();
      assertThat(info.blockNumber()).isEqualTo(3);
      assertThat(info.valid()).isTrue();
      assertThat(ledger.submit(producer, Proposal.of("probe", "put", "k5", "v5")).blockNumber())
          .isEqualTo(5);
    }
  }

  @Test
  void a_ledger_directory_opens_once_at_a_time() {
    try (EmbeddedLedger ledger = open()) {
      assertThatThrownBy(this::open)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("in use");
      assertThat(ledger.height()).isEqualTo(5);
    }
  }

  @Test
  void a_lost_state_store_is_rebuilt_from_the_block_file() throws IOException {
    Files.delete(dir.resolve("ledger").resolve("state.mv.db"));

    try (EmbeddedLedger ledger = open()) {
      assertThat(get(ledger, producer, "k4")).isEqualTo("v4");
      assertThat(ledger.transaction(submitted.get(0).txId())).isPresent();
    }
  }

  @Test
  void a_torn_write_of_the_next_block_is_cut_off_and_the_chain_verifies() throws IOException {
    List<Long> offsets = recordOffsets();
    byte[] file = Files.readAllBytes(blockFile());
    byte[] lastRecord =
        java.util.Arrays.copyOfRange(file, offsets.getLast().intValue(), file.length);
    Files.write(
        blockFile(),
        java.util.Arrays.copyOf(lastRecord, lastRecord.length / 2),
        StandardOpenOption.APPEND);

    try (EmbeddedLedger ledger = open()) {
      assertThat(ledger.height()).isEqualTo(5);
      assertThat(ledger.verifyChain()).isEqualTo(5);
      assertThat(ledger.submit(producer, Proposal.of("probe", "put", "k9", "v9")).blockNumber())
          .isEqualTo(5);
    }
    try (EmbeddedLedger ledger = open()) {
      assertThat(ledger.verifyChain()).isEqualTo(6);
      assertThat(get(ledger, producer, "k9")).isEqualTo("v9");
    }
  }

  @Test
  void a_last_block_cut_mid_record_is_dropped_and_the_state_rebuilt_without_it()
      throws IOException {
    long size = Files.size(blockFile());
    try (FileChannel channel = FileChannel.open(blockFile(), StandardOpenOption.WRITE)) {
      channel.truncate(size - 7);
    }

    try (EmbeddedLedger ledger = open()) {
      assertThat(ledger.height()).isEqualTo(4);
      assertThat(ledger.verifyChain()).isEqualTo(4);
      assertThat(get(ledger, producer, "k3")).isEqualTo("v3");
      assertThat(get(ledger, producer, "k4")).isEqualTo("<absent>");
      assertThat(ledger.transaction(submitted.get(3).txId())).isEmpty();
    }
  }

  @Test
  void garbage_after_the_last_block_is_cut_off() throws IOException {
    byte[] garbage = new byte[300];
    new java.util.Random(7).nextBytes(garbage);
    Files.write(blockFile(), garbage, StandardOpenOption.APPEND);

    try (EmbeddedLedger ledger = open()) {
      assertThat(ledger.height()).isEqualTo(5);
      assertThat(ledger.verifyChain()).isEqualTo(5);
      assertThat(get(ledger, producer, "k4")).isEqualTo("v4");
    }
  }

  @Test
  void damage_to_a_block_before_the_last_is_refused() throws IOException {
    long secondBlock = recordOffsets().get(2);
    try (FileChannel channel =
        FileChannel.open(blockFile(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer one = ByteBuffer.allocate(1);
      channel.read(one, secondBlock + 100);
      one.flip();
      byte flipped = (byte) (one.get() ^ 0x40);
      channel.write(ByteBuffer.wrap(new byte[] {flipped}), secondBlock + 100);
    }

    assertThatThrownBy(this::open)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("corrupt")
        .hasMessageContaining("block 2");
  }

  @Test
  void verify_chain_notices_damage_made_while_open() throws IOException {
    try (EmbeddedLedger ledger = open()) {
      long thirdBlock = recordOffsets().get(3);
      try (FileChannel channel = FileChannel.open(blockFile(), StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap(new byte[] {0, 0, 0, 0}), thirdBlock + 40);
      }

      assertThatThrownBy(ledger::verifyChain)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("block 3");
    }
  }
}
