package cn.xianglian.ledger.anchor.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xianglian.ledger.anchor.MerkleTree;
import cn.xianglian.ledger.anchor.TxLeaf;
import cn.xianglian.ledger.anchor.TxProof;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProofJsonTest {

  static TxProof sample() {
    List<TxLeaf> leaves =
        List.of(
            new TxLeaf(7, new byte[] {1, 2, 3}, "tx-a"),
            new TxLeaf(7, new byte[] {1, 2, 3}, "tx-b"),
            new TxLeaf(8, new byte[] {4, 5}, "交易-c"));
    MerkleTree tree = MerkleTree.of(leaves.stream().map(TxLeaf::encode).toList());
    return new TxProof(
        leaves.get(2),
        tree.proof(2),
        tree.root(),
        7,
        9,
        "1337",
        "0x5b1869D9A4C187F2EAa108f3062412ecf0526b24",
        4,
        "0xabc",
        42);
  }

  @Test
  @DisplayName("a proof written as JSON reads back equal and still verifies")
  void roundTrip() {
    TxProof proof = sample();

    String json = ProofJson.write(proof);
    TxProof back = ProofJson.read(json);

    assertThat(json).contains("\"format\" : \"xianglian-tx-proof/1\"").contains("交易-c");
    assertThat(back.leaf()).isEqualTo(proof.leaf());
    assertThat(back.proof()).isEqualTo(proof.proof());
    assertThat(back.root()).isEqualTo(proof.root());
    assertThat(back.anchorIndex()).isEqualTo(4);
    assertThat(back.contractAddress()).isEqualTo(proof.contractAddress());
    assertThat(back.verifyAgainstOwnRoot().isValid()).isTrue();
  }

  @Test
  @DisplayName("a missing field, a wrong type or bad hex is refused naming the field")
  void malformed() {
    String json = ProofJson.write(sample());

    assertThatThrownBy(() -> ProofJson.read(json.replace("\"txId\"", "\"txid\"")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("txId");
    assertThatThrownBy(
            () -> ProofJson.read(json.replace("\"treeSize\" : 3", "\"treeSize\" : \"3\"")))
        .hasMessageContaining("treeSize must be an integer");
    assertThatThrownBy(() -> ProofJson.read(json.replaceFirst("\"root\" : \"", "\"root\" : \"zz")))
        .hasMessageContaining("root must be hex");
    assertThatThrownBy(() -> ProofJson.read("{")).hasMessageContaining("not JSON");
    assertThatThrownBy(() -> ProofJson.read(json.replace("tx-proof/1", "tx-proof/9")))
        .hasMessageContaining("unknown proof format");
  }
}
