package cn.xianglian.ledger.anchor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xianglian.ledger.BlockEvent;
import cn.xianglian.ledger.TransactionInfo;
import cn.xianglian.ledger.ValidationCode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CheckpointBuilderTest {

  static BlockEvent block(long number, ValidationCode... codes) {
    var txs =
        java.util.stream.IntStream.range(0, codes.length)
            .mapToObj(
                i ->
                    new BlockEvent.BlockTransaction(
                        new TransactionInfo(
                            "t" + number + "." + i,
                            number,
                            i,
                            codes[i],
                            "CoopOrgMSP",
                            Instant.EPOCH,
                            "f"),
                        List.of(),
                        null))
            .toList();
    return new BlockEvent(
        number, new byte[] {(byte) number}, new byte[] {(byte) (number - 1)}, txs);
  }

  @Test
  @DisplayName(
      "one leaf per valid transaction, in block and transaction order; invalid ones are left out")
  void leavesOfValidTransactions() {
    CheckpointBuilder builder = new CheckpointBuilder(3);
    builder.add(block(3, ValidationCode.VALID, ValidationCode.MVCC_READ_CONFLICT), Instant.EPOCH);
    builder.add(block(4), Instant.EPOCH);
    builder.add(block(5, ValidationCode.VALID, ValidationCode.VALID), Instant.EPOCH);

    Checkpoint cp = builder.cut().orElseThrow();

    assertThat(cp.fromBlock()).isEqualTo(3);
    assertThat(cp.toBlock()).isEqualTo(5);
    assertThat(cp.leaves()).extracting(TxLeaf::txId).containsExactly("t3.0", "t5.0", "t5.1");
    assertThat(cp.lastBlockHash()).containsExactly(5);
    assertThat(builder.nextBlock()).isEqualTo(6);
    assertThat(builder.cut()).isEmpty();
  }

  @Test
  @DisplayName("a block seen again is ignored; a gap is refused and nothing is added")
  void replaysAndGaps() {
    CheckpointBuilder builder = new CheckpointBuilder(0);
    builder.add(block(0, ValidationCode.VALID), Instant.EPOCH);
    builder.add(block(0, ValidationCode.VALID), Instant.EPOCH);

    assertThatThrownBy(() -> builder.add(block(2, ValidationCode.VALID), Instant.EPOCH))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("block 2 arrived while block 1 was expected");
    assertThat(builder.pendingBlocks()).isEqualTo(1);
    assertThat(builder.cut().orElseThrow().leaves()).hasSize(1);
  }

  @Test
  @DisplayName("a range without valid transactions has the empty tree's root")
  void emptyRange() throws Exception {
    CheckpointBuilder builder = new CheckpointBuilder(0);
    builder.add(block(0), Instant.EPOCH);

    Checkpoint cp = builder.cut().orElseThrow();

    assertThat(cp.tree().root())
        .isEqualTo(java.security.MessageDigest.getInstance("SHA-256").digest());
  }

  static BlockEvent.BlockTransaction tx(
      long block, int index, String function, BlockEvent.KeyWrite... writes) {
    return new BlockEvent.BlockTransaction(
        new TransactionInfo(
            "t" + block + "." + index,
            block,
            index,
            ValidationCode.VALID,
            "CountyOrgMSP",
            Instant.EPOCH,
            function),
        List.of(writes),
        null);
  }

  static String compositeKey(String type, String... attributes) {
    return "\u0000" + type + "\u0000" + String.join("\u0000", attributes) + "\u0000";
  }

  @Test
  @DisplayName(
      "a publication written by a valid transaction adds a disclosure leaf after its transaction"
          + " leaf, with the SHA-256 of the bytes written; deletes and other keys add none")
  void disclosureLeaves() throws Exception {
    byte[] content =
        "{\"publicationId\":\"P-1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    CheckpointBuilder builder = new CheckpointBuilder(0, java.util.Set.of("xl.fin.publication"));
    builder.add(
        new BlockEvent(
            0,
            new byte[] {1},
            new byte[] {0},
            List.of(
                tx(
                    0,
                    0,
                    "finance:publishDisclosure",
                    new BlockEvent.KeyWrite(
                        "xianglian", compositeKey("xl.fin.publication", "P-1"), content, false),
                    new BlockEvent.KeyWrite(
                        "xianglian", compositeKey("xl.fin.voucher", "V-1"), content, false)),
                tx(
                    0,
                    1,
                    "finance:other",
                    new BlockEvent.KeyWrite(
                        "xianglian", compositeKey("xl.fin.publication", "P-2"), null, true)))),
        Instant.EPOCH);

    Checkpoint cp = builder.cut().orElseThrow();

    assertThat(cp.leaves())
        .extracting(TxLeaf::txId, TxLeaf::isDisclosure)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("t0.0", false),
            org.assertj.core.groups.Tuple.tuple("t0.0", true),
            org.assertj.core.groups.Tuple.tuple("t0.1", false));
    TxLeaf.Disclosure disclosure = cp.leaves().get(1).disclosure();
    assertThat(disclosure.publicationId()).isEqualTo("P-1");
    assertThat(disclosure.contentHash())
        .isEqualTo(java.security.MessageDigest.getInstance("SHA-256").digest(content));
  }

  @Test
  @DisplayName("blocks holding only the anchoring service's own recordAnchor are not substantive")
  void ownRecordsAreNotSubstantive() {
    CheckpointBuilder builder = new CheckpointBuilder(0);
    builder.add(
        new BlockEvent(0, new byte[] {1}, new byte[] {0}, List.of(tx(0, 0, "anchor:recordAnchor"))),
        Instant.EPOCH);
    assertThat(builder.hasSubstantiveTransactions()).isFalse();

    builder.add(
        new BlockEvent(1, new byte[] {2}, new byte[] {1}, List.of(tx(1, 0, "trace:createBatch"))),
        Instant.EPOCH);
    assertThat(builder.hasSubstantiveTransactions()).isTrue();

    builder.cut();
    assertThat(builder.hasSubstantiveTransactions()).isFalse();
  }
}
