package cn.xianglian.chaincode.anchor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.xianglian.chaincode.trace.InMemoryStub;
import cn.xianglian.ledger.Identity;
import cn.xianglian.ledger.embedded.EmbeddedCa;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The anchor contract on an in-memory stub: documented keys, event, nothing written on reject. */
class AnchorKeyDisciplineTest {

  @TempDir static Path dir;

  static Identity service;

  final AnchorContract contract = new AnchorContract();
  final InMemoryStub ledger = new InMemoryStub();

  @BeforeAll
  static void enroll() {
    service =
        EmbeddedCa.open(dir)
            .enroll(
                "anchor",
                "CountyOrgMSP",
                Map.of("xl.role", "county", "xl.region", "520122000000", "xl.party", "ANCHOR"));
  }

  static String key(String... parts) {
    return "\u0000" + String.join("\u0000", parts) + "\u0000";
  }

  @Test
  @DisplayName("recordAnchor writes ANCHOR~<index> and ANCHOR_BLOCK~<toBlock> → index")
  void keys() {
    String argument =
        "{\"anchorIndex\":0,\"channel\":\"xifeng\",\"evm\":{\"anchoredAt\":"
            + "\"2026-05-03T09:00:00+08:00\",\"blockNumber\":5,\"chainId\":\"1337\","
            + "\"contract\":\"0x"
            + "1".repeat(40)
            + "\",\"emitter\":\"0x"
            + "3".repeat(40)
            + "\",\"txHash\":\"0x"
            + "2".repeat(64)
            + "\"},\"fromBlock\":0,\"lastBlockHash\":\""
            + "ab".repeat(32)
            + "\",\"leafCount\":21,\"root\":\""
            + "cd".repeat(32)
            + "\",\"toBlock\":6}";
    String result = contract.recordAnchor(new Context(ledger.call(service, Map.of())), argument);
    ledger.commit();
    assertThat(ledger.eventName()).isEqualTo("AnchorRecorded");
    assertThat(ledger.state()).hasSize(2);
    assertThat(
            new String(
                ledger.state().get(key("ANCHOR", "00000000000000000000")), StandardCharsets.UTF_8))
        .isEqualTo(result);
    assertThat(
            new String(
                ledger.state().get(key("ANCHOR_BLOCK", "00000000000000000006")),
                StandardCharsets.UTF_8))
        .isEqualTo("0");

    ChaincodeException rejected =
        catchThrowableOfType(
            ChaincodeException.class,
            () ->
                contract.recordAnchor(
                    new Context(ledger.call(service, Map.of())),
                    argument.replace("\"anchorIndex\":0", "\"anchorIndex\":1")));
    assertThat(rejected.getMessage()).startsWith("ANCHOR_RANGE_NOT_NEXT: ");
    assertThat(ledger.pendingWrites()).isZero();
    assertThat(ledger.keysSeen()).isNotEmpty().allMatch(k -> k.startsWith("\u0000"));
  }
}
