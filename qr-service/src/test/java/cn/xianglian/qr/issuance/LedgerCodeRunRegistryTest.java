package cn.xianglian.qr.issuance;

import static cn.xianglian.qr.Errors.errorOf;
import static org.assertj.core.api.Assertions.assertThat;

import cn.xianglian.ledger.BlockEvent;
import cn.xianglian.ledger.ChaincodeEvent;
import cn.xianglian.ledger.Identity;
import cn.xianglian.ledger.LedgerClient;
import cn.xianglian.ledger.LedgerException;
import cn.xianglian.ledger.Proposal;
import cn.xianglian.ledger.Submitted;
import cn.xianglian.ledger.Subscription;
import cn.xianglian.ledger.TransactionInfo;
import cn.xianglian.qr.Caller;
import cn.xianglian.qr.QrError;
import cn.xianglian.qr.digitallink.CodeLevel;
import cn.xianglian.qr.digitallink.Gtin;
import cn.xianglian.qr.digitallink.InternalCode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The adapter speaks exactly the JSON of docs/contract-code.md and maps its error codes. */
class LedgerCodeRunRegistryTest {

  static final Identity READER = new Identity("reader", "CountyOrgMSP", "pem", null);
  static final Identity ISSUER = new Identity("issuer", "CountyOrgMSP", "pem", null);
  static final Gtin RICE = new Gtin("06901234567892");

  /** The caller whose wallet identity (ISSUER) must sign issueRun. */
  static final Caller LABELER =
      new Caller("labeler", "issuer", "CountyOrgMSP", "labeler", "520122000000", "QR");

  static final CodeRun CASES =
      new CodeRun(
          "C1",
          "XF-2026-0001",
          RICE,
          "XF-2026-0001",
          new SerialRange(CodeLevel.CASE, 1, 2),
          "1",
          "0ce8044fd313bedc0a34a8f9f3ad879da1c6237996ca4ee35af94d2a9dde4221",
          new Containment("R1", 6));

  static final String CASES_JSON =
      "{\"batchId\":\"XF-2026-0001\",\"contains\":{\"perParent\":6,\"runId\":\"R1\"},"
          + "\"digest\":\"0ce8044fd313bedc0a34a8f9f3ad879da1c6237996ca4ee35af94d2a9dde4221\","
          + "\"keyId\":\"1\",\"level\":\"CASE\",\"lot\":\"XF-2026-0001\","
          + "\"product\":{\"gtin\":\"06901234567892\"},\"runId\":\"C1\",\"serialEnd\":2,"
          + "\"serialStart\":1}";

  /** A ledger that records proposals and answers from a script. */
  static final class ScriptedLedger implements LedgerClient {
    final List<Proposal> submitted = new ArrayList<>();
    final List<Proposal> evaluated = new ArrayList<>();
    byte[] answer = new byte[0];
    String errorCode;

    @Override
    public Submitted submit(Identity caller, Proposal proposal) {
      assertThat(caller).isSameAs(ISSUER);
      submitted.add(proposal);
      failIfScripted(LedgerException.Stage.ENDORSE);
      return new Submitted("tx1", 7, answer);
    }

    @Override
    public byte[] evaluate(Identity caller, Proposal proposal) {
      assertThat(caller).isSameAs(READER);
      evaluated.add(proposal);
      failIfScripted(LedgerException.Stage.EVALUATE);
      return answer;
    }

    private void failIfScripted(LedgerException.Stage stage) {
      if (errorCode != null) {
        throw new LedgerException(stage, errorCode.isEmpty() ? null : errorCode, "no", null, null);
      }
    }

    @Override
    public Optional<TransactionInfo> transaction(String txId) {
      return Optional.empty();
    }

    @Override
    public long height() {
      return 0;
    }

    @Override
    public Subscription onBlocks(long fromBlock, Consumer<BlockEvent> listener) {
      return () -> {};
    }

    @Override
    public Subscription onChaincodeEvents(long fromBlock, Consumer<ChaincodeEvent> listener) {
      return () -> {};
    }

    @Override
    public void close() {}
  }

  final ScriptedLedger ledger = new ScriptedLedger();
  final LedgerCodeRunRegistry registry =
      new LedgerCodeRunRegistry(
          ledger, READER, caller -> caller.walletLabel().equals(ISSUER.label()) ? ISSUER : READER);

  @Nested
  @DisplayName("issueRun")
  class IssueRun {

    @Test
    void submits_one_transaction_with_the_canonical_run_json() {
      ledger.answer =
          (CASES_JSON.substring(0, CASES_JSON.length() - 1)
                  + ",\"count\":2,\"issuer\":\"CountyOrgMSP/QR\",\"txId\":\"tx1\"}")
              .getBytes(StandardCharsets.UTF_8);

      CodeRun recorded = registry.issue(CASES, LABELER);

      assertThat(ledger.submitted).hasSize(1);
      assertThat(ledger.submitted.getFirst().function()).isEqualTo("code:issueRun");
      assertThat(ledger.submitted.getFirst().arguments()).containsExactly(CASES_JSON);
      assertThat(recorded).isEqualTo(CASES);
    }

    @Test
    void chaincode_codes_become_the_same_service_codes() {
      for (String code :
          List.of(
              "RANGE_OVERLAP",
              "ALREADY_EXISTS",
              "LOT_BOUND_TO_OTHER_BATCH",
              "AGGREGATION_INVALID",
              "DIGEST_MISMATCH",
              "BATCH_RECALLED",
              "BATCH_NOT_FOUND",
              "INVALID_ARGUMENT")) {
        ledger.errorCode = code;
        assertThat(errorOf(() -> registry.issue(CASES, LABELER))).isEqualTo(QrError.valueOf(code));
      }
      ledger.errorCode = "NOT_OWNER";
      assertThat(errorOf(() -> registry.issue(CASES, LABELER))).isEqualTo(QrError.ACCESS_DENIED);
      ledger.errorCode = "";
      assertThat(errorOf(() -> registry.issue(CASES, LABELER)))
          .isEqualTo(QrError.LEDGER_UNAVAILABLE);
    }
  }

  @Nested
  @DisplayName("queries")
  class Queries {

    @Test
    void runs_of_a_lot_are_read_with_the_product_and_lot() {
      ledger.answer = ("{\"records\":[" + CASES_JSON + "]}").getBytes(StandardCharsets.UTF_8);

      assertThat(registry.runsOf(RICE, "XF-2026-0001")).containsExactly(CASES);
      assertThat(ledger.evaluated.getFirst().function()).isEqualTo("code:getRunsByLot");
      assertThat(ledger.evaluated.getFirst().arguments())
          .containsExactly("{\"lot\":\"XF-2026-0001\",\"product\":{\"gtin\":\"06901234567892\"}}");
    }

    @Test
    void internal_codes_travel_as_product_code() {
      ledger.answer = "{\"records\":[]}".getBytes(StandardCharsets.UTF_8);

      assertThat(registry.runsOf(new InternalCode("XL-TEA-01"), "L1")).isEmpty();
      assertThat(ledger.evaluated.getFirst().arguments())
          .containsExactly("{\"lot\":\"L1\",\"product\":{\"code\":\"XL-TEA-01\"}}");
    }

    @Test
    void an_unknown_run_is_empty_and_a_missing_contract_is_ledger_unavailable() {
      ledger.errorCode = "RUN_NOT_FOUND";
      assertThat(registry.find("C9")).isEmpty();
      assertThat(ledger.evaluated.getFirst().function()).isEqualTo("code:getRun");
      ledger.errorCode = "";
      assertThat(errorOf(() -> registry.find("C9"))).isEqualTo(QrError.LEDGER_UNAVAILABLE);
    }
  }
}
