package cn.xianglian.chaincode.contracttest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.xianglian.ledger.Identity;
import cn.xianglian.ledger.LedgerClient;
import cn.xianglian.ledger.LedgerException;
import cn.xianglian.ledger.Proposal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code anchor} contract as clients see it, through {@link LedgerClient} only. Anchors form
 * one chain per network, so every test starts from the current last record.
 */
public abstract class AnchorContractSuite {

  private static final JsonMapper JSON = new JsonMapper();
  static final String H = "ab".repeat(32);

  protected abstract TestNetwork network();

  Identity service;
  Identity admin;
  Identity township;
  Identity auditor;

  @BeforeEach
  void identities() {
    service = person("anchor", "CountyOrgMSP", "county", "520122000000", "ANCHOR");
    admin = person("admin", "CountyOrgMSP", "admin", "520122000000", "ADMIN");
    township = person("township", "TownshipOrgMSP", "county", "520122100000", "YONGJING");
    auditor = person("auditor", "CountyOrgMSP", "auditor", "520122000000", "AUDIT");
  }

  @Test
  @DisplayName("records contiguous anchors; getAnchor, getAnchorForBlock and listAnchors read them")
  void recordAndRead() {
    long[] next = next();
    JsonNode first = tree(submit(service, anchorJson(next[0], next[1], next[1] + 6)));
    assertThat(first.get("recordedBy").asString()).isEqualTo("CountyOrgMSP/ANCHOR");
    assertThat(first.get("evm").get("chainId").asString()).isEqualTo("1337");
    JsonNode second = tree(submit(admin, anchorJson(next[0] + 1, next[1] + 7, next[1] + 7)));
    assertThat(tree(evaluate("getAnchor", Long.toString(next[0])))).isEqualTo(first);
    assertThat(tree(evaluate("getAnchorForBlock", Long.toString(next[1] + 3)))).isEqualTo(first);
    assertThat(tree(evaluate("getAnchorForBlock", Long.toString(next[1] + 7)))).isEqualTo(second);
    assertThat(codeOf(() -> evaluate("getAnchorForBlock", Long.toString(next[1] + 8))))
        .isEqualTo("ANCHOR_NOT_FOUND");
    JsonNode page =
        tree(evaluate("listAnchors", "{\"fromIndex\":%d,\"limit\":1}".formatted(next[0])));
    assertThat(page.get("records")).hasSize(1);
    assertThat(page.get("records").get(0)).isEqualTo(first);
    assertThat(page.get("next").asLong()).isEqualTo(next[0] + 1);
  }

  @Test
  @DisplayName("a retry returns the stored record; other content under the index is refused")
  void retry() {
    long[] next = next();
    String argument = anchorJson(next[0], next[1], next[1] + 2);
    String first = submit(service, argument);
    assertThat(submit(service, argument)).isEqualTo(first);
    assertThat(rejected(service, anchorJson(next[0], next[1] + 3, next[1] + 4)))
        .isEqualTo("ALREADY_EXISTS");
    assertThat(evaluate("getAnchor", Long.toString(next[0]))).isEqualTo(first);
  }

  @Test
  @DisplayName("denials: other roles and organisations, bad formats, gaps and overlaps")
  void denials() {
    long[] next = next();
    String good = anchorJson(next[0], next[1], next[1] + 1);
    assertThat(rejected(township, good)).isEqualTo("ACCESS_DENIED");
    assertThat(rejected(auditor, good)).isEqualTo("ACCESS_DENIED");
    assertThat(rejected(service, good.replace("\"root\":\"" + H, "\"root\":\"" + H + "00")))
        .isEqualTo("INVALID_ARGUMENT");
    assertThat(rejected(service, good.replace("\"chainId\":\"1337\"", "\"chainId\":\"x\"")))
        .isEqualTo("INVALID_ARGUMENT");
    assertThat(rejected(service, "{\"anchorIndex\":1,\"extra\":1}")).isEqualTo("INVALID_ARGUMENT");
    if (next[0] > 0) {
      assertThat(rejected(service, anchorJson(next[0], next[1] + 1, next[1] + 2)))
          .isEqualTo("ANCHOR_RANGE_NOT_NEXT");
      assertThat(rejected(service, anchorJson(next[0], next[1] - 1, next[1] + 2)))
          .isEqualTo("ANCHOR_RANGE_NOT_NEXT");
    }
    assertThat(codeOf(() -> evaluate("getAnchor", Long.toString(next[0]))))
        .isEqualTo("ANCHOR_NOT_FOUND");
    assertThat(codeOf(() -> evaluate("getAnchor", "-1"))).isEqualTo("INVALID_ARGUMENT");
  }

  // ---- helpers ----------------------------------------------------------------------------

  /** The next anchor index and fromBlock, after every record so far (ensuring one exists). */
  long[] next() {
    JsonNode records = tree(evaluate("listAnchors", "{\"fromIndex\":0,\"limit\":1000}"));
    if (records.get("records").isEmpty()) {
      submit(service, anchorJson(0, 0, 9));
      return new long[] {1, 10};
    }
    JsonNode last = records.get("records").get(records.get("records").size() - 1);
    return new long[] {last.get("anchorIndex").asLong() + 1, last.get("toBlock").asLong() + 1};
  }

  static String anchorJson(long index, long from, long to) {
    return ("{\"anchorIndex\":%d,\"channel\":\"xifeng\",\"evm\":{\"anchoredAt\":"
            + "\"2026-05-03T09:00:00+08:00\",\"blockNumber\":5,\"chainId\":\"1337\","
            + "\"contract\":\"0x%s\",\"emitter\":\"0x%s\",\"txHash\":\"0x%s\"},"
            + "\"fromBlock\":%d,\"lastBlockHash\":\"%s\",\"leafCount\":21,\"root\":\"%s\","
            + "\"toBlock\":%d}")
        .formatted(index, "1".repeat(40), "3".repeat(40), "2".repeat(64), from, H, H, to);
  }

  Identity person(String label, String msp, String role, String region, String party) {
    return network()
        .identity(
            label + "-" + party,
            msp,
            Map.of("xl.role", role, "xl.region", region, "xl.party", party));
  }

  String submit(Identity caller, String argument) {
    return network()
        .ledger()
        .submit(caller, Proposal.of("anchor", "recordAnchor", argument))
        .resultText();
  }

  String evaluate(String transaction, String argument) {
    return new String(
        network().ledger().evaluate(auditor, Proposal.of("anchor", transaction, argument)),
        StandardCharsets.UTF_8);
  }

  String rejected(Identity caller, String argument) {
    LedgerException e = catchThrowableOfType(LedgerException.class, () -> submit(caller, argument));
    assertThat(e).as("recordAnchor must be rejected").isNotNull();
    assertThat(e.stage()).isEqualTo(LedgerException.Stage.ENDORSE);
    return e.errorCode().orElseThrow();
  }

  static String codeOf(Runnable call) {
    LedgerException e = catchThrowableOfType(LedgerException.class, call::run);
    assertThat(e).as("call must fail").isNotNull();
    return e.errorCode().orElseThrow();
  }

  static JsonNode tree(String json) {
    return JSON.readTree(json);
  }
}
