package cn.xianglian.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xianglian.ledger.BlockEvent;
import cn.xianglian.ledger.ChaincodeEvent;
import cn.xianglian.ledger.Identities;
import cn.xianglian.ledger.Identity;
import cn.xianglian.ledger.LedgerException;
import cn.xianglian.ledger.Proposal;
import cn.xianglian.ledger.Submitted;
import cn.xianglian.ledger.Subscription;
import cn.xianglian.ledger.TransactionInfo;
import cn.xianglian.ledger.ValidationCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedLedgerTest {

  @TempDir Path dir;
  EmbeddedCa ca;
  EmbeddedLedger ledger;
  Identity producer;

  @BeforeEach
  void open() {
    ca = EmbeddedCa.open(dir.resolve("ca"));
    producer = TestLedgers.producer(ca);
  }

  @AfterEach
  void close() {
    if (ledger != null) {
      ledger.close();
    }
  }

  private EmbeddedLedger ledger() {
    if (ledger == null) {
      ledger = EmbeddedLedger.open(TestLedgers.config(dir), ca);
    }
    return ledger;
  }

  private Submitted submit(String transaction, String... arguments) {
    return ledger().submit(producer, Proposal.of("probe", transaction, arguments));
  }

  private String evaluate(String transaction, String... arguments) {
    return new String(
        ledger().evaluate(producer, Proposal.of("probe", transaction, arguments)),
        StandardCharsets.UTF_8);
  }

  private static LedgerException failure(CompletableFuture<Submitted> future) {
    try {
      future.get();
    } catch (ExecutionException e) {
      return (LedgerException) e.getCause();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("the transaction was valid");
  }

  /** A stub over no state, for the checks a stub makes before it reads. */
  private static SimulationStub stub() {
    return new SimulationStub(
        null,
        new SimulationStub.Invocation(
            "c", "cc", "t", java.time.Instant.EPOCH, new byte[0], "M", "f", List.of(), Map.of()));
  }

  @Nested
  @DisplayName("The stub behaves as Fabric's")
  class Stub {

    @Test
    void a_submitted_write_is_committed_valid_and_readable() {
      Submitted done = submit("put", "k", "v");

      assertThat(done.resultText()).isEqualTo("ok");
      assertThat(done.blockNumber()).isEqualTo(1);
      assertThat(evaluate("get", "k")).isEqualTo("v");
      TransactionInfo info = ledger().transaction(done.txId()).orElseThrow();
      assertThat(info.validationCode()).isEqualTo(ValidationCode.VALID);
      assertThat(info.blockNumber()).isEqualTo(1);
      assertThat(info.indexInBlock()).isZero();
      assertThat(info.creatorMspId()).isEqualTo("CoopOrgMSP");
      assertThat(info.function()).isEqualTo("probe:put");
      assertThat(ledger().height()).isEqualTo(2);
    }

    @Test
    void a_missing_key_reads_as_empty_and_an_evaluation_is_never_ordered() {
      long height = ledger().height();

      assertThat(evaluate("get", "nothing")).isEqualTo("<absent>");
      assertThat(evaluate("increment", "counter")).isEqualTo("1");
      assertThat(evaluate("get", "counter")).isEqualTo("<absent>");
      assertThat(ledger().height()).isEqualTo(height);
    }

    @Test
    void header_fields_reach_the_contract() {
      String[] header = evaluate("header", "arg-1").split("\\|");

      assertThat(header[0]).matches("[0-9a-f]{64}");
      assertThat(header).containsSubsequence("xifeng", "probe:header", "arg-1", "true");
    }

    @Test
    void a_simple_key_range_is_end_exclusive_and_skips_composite_keys() {
      submit("put", "a", "1");
      submit("put", "b", "2");
      submit("put", "c", "3");
      submit("putIndexed", "batch", "a", "1", "A1");

      assertThat(evaluate("countRange", "a", "c")).isEqualTo("2");
      assertThat(evaluate("countRange", "", "")).isEqualTo("3");
      assertThat(evaluate("history", "never-written")).isEmpty();
    }

    @Test
    void partial_composite_keys_list_in_key_order() {
      submit("putIndexed", "batch", "a", "2", "A2");
      submit("putIndexed", "batch", "a", "1", "A1");
      submit("putIndexed", "batch", "b", "1", "B1");
      submit("putIndexed", "other", "a", "1", "X");
      submit("put", "plain", "P");

      assertThat(evaluate("list", "batch", "a")).isEqualTo("a/1=A1,a/2=A2");
      assertThat(evaluate("list", "batch", "")).isEqualTo("a/1=A1,a/2=A2,b/1=B1");
    }

    @Test
    void pages_carry_the_next_key_as_bookmark_and_the_last_page_an_empty_one() {
      for (int i = 1; i <= 5; i++) {
        submit("putIndexed", "p", "k" + i, "x", "v" + i);
      }
      String third = new CompositeKey("p", "k3", "x").toString();
      String fifth = new CompositeKey("p", "k5", "x").toString();

      assertThat(evaluate("page", "p", "2", "")).isEqualTo("v1,v2|2|" + third);
      assertThat(evaluate("page", "p", "2", third)).isEqualTo("v3,v4|2|" + fifth);
      assertThat(evaluate("page", "p", "2", fifth)).isEqualTo("v5|1|");
    }

    @Test
    void a_paginated_query_after_a_write_is_refused_as_on_a_peer() {
      SimulationStub stub = stub();
      stub.putState("x", new byte[] {1});

      assertThatThrownBy(
              () -> stub.getStateByPartialCompositeKeyWithPagination(new CompositeKey("p"), 1, ""))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Paginated queries are not allowed");
      assertThatThrownBy(() -> submit("putThenPage", "p"))
          .isInstanceOfSatisfying(
              LedgerException.class,
              e -> assertThat(e.stage()).isEqualTo(LedgerException.Stage.ENDORSE))
          .hasMessageContaining("Error during contract method execution");
    }

    @Test
    void history_lists_every_modification_newest_first_with_deletes() {
      String first = submit("put", "h", "a").txId();
      String second = submit("put", "h", "b").txId();
      String third = submit("del", "h").txId();

      assertThat(evaluate("history", "h"))
          .isEqualTo(third + "::true:true;" + second + ":b:false:true;" + first + ":a:false:true");
      assertThat(evaluate("get", "h")).isEqualTo("<absent>");
    }

    @Test
    void private_data_stays_aside_and_only_its_hashes_enter_the_block() {
      Submitted done =
          ledger()
              .submit(
                  producer,
                  Proposal.of("probe", "putPrivate", "xlPersonalData", "p-1")
                      .withTransient("value", "secret-phone-13800000000"));
      byte[] valueHash = BlockCodec.sha256("secret-phone-13800000000");

      assertThat(evaluate("getPrivate", "xlPersonalData", "p-1"))
          .isEqualTo("secret-phone-13800000000");
      assertThat(evaluate("privateHash", "xlPersonalData", "p-1"))
          .isEqualTo(HexFormat.of().formatHex(valueHash));
      TxRecord tx = ledger().block(done.blockNumber()).transactions().getFirst();
      assertThat(tx.writes()).isEmpty();
      assertThat(tx.pvtWrites())
          .singleElement()
          .satisfies(
              write -> {
                assertThat(write.collection()).isEqualTo("xlPersonalData");
                assertThat(write.keyHash()).isEqualTo(BlockCodec.sha256("p-1"));
                assertThat(write.valueHash()).isEqualTo(valueHash);
              });
      byte[] hashedPart =
          BlockCodec.seal(tx.hashCode(), new byte[32], List.of(tx), Map.of()).record();
      assertThat(new String(hashedPart, StandardCharsets.ISO_8859_1))
          .doesNotContain("secret-phone");

      submit("delPrivate", "xlPersonalData", "p-1");
      assertThat(evaluate("privateHash", "xlPersonalData", "p-1")).isEmpty();
    }

    @Test
    void client_identity_reads_msp_and_certificate_attributes() {
      String[] who = evaluate("whoami").split("\\|");

      assertThat(who[0]).isEqualTo("CoopOrgMSP");
      assertThat(who[1]).isEqualTo("producer");
      assertThat(who[2]).isEqualTo("520122100000");
      assertThat(who[3]).startsWith("x509::").contains("CN=coop-1").contains("OU=client");
    }

    @Test
    void a_chaincode_error_fails_endorsement_with_its_code_and_writes_nothing() {
      long height = ledger().height();

      assertThatThrownBy(() -> submit("fail", "BATCH_NOT_FOUND"))
          .isInstanceOfSatisfying(
              LedgerException.class,
              e -> {
                assertThat(e.stage()).isEqualTo(LedgerException.Stage.ENDORSE);
                assertThat(e.errorCode()).contains("BATCH_NOT_FOUND");
              });
      assertThat(ledger().height()).isEqualTo(height);
      assertThat(evaluate("get", "never")).isEqualTo("<absent>");
    }

    @Test
    void deliberate_rejections_are_not_logged_as_errors_but_unexpected_failures_are() {
      ledger();
      var logged = new java.util.concurrent.ConcurrentLinkedQueue<String>();
      var handler =
          new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
              logged.add(String.valueOf(record.getMessage()));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
          };
      java.util.logging.Logger shim = EmbeddedLedger.shimResponseLogger().orElseThrow();
      shim.addHandler(handler);
      try {
        assertThatThrownBy(() -> submit("fail", "BATCH_NOT_FOUND"))
            .isInstanceOf(LedgerException.class);
        assertThat(logged).isEmpty();
        assertThatThrownBy(() -> evaluate("richQuery")).isInstanceOf(LedgerException.class);
        assertThat(logged).singleElement().asString().contains("UnsupportedOperationException");
      } finally {
        shim.removeHandler(handler);
      }
    }

    @Test
    void an_evaluation_error_carries_the_evaluate_stage_and_code() {
      assertThatThrownBy(() -> evaluate("fail", "REGION_OUT_OF_SCOPE"))
          .isInstanceOfSatisfying(
              LedgerException.class,
              e -> {
                assertThat(e.stage()).isEqualTo(LedgerException.Stage.EVALUATE);
                assertThat(e.errorCode()).contains("REGION_OUT_OF_SCOPE");
              });
    }

    @Test
    void unsupported_stub_features_fail_loudly() {
      assertThatThrownBy(() -> evaluate("richQuery"))
          .isInstanceOfSatisfying(
              LedgerException.class,
              e -> assertThat(e.stage()).isEqualTo(LedgerException.Stage.EVALUATE));
      SimulationStub stub = stub();
      assertThatThrownBy(() -> stub.getQueryResult("{}"))
          .isInstanceOf(UnsupportedOperationException.class)
          .hasMessageContaining("does not support getQueryResult");
      assertThatThrownBy(() -> stub.invokeChaincode("other", List.of(), "ch"))
          .isInstanceOf(UnsupportedOperationException.class)
          .hasMessageContaining("invokeChaincode");
    }

    @Test
    void an_unknown_transaction_is_rejected_by_the_router() {
      assertThatThrownBy(() -> submit("noSuchThing"))
          .isInstanceOfSatisfying(
              LedgerException.class,
              e -> assertThat(e.stage()).isEqualTo(LedgerException.Stage.ENDORSE))
          .hasMessageContaining("Undefined contract method called");
    }
  }

  @Nested
  @DisplayName("Validation at commit")
  class Validation {

    @Test
    void of_two_transactions_reading_the_same_key_in_one_block_only_the_first_is_valid()
        throws Exception {
      ledger = EmbeddedLedger.open(TestLedgers.blocksOf(dir, 2), ca);
      var first = ledger.submitAsync(ledger.sign(producer, Proposal.of("probe", "increment", "c")));
      var second =
          ledger.submitAsync(ledger.sign(producer, Proposal.of("probe", "increment", "c")));

      assertThat(first.get().resultText()).isEqualTo("1");
      LedgerException conflict = failure(second);
      assertThat(conflict.stage()).isEqualTo(LedgerException.Stage.COMMIT);
      assertThat(conflict.errorCode()).contains("MVCC_READ_CONFLICT");
      assertThat(ledger.transaction(conflict.txId().orElseThrow()).orElseThrow().validationCode())
          .isEqualTo(ValidationCode.MVCC_READ_CONFLICT);
      assertThat(evaluate("get", "c")).isEqualTo("1");
    }

    @Test
    void concurrent_increments_count_exactly_the_valid_transactions() throws Exception {
      var threads = new ArrayList<Thread>();
      var valid = new java.util.concurrent.atomic.AtomicInteger();
      var otherFailures = new java.util.concurrent.ConcurrentLinkedQueue<Throwable>();
      ledger();
      for (int t = 0; t < 4; t++) {
        threads.add(
            Thread.ofPlatform()
                .start(
                    () -> {
                      for (int i = 0; i < 25; i++) {
                        try {
                          submit("increment", "shared");
                          valid.incrementAndGet();
                        } catch (LedgerException e) {
                          if (!e.errorCode().equals(java.util.Optional.of("MVCC_READ_CONFLICT"))) {
                            otherFailures.add(e);
                          }
                        }
                      }
                    }));
      }
      for (Thread thread : threads) {
        thread.join();
      }

      assertThat(otherFailures).isEmpty();
      assertThat(valid.get()).isPositive();
      assertThat(evaluate("get", "shared")).isEqualTo(Integer.toString(valid.get()));
    }

    @Test
    void a_range_read_that_misses_a_key_written_earlier_in_the_block_is_a_phantom()
        throws Exception {
      ledger = EmbeddedLedger.open(TestLedgers.blocksOf(dir, 2), ca);
      var insert =
          ledger.submitAsync(ledger.sign(producer, Proposal.of("probe", "put", "r5", "x")));
      var count =
          ledger.submitAsync(ledger.sign(producer, Proposal.of("probe", "countRange", "r0", "r9")));

      assertThat(insert.get().resultText()).isEqualTo("ok");
      assertThat(failure(count).errorCode()).contains("PHANTOM_READ_CONFLICT");
    }

    @Test
    void a_read_overtaken_by_a_commit_in_an_earlier_block_is_an_mvcc_conflict() {
      submit("increment", "c");
      EmbeddedLedger.Pending stale =
          ledger().endorse(ledger().sign(producer, Proposal.of("probe", "increment", "c")));
      submit("increment", "c");

      assertThat(failure(ledger().order(stale)).errorCode()).contains("MVCC_READ_CONFLICT");
      assertThat(evaluate("get", "c")).isEqualTo("2");
    }

    @Test
    void a_range_read_overtaken_by_an_insert_in_an_earlier_block_is_a_phantom() {
      submit("put", "r1", "x");
      EmbeddedLedger.Pending stale =
          ledger().endorse(ledger().sign(producer, Proposal.of("probe", "countRange", "r0", "r9")));
      submit("put", "r7", "x");

      assertThat(failure(ledger().order(stale)).errorCode()).contains("PHANTOM_READ_CONFLICT");
      assertThat(evaluate("get", "count")).isEqualTo("<absent>");
    }

    @Test
    void a_range_read_is_not_disturbed_by_writes_outside_its_range() throws Exception {
      submit("put", "r1", "x");
      EmbeddedLedger.Pending endorsed =
          ledger().endorse(ledger().sign(producer, Proposal.of("probe", "countRange", "r0", "r9")));
      submit("put", "s1", "x");

      assertThat(ledger().order(endorsed).get().resultText()).isEqualTo("1");
    }

    @Test
    void a_range_read_still_true_at_commit_is_valid() {
      submit("put", "r1", "x");
      assertThat(submit("countRange", "r0", "r9").resultText()).isEqualTo("1");
      assertThat(evaluate("get", "count")).isEqualTo("1");
    }

    @Test
    void a_transaction_id_is_accepted_once() {
      SignedTransaction signed = ledger().sign(producer, Proposal.of("probe", "put", "d", "1"));
      ledger().submit(signed);

      assertThatThrownBy(() -> ledger().submit(signed))
          .isInstanceOfSatisfying(
              LedgerException.class,
              e -> {
                assertThat(e.stage()).isEqualTo(LedgerException.Stage.ENDORSE);
                assertThat(e.errorCode()).contains("DUPLICATE_TXID");
              });
    }
  }

  @Nested
  @DisplayName("Creators and signatures")
  class Creators {

    @Test
    void a_certificate_from_another_ca_is_not_trusted() {
      Identity stranger =
          EmbeddedCa.open(dir.resolve("other-ca"))
              .enroll("mallory", "CoopOrgMSP", Map.of("xl.role", "producer"));

      assertThatThrownBy(() -> ledger().submit(stranger, Proposal.of("probe", "put", "k", "v")))
          .isInstanceOfSatisfying(
              LedgerException.class,
              e -> {
                assertThat(e.stage()).isEqualTo(LedgerException.Stage.ENDORSE);
                assertThat(e.errorCode()).contains("CREATOR_NOT_TRUSTED");
              });
      assertThatThrownBy(() -> ledger().evaluate(stranger, Proposal.of("probe", "get", "k")))
          .isInstanceOfSatisfying(
              LedgerException.class,
              e -> assertThat(e.errorCode()).contains("CREATOR_NOT_TRUSTED"));
    }

    @Test
    void a_certificate_claimed_for_another_msp_is_not_trusted() {
      var impostor =
          new Identity("coop-1", "CountyOrgMSP", producer.certificatePem(), producer.privateKey());

      assertThatThrownBy(() -> ledger().submit(impostor, Proposal.of("probe", "put", "k", "v")))
          .isInstanceOfSatisfying(
              LedgerException.class, e -> assertThat(e.errorCode()).contains("CREATOR_NOT_TRUSTED"))
          .hasMessageContaining("CountyOrgMSP");
    }

    @Test
    void a_tampered_signature_or_proposal_is_rejected() {
      SignedTransaction signed = ledger().sign(producer, Proposal.of("probe", "put", "k", "v"));
      byte[] signature = signed.signature().clone();
      signature[signature.length - 1] ^= 1;

      assertThatThrownBy(() -> ledger().submit(signed.withSignature(signature)))
          .isInstanceOfSatisfying(
              LedgerException.class, e -> assertThat(e.errorCode()).contains("SIGNATURE_INVALID"));
      assertThatThrownBy(
              () -> ledger().submit(signed.withProposal(Proposal.of("probe", "put", "k", "evil"))))
          .isInstanceOfSatisfying(
              LedgerException.class, e -> assertThat(e.errorCode()).contains("SIGNATURE_INVALID"));
      assertThat(evaluate("get", "k")).isEqualTo("<absent>");
    }

    @Test
    void a_key_that_does_not_match_the_certificate_is_rejected() {
      var wrongKey =
          new Identity(
              "coop-1",
              "CoopOrgMSP",
              producer.certificatePem(),
              EmbeddedCa.newKeyPair().getPrivate());

      assertThatThrownBy(() -> ledger().submit(wrongKey, Proposal.of("probe", "put", "k", "v")))
          .isInstanceOfSatisfying(
              LedgerException.class, e -> assertThat(e.errorCode()).contains("SIGNATURE_INVALID"));
    }

    @Test
    void the_ca_keeps_its_roots_across_restarts_and_wallet_files_round_trip() {
      Path wallet = dir.resolve("wallet").resolve("coop-1.id");
      Identities.write(wallet, producer);
      EmbeddedCa reopened = EmbeddedCa.open(dir.resolve("ca"));
      Identity read = Identities.read(wallet);

      assertThat(reopened.rootCertificatePem("CoopOrgMSP"))
          .isEqualTo(ca.rootCertificatePem("CoopOrgMSP"));
      assertThat(reopened.mspIds()).containsAll(EmbeddedCa.STANDARD_MSPS);
      assertThat(read.label()).isEqualTo("coop-1");
      assertThat(read.mspId()).isEqualTo("CoopOrgMSP");
      assertThat(read.certificatePem()).isEqualTo(producer.certificatePem());
      assertThat(((java.security.interfaces.ECPrivateKey) read.privateKey()).getS())
          .isEqualTo(((java.security.interfaces.ECPrivateKey) producer.privateKey()).getS());
      try (var again = EmbeddedLedger.open(TestLedgers.config(dir), reopened)) {
        assertThat(again.submit(read, Proposal.of("probe", "put", "w", "1")).resultText())
            .isEqualTo("ok");
      }
    }
  }

  @Nested
  @DisplayName("Delivery")
  class Delivery {

    @Test
    void blocks_are_replayed_from_the_requested_number_then_delivered_live() throws Exception {
      submit("put", "a", "1");
      submit("put", "b", "2");
      var received = new LinkedBlockingQueue<BlockEvent>();

      Subscription subscription = ledger().onBlocks(0, received::add);
      try {
        assertThat(received.poll(10, TimeUnit.SECONDS).number()).isZero();
        assertThat(received.poll(10, TimeUnit.SECONDS).number()).isEqualTo(1);
        BlockEvent second = received.poll(10, TimeUnit.SECONDS);
        assertThat(second.number()).isEqualTo(2);
        submit("put", "c", "3");
        BlockEvent live = received.poll(10, TimeUnit.SECONDS);

        assertThat(live.number()).isEqualTo(3);
        assertThat(live.previousHash()).isEqualTo(second.hash());
        assertThat(live.transactions())
            .singleElement()
            .satisfies(
                tx -> {
                  assertThat(tx.info().valid()).isTrue();
                  assertThat(tx.writes())
                      .singleElement()
                      .satisfies(w -> assertThat(w.key()).isEqualTo("c"));
                });
      } finally {
        subscription.close();
      }
    }

    @Test
    void chaincode_events_come_only_from_valid_transactions() throws Exception {
      ledger = EmbeddedLedger.open(TestLedgers.blocksOf(dir, 2), ca);
      var good = ledger.submitAsync(ledger.sign(producer, Proposal.of("probe", "increment", "e")));
      var conflicting =
          ledger.submitAsync(ledger.sign(producer, Proposal.of("probe", "put", "e", "x")));
      good.get();
      conflicting.get();
      var late = ledger.submitAsync(ledger.sign(producer, Proposal.of("probe", "put", "z", "1")));
      var later = ledger.submitAsync(ledger.sign(producer, Proposal.of("probe", "put", "y", "2")));
      late.get();
      later.get();
      var events = new LinkedBlockingQueue<ChaincodeEvent>();

      Subscription subscription = ledger.onChaincodeEvents(0, events::add);
      try {
        ChaincodeEvent first = events.poll(10, TimeUnit.SECONDS);
        ChaincodeEvent second = events.poll(10, TimeUnit.SECONDS);
        ChaincodeEvent third = events.poll(10, TimeUnit.SECONDS);

        assertThat(new String(first.payload(), StandardCharsets.UTF_8)).isEqualTo("e=x");
        assertThat(first.eventName()).isEqualTo("Put");
        assertThat(first.chaincodeName()).isEqualTo("xianglian");
        assertThat(new String(second.payload(), StandardCharsets.UTF_8)).isEqualTo("z=1");
        assertThat(new String(third.payload(), StandardCharsets.UTF_8)).isEqualTo("y=2");
        assertThat(third.blockNumber()).isEqualTo(2);
      } finally {
        subscription.close();
      }
    }
  }
}
