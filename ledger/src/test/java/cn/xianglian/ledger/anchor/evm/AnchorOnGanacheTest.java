package cn.xianglian.ledger.anchor.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xianglian.ledger.BlockEvent;
import cn.xianglian.ledger.Identity;
import cn.xianglian.ledger.Proposal;
import cn.xianglian.ledger.TransactionInfo;
import cn.xianglian.ledger.ValidationCode;
import cn.xianglian.ledger.anchor.AnchorChain;
import cn.xianglian.ledger.anchor.AnchorException;
import cn.xianglian.ledger.anchor.AnchorPolicy;
import cn.xianglian.ledger.anchor.AnchorRecord;
import cn.xianglian.ledger.anchor.AnchorRecorder;
import cn.xianglian.ledger.anchor.AnchorService;
import cn.xianglian.ledger.anchor.Checkpoint;
import cn.xianglian.ledger.anchor.CheckpointBuilder;
import cn.xianglian.ledger.anchor.FileAnchorStore;
import cn.xianglian.ledger.anchor.InMemoryAnchorStore;
import cn.xianglian.ledger.anchor.InclusionProof;
import cn.xianglian.ledger.anchor.MerkleTree;
import cn.xianglian.ledger.anchor.OnChainAnchor;
import cn.xianglian.ledger.anchor.TxLeaf;
import cn.xianglian.ledger.anchor.TxProof;
import cn.xianglian.ledger.anchor.Verification.Failure;
import cn.xianglian.ledger.anchor.evm.FaultyWeb3jService.Fault;
import cn.xianglian.ledger.embedded.EmbeddedCa;
import cn.xianglian.ledger.embedded.EmbeddedLedger;
import cn.xianglian.ledger.embedded.EmbeddedLedgerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/** The anchoring contract, the Web3j adapter and the service against a real ganache node. */
class AnchorOnGanacheTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @TempDir static Path dir;
  static GanacheNode ganache;

  Web3j web3j;
  FaultyWeb3jService transport;
  String contract;
  Web3jAnchorChain chain;

  @BeforeAll
  static void startNode() throws Exception {
    ganache = GanacheNode.start(dir.resolve("ganache"));
  }

  @AfterAll
  static void stopNode() {
    if (ganache != null) {
      ganache.close();
    }
  }

  @BeforeEach
  void deployFreshContract() {
    transport = new FaultyWeb3jService(new HttpService(ganache.url()));
    web3j = Web3j.build(transport);
    contract = Web3jAnchorChain.deploy(web3j, GanacheNode.OWNER, 0, TIMEOUT);
    Web3jAnchorChain.setAnchorer(
        web3j, contract, GanacheNode.OWNER, GanacheNode.ANCHORER.getAddress(), true, TIMEOUT);
    chain = Web3jAnchorChain.connect(web3j, contract, GanacheNode.ANCHORER);
    transport.resetCount();
  }

  static AnchorPolicy fastPolicy(int attempts) {
    return new AnchorPolicy(
        5,
        Duration.ofMillis(200),
        1,
        Duration.ofSeconds(2),
        Duration.ofMillis(50),
        attempts,
        Duration.ofMillis(50));
  }

  static byte[] sha(String text) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A checkpoint over blocks [from, to] with {@code txPerBlock} valid transactions each. */
  static Checkpoint checkpoint(long from, long to, int txPerBlock) throws Exception {
    CheckpointBuilder builder = new CheckpointBuilder(from);
    for (long b = from; b <= to; b++) {
      List<BlockEvent.BlockTransaction> txs = new ArrayList<>();
      for (int i = 0; i < txPerBlock; i++) {
        String txId = "tx-" + b + "-" + i;
        txs.add(
            new BlockEvent.BlockTransaction(
                new TransactionInfo(
                    txId, b, i, ValidationCode.VALID, "CoopOrgMSP", Instant.EPOCH, "put"),
                List.of(),
                null));
      }
      builder.add(
          new BlockEvent(b, sha("block " + b), sha("block " + (b - 1)), txs), Instant.EPOCH);
    }
    return builder.cut().orElseThrow();
  }

  static TxProof withLeaf(
      TxProof base, TxLeaf leaf, InclusionProof proof, byte[] root, long from, long to) {
    return new TxProof(
        leaf,
        proof,
        root,
        from,
        to,
        base.chainId(),
        base.contractAddress(),
        base.anchorIndex(),
        base.evmTxHash(),
        base.evmBlock());
  }

  AnchorService service(AnchorChain chain, InMemoryAnchorStore store, int attempts) {
    return new AnchorService(null, chain, store, fastPolicy(attempts), Clock.systemUTC());
  }

  @Nested
  class Contract {

    @Test
    @DisplayName(
        "an authorised account anchors the next range; the contract records root, range, emitter and time")
    void anchors() throws Exception {
      Checkpoint cp = checkpoint(0, 4, 3);
      byte[] root = cp.tree().root();

      String tx = chain.send(root, 0, 4, 0);

      assertThat(chain.receipt(tx, 1))
          .get()
          .extracting(AnchorChain.AnchorReceipt::success)
          .isEqualTo(true);
      assertThat(chain.nextBlock()).isEqualTo(5);
      OnChainAnchor anchor = chain.anchorHolding(3).orElseThrow();
      assertThat(anchor.index()).isZero();
      assertThat(anchor.root()).isEqualTo(root);
      assertThat(anchor.fromBlock()).isZero();
      assertThat(anchor.toBlock()).isEqualTo(4);
      assertThat(anchor.emitter()).isEqualToIgnoringCase(GanacheNode.ANCHORER.getAddress());
      assertThat(anchor.txHash()).isEqualTo(tx);
      assertThat(anchor.time()).isAfter(Instant.parse("2026-01-01T00:00:00Z"));
      assertThat(chain.anchorHolding(5)).isEmpty();
    }

    @Test
    @DisplayName(
        "on a London chain anchors go as EIP-1559 (type 2) transactions; LEGACY mode sends type 0")
    void transactionTypes() throws Exception {
      String typed = chain.send(checkpoint(0, 4, 1).tree().root(), 0, 4, 0);
      chain.receipt(typed, 1).orElseThrow();
      Web3jAnchorChain legacy =
          Web3jAnchorChain.connect(
              web3j, contract, GanacheNode.ANCHORER, Web3jAnchorChain.FeeMode.LEGACY);
      String plain = legacy.send(checkpoint(5, 6, 1).tree().root(), 5, 6, 0);
      legacy.receipt(plain, 1).orElseThrow();

      var first = web3j.ethGetTransactionByHash(typed).send().getTransaction().orElseThrow();
      var second = web3j.ethGetTransactionByHash(plain).send().getTransaction().orElseThrow();

      assertThat(Web3jAnchorChain.baseFee(web3j)).isPresent();
      assertThat(first.getType()).isEqualTo("0x2");
      assertThat(first.getMaxFeePerGas()).isPositive();
      assertThat(first.getMaxPriorityFeePerGas()).isPositive();
      assertThat(second.getType()).isEqualTo("0x0");
      assertThat(chain.anchorCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("the same range sent twice: the second transaction reverts and nothing changes")
    void duplicateRangeReverts() throws Exception {
      byte[] root = checkpoint(0, 4, 1).tree().root();
      chain.receipt(chain.send(root, 0, 4, 0), 1).orElseThrow();

      String again = chain.send(root, 0, 4, 0);

      assertThat(chain.receipt(again, 1))
          .get()
          .extracting(AnchorChain.AnchorReceipt::success)
          .isEqualTo(false);
      assertThat(chain.anchorCount()).isEqualTo(1);
      assertThat(chain.nextBlock()).isEqualTo(5);
    }

    @Test
    @DisplayName(
        "an overlapping or gapped range reverts; only the range starting at nextBlock is taken")
    void overlapAndGapRevert() throws Exception {
      byte[] root = checkpoint(0, 4, 1).tree().root();
      chain.receipt(chain.send(root, 0, 4, 0), 1).orElseThrow();

      String overlap = chain.send(root, 3, 8, 0);
      String gap = chain.send(root, 7, 8, 0);
      String next = chain.send(root, 5, 8, 0);

      assertThat(chain.receipt(overlap, 1).orElseThrow().success()).isFalse();
      assertThat(chain.receipt(gap, 1).orElseThrow().success()).isFalse();
      assertThat(chain.receipt(next, 1).orElseThrow().success()).isTrue();
      assertThat(chain.anchorCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("an account the owner did not authorise cannot anchor: NOT_AUTHORISED")
    void strangerCannotAnchor() {
      Web3jAnchorChain stranger = Web3jAnchorChain.connect(web3j, contract, GanacheNode.STRANGER);

      assertThatThrownBy(() -> stranger.send(new byte[32], 0, 1, 0))
          .isInstanceOfSatisfying(
              AnchorException.class,
              e -> assertThat(e.code()).isEqualTo(AnchorException.Code.NOT_AUTHORISED));
      assertThatThrownBy(
              () ->
                  Web3jAnchorChain.setAnchorer(
                      web3j,
                      contract,
                      GanacheNode.STRANGER,
                      GanacheNode.STRANGER.getAddress(),
                      true,
                      TIMEOUT))
          .isInstanceOfSatisfying(
              AnchorException.class,
              e -> assertThat(e.code()).isEqualTo(AnchorException.Code.NOT_AUTHORISED));
      assertThat(chain.isAnchorer(GanacheNode.STRANGER.getAddress())).isFalse();
      assertThat(chain.anchorCount()).isZero();
    }
  }

  @Nested
  class Service {

    @Test
    @DisplayName(
        "anchors a checkpoint; every transaction's proof verifies against the root on chain")
    void anchorAndVerify() throws Exception {
      InMemoryAnchorStore store = new InMemoryAnchorStore(0);
      AnchorService service = service(chain, store, 3);
      Checkpoint cp = checkpoint(0, 9, 7);

      AnchorRecord record = service.anchor(cp);

      assertThat(record.anchorIndex()).isZero();
      assertThat(record.evmTxHash()).startsWith("0x");
      assertThat(store.nextBlock()).isEqualTo(10);
      Web3jAnchorChain verifier =
          Web3jAnchorChain.readOnly(Web3j.build(new HttpService(ganache.url())), contract);
      for (var leaf : cp.leaves()) {
        TxProof proof = service.proof(leaf.txId()).orElseThrow();
        var result = proof.verifyOnChain(verifier);
        assertThat(result.isValid()).as("%s: %s", leaf.txId(), result).isTrue();
      }
    }

    @Test
    @DisplayName(
        "a tampered record, a root the chain does not hold or a wrong range fails with a clear reason")
    void tamperedProofs() throws Exception {
      AnchorService service = service(chain, new InMemoryAnchorStore(0), 3);
      Checkpoint cp = checkpoint(0, 3, 2);
      service.anchor(cp);
      TxProof good = service.proof("tx-2-1").orElseThrow();
      assertThat(good.verifyOnChain(chain).isValid()).isTrue();

      TxLeaf forgedLeaf = new TxLeaf(2, good.leaf().blockHash(), "tx-forged");
      TxProof tamperedRecord = withLeaf(good, forgedLeaf, good.proof(), good.root(), 0, 3);

      List<TxLeaf> rewritten = new ArrayList<>(cp.leaves());
      rewritten.set(5, forgedLeaf);
      MerkleTree rewrittenTree = MerkleTree.of(rewritten.stream().map(TxLeaf::encode).toList());
      TxProof rewrittenHistory =
          withLeaf(good, forgedLeaf, rewrittenTree.proof(5), rewrittenTree.root(), 0, 3);

      TxLeaf later = new TxLeaf(100, good.leaf().blockHash(), "tx-100-0");
      MerkleTree laterTree = MerkleTree.of(List.of(later.encode()));
      TxProof notAnchoredYet =
          withLeaf(good, later, laterTree.proof(0), laterTree.root(), 100, 100);

      TxProof wrongRange = withLeaf(good, good.leaf(), good.proof(), good.root(), 0, 2);

      assertThat(tamperedRecord.verifyOnChain(chain).failure()).isEqualTo(Failure.ROOT_MISMATCH);
      var rewrittenResult = rewrittenHistory.verifyOnChain(chain);
      assertThat(rewrittenResult.failure()).isEqualTo(Failure.ROOT_NOT_ANCHORED);
      assertThat(rewrittenResult.message()).contains("anchor #0 holds root");
      var laterResult = notAnchoredYet.verifyOnChain(chain);
      assertThat(laterResult.failure()).isEqualTo(Failure.ROOT_NOT_ANCHORED);
      assertThat(laterResult.message()).contains("no anchor in contract").contains("block 100");
      assertThat(wrongRange.verifyOnChain(chain).failure()).isEqualTo(Failure.ROOT_NOT_ANCHORED);
      TxProof outside = withLeaf(good, good.leaf(), good.proof(), good.root(), 0, 1);
      assertThat(outside.verifyOnChain(chain).failure()).isEqualTo(Failure.LEAF_OUTSIDE_RANGE);
    }

    @Test
    @DisplayName("a failed send is retried: one anchor, the proof verifies")
    void failedSendRetried() throws Exception {
      InMemoryAnchorStore store = new InMemoryAnchorStore(0);
      AnchorService service = service(chain, store, 5);
      transport.inject(Fault.FAIL_BEFORE_SEND, Fault.FAIL_BEFORE_SEND);

      AnchorRecord record = service.anchor(checkpoint(0, 4, 2));

      assertThat(chain.anchorCount()).isEqualTo(1);
      assertThat(transport.forwardedSends()).isEqualTo(1);
      assertThat(chain.anchorHolding(0).orElseThrow().txHash()).isEqualTo(record.evmTxHash());
    }

    @Test
    @DisplayName(
        "a lost answer (timeout after the node took it) is not resent: the chain is read first")
    void lostResponseNotResent() throws Exception {
      InMemoryAnchorStore store = new InMemoryAnchorStore(0);
      AnchorService service = service(chain, store, 5);
      transport.inject(Fault.LOSE_RESPONSE);

      AnchorRecord record = service.anchor(checkpoint(0, 4, 2));

      assertThat(transport.forwardedSends()).isEqualTo(1);
      assertThat(chain.anchorCount()).isEqualTo(1);
      assertThat(record.evmTxHash()).isEqualTo(chain.anchorHolding(0).orElseThrow().txHash());
    }

    @Test
    @DisplayName("a dropped transaction times out and is resent with the same nonce: anchored once")
    void droppedTransactionResent() throws Exception {
      InMemoryAnchorStore store = new InMemoryAnchorStore(0);
      AnchorService service = service(chain, store, 5);
      transport.inject(Fault.DROP);

      AnchorRecord record = service.anchor(checkpoint(0, 4, 2));

      assertThat(transport.forwardedSends()).isEqualTo(1);
      assertThat(chain.anchorCount()).isEqualTo(1);
      assertThat(store.records()).containsExactly(record);
    }

    @Test
    @DisplayName("with 3 confirmations it records the anchor only once 2 more blocks are on top")
    void waitsForConfirmations() throws Exception {
      InMemoryAnchorStore store = new InMemoryAnchorStore(0);
      AnchorService service =
          new AnchorService(
              null,
              chain,
              store,
              new AnchorPolicy(
                  5,
                  Duration.ofSeconds(1),
                  3,
                  Duration.ofSeconds(5),
                  Duration.ofMillis(10),
                  3,
                  Duration.ofMillis(50)),
              Clock.systemUTC());
      transport.mineOnEveryBlockNumber();

      AnchorRecord record = service.anchor(checkpoint(0, 4, 2));

      long head = web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
      // the look-up just above mined one more block
      assertThat(head - 1 - record.evmBlock() + 1).isGreaterThanOrEqualTo(3);
      assertThat(transport.forwardedSends()).isEqualTo(1);
    }

    @Test
    @DisplayName("anchoring a checkpoint again sends nothing and returns the same anchor")
    void idempotent() throws Exception {
      AnchorService service = service(chain, new InMemoryAnchorStore(0), 3);
      Checkpoint cp = checkpoint(0, 4, 2);
      AnchorRecord first = service.anchor(cp);

      AnchorRecord second = service.anchor(cp);

      assertThat(transport.forwardedSends()).isEqualTo(1);
      assertThat(second.evmTxHash()).isEqualTo(first.evmTxHash());
      assertThat(chain.anchorCount()).isEqualTo(1);
    }

    @Test
    @DisplayName(
        "another root already anchored for the range is RANGE_CONFLICT, and nothing is sent")
    void conflict() throws Exception {
      chain.receipt(chain.send(sha("someone else's root"), 0, 4, 0), 1).orElseThrow();
      AnchorService service = service(chain, new InMemoryAnchorStore(0), 3);

      assertThatThrownBy(() -> service.anchor(checkpoint(0, 4, 2)))
          .isInstanceOfSatisfying(
              AnchorException.class,
              e -> assertThat(e.code()).isEqualTo(AnchorException.Code.RANGE_CONFLICT));
      assertThat(transport.forwardedSends()).isEqualTo(1);
    }

    @Test
    @DisplayName(
        "a checkpoint that does not start where the contract expects is RANGE_NOT_NEXT, nothing sent")
    void gap() throws Exception {
      AnchorService service = service(chain, new InMemoryAnchorStore(0), 3);

      assertThatThrownBy(() -> service.anchor(checkpoint(5, 9, 2)))
          .isInstanceOfSatisfying(
              AnchorException.class,
              e -> {
                assertThat(e.code()).isEqualTo(AnchorException.Code.RANGE_NOT_NEXT);
                assertThat(e.getMessage()).contains("expects block 0");
              });
      assertThat(transport.forwardedSends()).isZero();
    }

    @Test
    @DisplayName("with every send failing, it gives up with GAVE_UP and anchors nothing")
    void givesUp() throws Exception {
      AnchorService service = service(chain, new InMemoryAnchorStore(0), 3);
      transport.inject(Fault.FAIL_BEFORE_SEND, Fault.FAIL_BEFORE_SEND, Fault.FAIL_BEFORE_SEND);

      assertThatThrownBy(() -> service.anchor(checkpoint(0, 4, 2)))
          .isInstanceOfSatisfying(
              AnchorException.class,
              e -> assertThat(e.code()).isEqualTo(AnchorException.Code.GAVE_UP));
      assertThat(chain.anchorCount()).isZero();
    }
  }

  @Nested
  class VerifierCommandLine {

    @Test
    @DisplayName("with the RPC URL, the contract address and the proof JSON: VALID, exit 0")
    void valid() throws Exception {
      AnchorService service = service(chain, new InMemoryAnchorStore(0), 3);
      service.anchor(checkpoint(0, 6, 3));
      Path file = dir.resolve("proof-" + System.nanoTime() + ".json");
      java.nio.file.Files.writeString(file, ProofJson.write(service.proof("tx-4-2").orElseThrow()));
      var out = new java.io.ByteArrayOutputStream();
      var err = new java.io.ByteArrayOutputStream();

      int status =
          VerifyProofCli.run(
              new String[] {"--rpc", ganache.url(), "--contract", contract, file.toString()},
              new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
              new java.io.PrintStream(err, true, StandardCharsets.UTF_8));

      assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
      assertThat(out.toString(StandardCharsets.UTF_8))
          .startsWith("VALID: transaction tx-4-2 (block 4) is in anchor #0");
    }

    @Test
    @DisplayName("a tampered proof prints the reason and exits 1; a garbled file exits 2")
    void invalid() throws Exception {
      AnchorService service = service(chain, new InMemoryAnchorStore(0), 3);
      service.anchor(checkpoint(0, 6, 3));
      String json = ProofJson.write(service.proof("tx-4-2").orElseThrow());
      Path tampered = dir.resolve("tampered-" + System.nanoTime() + ".json");
      java.nio.file.Files.writeString(tampered, json.replace("tx-4-2", "tx-4-9"));
      Path garbled = dir.resolve("garbled-" + System.nanoTime() + ".json");
      java.nio.file.Files.writeString(garbled, json.substring(0, 40));
      var out = new java.io.ByteArrayOutputStream();
      var err = new java.io.ByteArrayOutputStream();
      var outStream = new java.io.PrintStream(out, true, StandardCharsets.UTF_8);
      var errStream = new java.io.PrintStream(err, true, StandardCharsets.UTF_8);

      int tamperedStatus =
          VerifyProofCli.run(
              new String[] {"--rpc", ganache.url(), "--contract", contract, tampered.toString()},
              outStream,
              errStream);
      int garbledStatus =
          VerifyProofCli.run(
              new String[] {"--rpc", ganache.url(), "--contract", contract, garbled.toString()},
              outStream,
              errStream);

      assertThat(tamperedStatus).isEqualTo(1);
      assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("INVALID ROOT_MISMATCH: ");
      assertThat(garbledStatus).isEqualTo(2);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("MALFORMED_PROOF: ");
    }

    @Test
    @DisplayName("checked against a contract that never anchored it: ROOT_NOT_ANCHORED, exit 1")
    void otherContract() throws Exception {
      AnchorService service = service(chain, new InMemoryAnchorStore(0), 3);
      service.anchor(checkpoint(0, 6, 3));
      Path file = dir.resolve("proof-" + System.nanoTime() + ".json");
      java.nio.file.Files.writeString(file, ProofJson.write(service.proof("tx-1-0").orElseThrow()));
      String empty = Web3jAnchorChain.deploy(web3j, GanacheNode.OWNER, 0, TIMEOUT);
      var out = new java.io.ByteArrayOutputStream();

      int status =
          VerifyProofCli.run(
              new String[] {"--rpc", ganache.url(), "--contract", empty, file.toString()},
              new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
              new java.io.PrintStream(
                  new java.io.ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

      assertThat(status).isEqualTo(1);
      assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("INVALID ROOT_NOT_ANCHORED: ");
    }
  }

  @Nested
  class WithTheEmbeddedLedger {

    @Test
    @DisplayName(
        "restarted with an empty store, it takes the anchors already on chain, sends only for new blocks")
    void restartCatchesUp() throws Exception {
      Path data = dir.resolve("ledger-" + System.nanoTime());
      EmbeddedCa ca = EmbeddedCa.open(data.resolve("ca"));
      Identity producer =
          ca.enroll(
              "coop-1", "CoopOrgMSP", Map.of("xl.role", "producer", "xl.region", "520122100000"));
      try (EmbeddedLedger ledger =
          EmbeddedLedger.open(EmbeddedLedgerConfig.defaults(data.resolve("ledger")), ca)) {
        List<String> first = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
          first.add(ledger.submit(producer, Proposal.of("probe", "put", "a" + i, "v")).txId());
        }
        InMemoryAnchorStore before = new InMemoryAnchorStore(0);
        try (AnchorService service =
            new AnchorService(ledger, chain, before, fastPolicy(5), Clock.systemUTC())) {
          service.start();
          awaitRecorded(before, first.getLast());
        }
        int sendsBefore = transport.forwardedSends();
        String later = ledger.submit(producer, Proposal.of("probe", "put", "b", "v")).txId();

        InMemoryAnchorStore lost = new InMemoryAnchorStore(0);
        AnchorPolicy otherCuts =
            new AnchorPolicy(
                7,
                Duration.ofMillis(200),
                1,
                Duration.ofSeconds(2),
                Duration.ofMillis(50),
                3,
                Duration.ofMillis(50));
        try (AnchorService restarted =
            new AnchorService(ledger, chain, lost, otherCuts, Clock.systemUTC())) {
          restarted.start();
          awaitRecorded(lost, later);

          assertThat(restarted.failure()).isEmpty();
          assertThat(transport.forwardedSends() - sendsBefore).isEqualTo(1);
          assertThat(lost.records().subList(0, before.records().size()))
              .containsExactlyElementsOf(before.records());
          assertThat(restarted.proof(first.getFirst()).orElseThrow().verifyOnChain(chain).isValid())
              .isTrue();
          assertThat(restarted.proof(later).orElseThrow().verifyOnChain(chain).isValid()).isTrue();
        }
      }
    }

    @Test
    @DisplayName(
        "anchors confirmed while the Fabric ledger refused the write-back are recorded after a"
            + " restart, each once, and nothing is sent to the chain again")
    void writeBackAfterRestart() throws Exception {
      Path data = dir.resolve("ledger-" + System.nanoTime());
      EmbeddedCa ca = EmbeddedCa.open(data.resolve("ca"));
      Identity producer =
          ca.enroll(
              "coop-1", "CoopOrgMSP", Map.of("xl.role", "producer", "xl.region", "520122100000"));
      var recorded = new java.util.concurrent.ConcurrentHashMap<Long, AnchorRecord>();
      var writes = new java.util.concurrent.atomic.AtomicInteger();
      var down = new java.util.concurrent.atomic.AtomicBoolean(true);
      AnchorRecorder recorder =
          new AnchorRecorder() {
            @Override
            public boolean isRecorded(AnchorRecord record) {
              if (down.get()) {
                throw new AnchorException(AnchorException.Code.LEDGER_UNAVAILABLE, "down");
              }
              return recorded.containsKey(record.anchorIndex());
            }

            @Override
            public void record(AnchorRecord record) {
              if (down.get()) {
                throw new AnchorException(AnchorException.Code.LEDGER_UNAVAILABLE, "down");
              }
              writes.incrementAndGet();
              recorded.putIfAbsent(record.anchorIndex(), record);
            }
          };
      try (EmbeddedLedger ledger =
          EmbeddedLedger.open(EmbeddedLedgerConfig.defaults(data.resolve("ledger")), ca)) {
        List<String> txs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
          txs.add(ledger.submit(producer, Proposal.of("probe", "put", "a" + i, "v")).txId());
        }
        InMemoryAnchorStore store = new InMemoryAnchorStore(0);
        try (AnchorService service =
            new AnchorService(
                ledger, chain, store, fastPolicy(5), Clock.systemUTC(), recorder, Set.of())) {
          service.start();
          awaitRecorded(store, txs.getLast());
          assertThat(service.status().recordFailure()).isPresent();
        }
        assertThat(recorded).isEmpty();
        int sends = transport.forwardedSends();

        down.set(false);
        try (AnchorService restarted =
            new AnchorService(
                ledger, chain, store, fastPolicy(5), Clock.systemUTC(), recorder, Set.of())) {
          restarted.start();
          long deadline = System.nanoTime() + TIMEOUT.toNanos();
          while (recorded.size() < store.records().size() && System.nanoTime() < deadline) {
            Thread.sleep(50);
          }
          assertThat(recorded.keySet())
              .containsExactlyInAnyOrderElementsOf(
                  store.records().stream().map(AnchorRecord::anchorIndex).toList());
          assertThat(writes.get()).isEqualTo(store.records().size());
          assertThat(recorded.get(0L).evmTxHash()).isEqualTo(chain.anchorAt(0).txHash());
          assertThat(restarted.status().recordFailure()).isEmpty();
          assertThat(transport.forwardedSends()).isEqualTo(sends);
        }
      }
    }

    private void awaitRecorded(InMemoryAnchorStore store, String txId) throws InterruptedException {
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (store.byTxId(txId).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(store.byTxId(txId)).as("anchored within " + TIMEOUT).isPresent();
    }

    @Test
    @DisplayName("blocks committed on the embedded ledger are checkpointed, anchored and provable")
    void endToEnd() throws Exception {
      Path data = dir.resolve("ledger-" + System.nanoTime());
      EmbeddedCa ca = EmbeddedCa.open(data.resolve("ca"));
      Identity producer =
          ca.enroll(
              "coop-1", "CoopOrgMSP", Map.of("xl.role", "producer", "xl.region", "520122100000"));
      Path storeFile = data.resolve("anchors.dat");
      List<String> txIds = new ArrayList<>();
      try (FileAnchorStore store = FileAnchorStore.open(storeFile, 0);
          EmbeddedLedger ledger =
              EmbeddedLedger.open(EmbeddedLedgerConfig.defaults(data.resolve("ledger")), ca);
          AnchorService service =
              new AnchorService(ledger, chain, store, fastPolicy(5), Clock.systemUTC())) {
        for (int i = 0; i < 12; i++) {
          txIds.add(ledger.submit(producer, Proposal.of("probe", "put", "k" + i, "v" + i)).txId());
        }
        long started = System.nanoTime();
        service.start();

        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (store.byTxId(txIds.getLast()).isEmpty() && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }

        System.out.printf("anchored 12 tx in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(service.failure()).isEmpty();
        for (String txId : txIds) {
          Optional<TxProof> proof = service.proof(txId);
          assertThat(proof).as(txId).isPresent();
          assertThat(proof.get().verifyOnChain(chain).isValid()).isTrue();
        }
        assertThat(chain.nextBlock()).isEqualTo(store.nextBlock());
        assertThat(chain.anchorCount()).isEqualTo(store.records().size());
      }
      try (FileAnchorStore reopened = FileAnchorStore.open(storeFile, 0)) {
        AnchorService afterRestart =
            new AnchorService(null, chain, reopened, fastPolicy(1), Clock.systemUTC());
        for (String txId : txIds) {
          assertThat(afterRestart.proof(txId).orElseThrow().verifyOnChain(chain).isValid())
              .as(txId)
              .isTrue();
        }
      }
    }
  }
}
