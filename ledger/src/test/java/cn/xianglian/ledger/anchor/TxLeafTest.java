package cn.xianglian.ledger.anchor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TxLeafTest {

  private static final byte[] BLOCK_HASH = {(byte) 0xab, (byte) 0xcd};
  private static final byte[] CONTENT = new byte[32];

  static {
    CONTENT[31] = 7;
  }

  @Test
  @DisplayName("a transaction leaf is 0x01, block number, block hash and tx id, each sized")
  void transactionBytes() {
    byte[] bytes = new TxLeaf(258, BLOCK_HASH, "t1").encode();

    assertThat(HexFormat.of().formatHex(bytes))
        .isEqualTo("01" + "0000000000000102" + "02abcd" + "00027431");
    assertThat(TxLeaf.decode(bytes)).isEqualTo(new TxLeaf(258, BLOCK_HASH, "t1"));
  }

  @Test
  @DisplayName(
      "a disclosure leaf is 0x02, the transaction's fields, the publication id and its content hash")
  void disclosureBytes() {
    TxLeaf leaf = new TxLeaf(258, BLOCK_HASH, "t1", new TxLeaf.Disclosure("P1", CONTENT));

    byte[] bytes = leaf.encode();

    assertThat(HexFormat.of().formatHex(bytes))
        .isEqualTo(
            "02"
                + "0000000000000102"
                + "02abcd"
                + "00027431"
                + "00025031"
                + "00".repeat(31)
                + "07");
    assertThat(TxLeaf.decode(bytes)).isEqualTo(leaf);
    assertThat(leaf).isNotEqualTo(new TxLeaf(258, BLOCK_HASH, "t1"));
  }

  @Test
  @DisplayName("unknown leaf types, trailing bytes and short content hashes are refused")
  void refusals() {
    byte[] bytes = new TxLeaf(1, BLOCK_HASH, "t").encode();
    bytes[0] = 0x03;
    assertThatThrownBy(() -> TxLeaf.decode(bytes)).isInstanceOf(IllegalArgumentException.class);
    byte[] longer = java.util.Arrays.copyOf(new TxLeaf(1, BLOCK_HASH, "t").encode(), 17);
    assertThatThrownBy(() -> TxLeaf.decode(longer)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TxLeaf.Disclosure("P", new byte[31]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
