package cn.xianglian.app.anchor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xianglian.app.identity.Wallet;
import cn.xianglian.app.projection.Chromium;
import cn.xianglian.ledger.BlockEvent;
import cn.xianglian.ledger.LedgerClient;
import cn.xianglian.ledger.anchor.AnchorException;
import cn.xianglian.ledger.anchor.AnchorService;
import cn.xianglian.ledger.anchor.MerkleTree;
import cn.xianglian.ledger.anchor.TxLeaf;
import cn.xianglian.ledger.anchor.evm.GanacheNode;
import cn.xianglian.ledger.anchor.evm.VerifyProofCli;
import cn.xianglian.ledger.anchor.evm.Web3jAnchorChain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Public anchoring in the running application: the 息烽 demo ledger (with its published finance
 * disclosure) on the real embedded ledger, anchored on a real ganache node started from the build's
 * npm packages, every anchor recorded back on the ledger through the {@code anchor} contract;
 * proofs from the API verify with VerifyProofCli and the verify endpoint; tampered documents fail
 * with their code.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "xl.demo.enabled=true",
      "xl.projection.enabled=false",
      "server.address=127.0.0.1",
      "xl.anchor.enabled=true",
      "xl.anchor.chain-id=1337",
      "xl.anchor.blocks-per-checkpoint=100000",
      "xl.anchor.max-delay=1h",
      "xl.anchor.confirmations=1",
      "xl.anchor.receipt-timeout=20s"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Public anchoring end to end (embedded ledger + ganache)")
class AnchorEndToEndTest {

  private static final Path dataDir =
      Path.of("target", "anchor-data", UUID.randomUUID().toString()).toAbsolutePath();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  static GanacheNode ganache;
  static String contract;

  @DynamicPropertySource
  static void anchorChain(DynamicPropertyRegistry registry) throws Exception {
    ganache = GanacheNode.start(dataDir.resolve("ganache"));
    Runtime.getRuntime().addShutdownHook(new Thread(ganache::close));
    Web3j web3j = Web3j.build(new HttpService(ganache.url()));
    contract = Web3jAnchorChain.deploy(web3j, GanacheNode.OWNER, 0, TIMEOUT);
    Web3jAnchorChain.setAnchorer(
        web3j, contract, GanacheNode.OWNER, GanacheNode.ANCHORER.getAddress(), true, TIMEOUT);
    web3j.shutdown();
    Path key = dataDir.resolve("anchorer.key");
    Files.writeString(key, "0x" + GanacheNode.ANCHORER.getEcKeyPair().getPrivateKey().toString(16));
    registry.add("xl.data.dir", () -> dataDir.toString());
    registry.add("xl.anchor.rpc-url", ganache::url);
    registry.add("xl.anchor.contract", () -> contract);
    registry.add("xl.anchor.key-file", key::toString);
  }

  @LocalServerPort int port;
  @Autowired Anchoring anchoring;
  @Autowired LedgerClient ledger;
  @Autowired Wallet wallet;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  /** A valid transaction and a published disclosure of the demo ledger, both anchored. */
  String txId;

  String publicationId;
  long anchoredHeight;

  @BeforeAll
  void anchorTheDemoLedger() throws Exception {
    anchoredHeight = ledger.height();
    List<String> txIds = new ArrayList<>();
    List<String> publications = new ArrayList<>();
    CountDownLatch seen = new CountDownLatch(1);
    var subscription =
        ledger.onBlocks(
            0,
            block -> {
              for (BlockEvent.BlockTransaction tx : block.transactions()) {
                if (tx.info().valid()) {
                  txIds.add(tx.info().txId());
                  for (BlockEvent.KeyWrite write : tx.writes()) {
                    if (write.key().startsWith("\u0000xl.fin.publication\u0000")) {
                      publications.add(write.key().split("\u0000")[2]);
                    }
                  }
                }
              }
              if (block.number() == anchoredHeight - 1) {
                seen.countDown();
              }
            });
    try {
      assertThat(seen.await(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      subscription.close();
    }
    txId = txIds.get(txIds.size() / 2);
    assertThat(publications).as("the demo ledger publishes a disclosure").isNotEmpty();
    publicationId = publications.getFirst();

    awaitUntil(() -> anchoring.service().isPresent());
    AnchorService service = anchoring.service().orElseThrow();
    awaitUntil(
        () -> service.status().nextBlock() + service.status().pendingBlocks() >= anchoredHeight);
    service.flush();
    awaitUntil(
        () ->
            service.status().nextBlock() >= anchoredHeight
                && service.status().recordedOnLedger() == service.status().anchors());
  }

  static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition not met in time").isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  @Nested
  @DisplayName("the component")
  class Component {

    @Test
    @DisplayName(
        "health shows it enabled, with every anchor recorded on the Fabric ledger and no failure")
    void health() throws Exception {
      JsonNode health = get("/actuator/health").body.at("/components/anchor");

      assertThat(health.path("status").asString()).isEqualTo("UP");
      assertThat(health.at("/details/enabled").asBoolean()).isTrue();
      assertThat(health.at("/details/contract").asString()).isEqualToIgnoringCase(contract);
      assertThat(health.at("/details/anchors").asInt()).isPositive();
      assertThat(health.at("/details/recordedOnLedger").asInt())
          .isEqualTo(health.at("/details/anchors").asInt());
      assertThat(health.at("/details/anchorFailure").isMissingNode()).isTrue();
      assertThat(get("/actuator/prometheus").text).contains("xl_anchor_recorded");
    }

    @Test
    @DisplayName(
        "the ledger's anchor record matches the EVM anchor; recording it again changes nothing,"
            + " other content is RECORD_CONFLICT")
    void recordedOnFabric() {
      var recorder =
          new LedgerAnchorRecorder(
              ledger, () -> wallet.find("anchor-service").orElseThrow(), "xifeng");
      var stored = anchoring.service().orElseThrow().status();
      JsonNode before = anchoring.ledgerRecord(0).orElseThrow();
      var record =
          anchoring
              .proofOfTransaction(txId)
              .map(p -> p.anchorIndex())
              .flatMap(anchoring::ledgerRecord)
              .orElseThrow();
      assertThat(record.at("/evm/contract").asString()).isEqualToIgnoringCase(contract);
      assertThat(record.at("/evm/chainId").asString()).isEqualTo("1337");
      assertThat(record.at("/evm/emitter").asString())
          .isEqualToIgnoringCase(GanacheNode.ANCHORER.getAddress());
      assertThat(stored.anchors()).isPositive();

      var first = firstLocalRecord();
      assertThat(recorder.isRecorded(first)).isTrue();
      recorder.record(first); // a retry: the contract returns the stored record
      assertThat(anchoring.ledgerRecord(0).orElseThrow()).isEqualTo(before);
      assertThatThrownBy(() -> recorder.isRecorded(first.withEmitter("0x" + "11".repeat(20))))
          .isInstanceOfSatisfying(
              AnchorException.class,
              e -> assertThat(e.code()).isEqualTo(AnchorException.Code.RECORD_CONFLICT));
    }
  }

  cn.xianglian.ledger.anchor.AnchorRecord firstLocalRecord() {
    return anchoring.records().getFirst();
  }

  @Nested
  @DisplayName("the proof API")
  class Api {

    @Test
    @DisplayName(
        "a transaction's proof names leaf, path, root, range, chain, contract, EVM tx and the"
            + " Fabric record; VerifyProofCli verifies that very JSON")
    void transactionProof() throws Exception {
      Response proof = get("/api/v1/proofs/tx/" + txId);

      assertThat(proof.status).as(proof.text).isEqualTo(200);
      JsonNode body = proof.body;
      assertThat(body.path("format").asString()).isEqualTo("xianglian-tx-proof/1");
      assertThat(body.at("/leaf/txId").asString()).isEqualTo(txId);
      assertThat(body.path("path").isArray()).isTrue();
      assertThat(body.path("root").asString()).hasSize(64);
      assertThat(body.at("/checkpoint/toBlock").asLong())
          .isGreaterThanOrEqualTo(body.at("/leaf/blockNumber").asLong());
      assertThat(body.at("/anchor/chainId").asString()).isEqualTo("1337");
      assertThat(body.at("/anchor/contract").asString()).isEqualToIgnoringCase(contract);
      assertThat(body.at("/anchor/evmTxHash").asString()).startsWith("0x");
      assertThat(body.at("/fabricAnchor/anchorIndex").asLong())
          .isEqualTo(body.at("/anchor/index").asLong());
      assertThat(body.at("/fabricAnchor/evm/txHash").asString())
          .isEqualToIgnoringCase(body.at("/anchor/evmTxHash").asString());
      assertThat(body.at("/fabricAnchor/root").asString()).isEqualTo(body.path("root").asString());

      assertThat(cli(proof.text)).startsWith("0 VALID");
    }

    @Test
    @DisplayName(
        "a publication's proof is a disclosure leaf whose content hash is the SHA-256 of the"
            + " published record it carries; VerifyProofCli verifies it")
    void publicationProof() throws Exception {
      Response proof = get("/api/v1/proofs/publication/" + publicationId);

      assertThat(proof.status).as(proof.text).isEqualTo(200);
      String record = proof.body.at("/publication/record").asString();
      assertThat(proof.body.at("/leaf/publicationId").asString()).isEqualTo(publicationId);
      assertThat(proof.body.at("/leaf/contentHash").asString())
          .isEqualTo(
              HexFormat.of()
                  .formatHex(
                      MessageDigest.getInstance("SHA-256")
                          .digest(record.getBytes(StandardCharsets.UTF_8))));
      assertThat(json.readTree(record).path("publicationId").asString()).isEqualTo(publicationId);
      assertThat(cli(proof.text)).startsWith("0 VALID");
      assertThat(verify(proof.text).path("valid").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("unknown records and blocks no anchor holds are 404 with their codes")
    void notFound() throws Exception {
      Response tx = get("/api/v1/proofs/tx/no-such-tx");
      Response block = get("/api/v1/proofs/chain/blocks/" + (anchoredHeight + 1000));
      Response negative = get("/api/v1/proofs/chain/blocks/-1");

      assertThat(tx.status).isEqualTo(404);
      assertThat(tx.body.path("code").asString()).isEqualTo("PROOF_NOT_FOUND");
      assertThat(block.status).isEqualTo(404);
      assertThat(block.body.path("code").asString()).isEqualTo("ANCHOR_NOT_ON_CHAIN");
      assertThat(negative.status).isEqualTo(400);
    }

    @Test
    @DisplayName("the chain's anchor for a block is read through the node: root and range")
    void onChain() throws Exception {
      JsonNode proof = get("/api/v1/proofs/tx/" + txId).body;

      Response anchor =
          get("/api/v1/proofs/chain/blocks/" + proof.at("/leaf/blockNumber").asLong());

      assertThat(anchor.status).isEqualTo(200);
      assertThat(anchor.body.path("root").asString()).isEqualTo(proof.path("root").asString());
      assertThat(anchor.body.path("fromBlock").asLong())
          .isEqualTo(proof.at("/checkpoint/fromBlock").asLong());
      assertThat(anchor.body.path("emitter").asString())
          .isEqualToIgnoringCase(GanacheNode.ANCHORER.getAddress());
    }
  }

  @Nested
  @DisplayName("tampering")
  class Tampering {

    @Test
    @DisplayName("an altered transaction id is ROOT_MISMATCH, for the endpoint and the CLI")
    void alteredRecord() throws Exception {
      ObjectNode proof = txProof();
      ((ObjectNode) proof.get("leaf")).put("txId", txId + "x");

      assertThat(verify(proof.toString()).path("code").asString()).isEqualTo("ROOT_MISMATCH");
      assertThat(cli(proof.toString())).startsWith("1 INVALID ROOT_MISMATCH");
    }

    @Test
    @DisplayName("an altered path hash is ROOT_MISMATCH; a dropped one PATH_LENGTH_MISMATCH")
    void wrongPath() throws Exception {
      ObjectNode proof = txProof();
      ArrayNode path = (ArrayNode) proof.get("path");
      assertThat(path.size()).isPositive();
      String first = path.get(0).asString();
      path.set(0, (first.charAt(0) == '0' ? "1" : "0") + first.substring(1));
      assertThat(verify(proof.toString()).path("code").asString()).isEqualTo("ROOT_MISMATCH");

      ObjectNode shorter = txProof();
      ((ArrayNode) shorter.get("path")).remove(0);
      assertThat(verify(shorter.toString()).path("code").asString())
          .isEqualTo("PATH_LENGTH_MISMATCH");
    }

    @Test
    @DisplayName("a leaf moved outside its checkpoint's range is LEAF_OUTSIDE_RANGE")
    void outsideRange() throws Exception {
      ObjectNode proof = txProof();
      ((ObjectNode) proof.get("leaf"))
          .put("blockNumber", proof.at("/checkpoint/toBlock").asLong() + 1);

      assertThat(verify(proof.toString()).path("code").asString()).isEqualTo("LEAF_OUTSIDE_RANGE");
    }

    @Test
    @DisplayName(
        "a self-consistent proof whose root the contract does not hold is ROOT_NOT_ANCHORED")
    void unknownRoot() throws Exception {
      ObjectNode proof = txProof();
      TxLeaf leaf =
          new TxLeaf(
              proof.at("/leaf/blockNumber").asLong(),
              HexFormat.of().parseHex(proof.at("/leaf/blockHash").asString()),
              "forged-" + txId);
      ((ObjectNode) proof.get("leaf")).put("txId", leaf.txId());
      proof.put("leafIndex", 0).put("treeSize", 1).putArray("path");
      proof.put("root", HexFormat.of().formatHex(MerkleTree.of(List.of(leaf.encode())).root()));

      assertThat(verify(proof.toString()).path("code").asString()).isEqualTo("ROOT_NOT_ANCHORED");
      assertThat(cli(proof.toString())).startsWith("1 INVALID ROOT_NOT_ANCHORED");
    }

    @Test
    @DisplayName("an altered published record is CONTENT_MISMATCH, for the endpoint and the CLI")
    void alteredPublication() throws Exception {
      ObjectNode proof = (ObjectNode) get("/api/v1/proofs/publication/" + publicationId).body;
      ObjectNode publication = (ObjectNode) proof.get("publication");
      publication.put("record", publication.path("record").asString().replace("\"", "\" "));

      assertThat(verify(proof.toString()).path("code").asString()).isEqualTo("CONTENT_MISMATCH");
      assertThat(cli(proof.toString())).startsWith("1 INVALID CONTENT_MISMATCH");
    }

    @Test
    @DisplayName("a document that is not a proof is 400 MALFORMED_PROOF")
    void malformed() throws Exception {
      Response response = post("/api/v1/proofs/verify", "{\"format\":\"something else\"}");

      assertThat(response.status).isEqualTo(400);
      assertThat(response.body.path("code").asString()).isEqualTo("MALFORMED_PROOF");
    }
  }

  @Nested
  @DisplayName("the public page")
  class Page {

    @Test
    @DisplayName("shows the proof in Chinese without a login, ready to verify in the browser")
    void page() throws Exception {
      Response page = get("/public/proofs/tx/" + txId);

      assertThat(page.status).isEqualTo(200);
      assertThat(page.text).contains("公开锚定证明").contains(txId).contains("crypto.subtle");
      assertThat(page.text).contains("id=\"verdict\"").contains("\"ROOT_MISMATCH\":");

      Response english = get("/public/proofs/tx/" + txId + "?lang=en");
      assertThat(english.text).contains("Public anchoring proof").contains("Verify in the browser");
      Response paste = get("/public/proofs/verify");
      assertThat(paste.status).isEqualTo(200);
      assertThat(paste.text).contains("id=\"proof\"").doesNotContain("该记录尚未锚定");
    }

    @Test
    @DisplayName(
        "in headless Chromium the page recomputes the path with WebCrypto and finds the root on the"
            + " chain; edited, it names the tampered record, the wrong proof or the unknown root")
    void inTheBrowser() throws Exception {
      assertThat(Chromium.installed())
          .as("Debian chromium must be installed (apt-get install chromium; .ci/run does)")
          .isTrue();
      String base = "http://127.0.0.1:" + port;
      Path shots = Path.of("target", "screenshots");
      try (var browser = new Chromium(Files.createTempDirectory("xl-chromium"))) {
        browser.navigate(base + "/public/proofs/tx/" + txId);
        assertThat(verdict(browser)).isEqualTo("VALID");
        assertThat(browser.text()).contains("核验通过").contains("浏览器算出的根");
        browser.screenshot(shots.resolve("anchor-proof-valid.png"));

        edit(browser, "p.leaf.txId += 'x'");
        assertThat(verdict(browser)).isEqualTo("ROOT_MISMATCH");
        assertThat(browser.text()).contains("记录或证明已被篡改");
        browser.screenshot(shots.resolve("anchor-proof-tampered.png"));

        edit(browser, "p.path.pop()");
        assertThat(verdict(browser)).isEqualTo("PATH_LENGTH_MISMATCH");

        ObjectNode forged = txProof();
        TxLeaf leaf =
            new TxLeaf(
                forged.at("/leaf/blockNumber").asLong(),
                HexFormat.of().parseHex(forged.at("/leaf/blockHash").asString()),
                "forged");
        String root = HexFormat.of().formatHex(MerkleTree.of(List.of(leaf.encode())).root());
        edit(
            browser,
            "p.leaf.txId = 'forged'; p.leafIndex = 0; p.treeSize = 1; p.path = []; p.root = '"
                + root
                + "'");
        assertThat(verdict(browser)).isEqualTo("ROOT_NOT_ANCHORED");
        assertThat(browser.text()).contains("未知的根");

        browser.navigate(base + "/public/proofs/publication/" + publicationId);
        assertThat(verdict(browser)).isEqualTo("VALID");
        assertThat(browser.text()).contains("公开内容与内容哈希一致");
        edit(browser, "p.publication.record = p.publication.record.replace('\"', '\" ')");
        assertThat(verdict(browser)).isEqualTo("CONTENT_MISMATCH");
        assertThat(browser.text()).contains("记录已被篡改");
        browser.screenshot(shots.resolve("anchor-proof-publication-tampered.png"));
      }
    }

    /** Reloads the original proof, applies {@code change} to it as {@code p}, and verifies. */
    private void edit(Chromium browser, String change) {
      browser.evaluate(
          "(() => { const box = document.getElementById('proof');"
              + " const p = JSON.parse(box.defaultValue); "
              + change
              + "; box.value = JSON.stringify(p, null, 2);"
              + " document.getElementById('verify').click(); return true; })()");
    }

    /** Waits for the page's verdict code. */
    private String verdict(Chromium browser) throws InterruptedException {
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (System.nanoTime() < deadline) {
        String code =
            browser.evaluate("document.getElementById('verdict').dataset.code").asString();
        if (!code.isEmpty() && !code.equals("RUNNING")) {
          return code;
        }
        Thread.sleep(50);
      }
      throw new AssertionError("the page gave no verdict");
    }

    @Test
    @DisplayName("a record not anchored yet says so instead of failing")
    void notAnchored() throws Exception {
      Response page = get("/public/proofs/tx/no-such-tx");

      assertThat(page.status).isEqualTo(200);
      assertThat(page.text).contains("该记录尚未锚定");
    }
  }

  // ---- helpers ----------------------------------------------------------------------------

  ObjectNode txProof() throws Exception {
    return (ObjectNode) get("/api/v1/proofs/tx/" + txId).body;
  }

  JsonNode verify(String document) throws Exception {
    Response response = post("/api/v1/proofs/verify", document);
    assertThat(response.status).as(response.text).isEqualTo(200);
    return response.body;
  }

  /** Runs VerifyProofCli on the document; "<exit status> <first output line>". */
  String cli(String document) throws Exception {
    Path file = Files.createTempFile(dataDir, "proof", ".json");
    Files.writeString(file, document);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        VerifyProofCli.run(
            new String[] {"--rpc", ganache.url(), "--contract", contract, file.toString()},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return status
        + " "
        + out.toString(StandardCharsets.UTF_8).strip()
        + err.toString(StandardCharsets.UTF_8);
  }

  record Response(int status, String text, JsonNode body) {}

  Response get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  Response post(String path, String body) throws Exception {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private Response send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response =
        http.send(
            request.header("accept-language", "zh-CN").build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode body;
    try {
      body = json.readTree(response.body());
    } catch (RuntimeException notJson) {
      body = json.createObjectNode();
    }
    return new Response(response.statusCode(), response.body(), body);
  }
}
