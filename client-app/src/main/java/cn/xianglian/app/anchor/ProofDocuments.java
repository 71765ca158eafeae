package cn.xianglian.app.anchor;

import cn.xianglian.app.identity.CallerIdentities;
import cn.xianglian.app.system.ApiException;
import cn.xianglian.ledger.LedgerClient;
import cn.xianglian.ledger.Proposal;
import cn.xianglian.ledger.anchor.AnchorException;
import cn.xianglian.ledger.anchor.OnChainAnchor;
import cn.xianglian.ledger.anchor.TxProof;
import cn.xianglian.ledger.anchor.Verification;
import cn.xianglian.ledger.anchor.evm.ProofJson;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the proof documents the API returns and the page shows: the proof JSON of {@link
 * ProofJson} (what {@code VerifyProofCli} verifies), plus {@code fabricAnchor} (the Fabric ledger's
 * record of the anchor, or null while not yet recorded) and, for a disclosure, {@code publication}
 * with the record's exact text as the ledger holds it. Also reads the chain and verifies a
 * document, both against the configured contract (never the one a document names).
 */
@Component
public class ProofDocuments {

  static final String FINANCE = "finance";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HexFormat HEX = HexFormat.of();

  private final ObjectProvider<Anchoring> anchoring;
  private final LedgerClient ledger;
  private final CallerIdentities callers;

  ProofDocuments(
      ObjectProvider<Anchoring> anchoring, LedgerClient ledger, CallerIdentities callers) {
    this.anchoring = anchoring;
    this.ledger = ledger;
    this.callers = callers;
  }

  /** True when the anchoring component runs. */
  public boolean enabled() {
    return anchoring.getIfAvailable() != null;
  }

  /** The proof document of an anchored transaction; PROOF_NOT_FOUND while it is not anchored. */
  public ObjectNode transaction(String txId) {
    Anchoring running = running();
    TxProof proof =
        reading(() -> running.proofOfTransaction(txId))
            .orElseThrow(() -> notFound("transaction " + txId + " is not anchored (yet)"));
    return document(running, proof);
  }

  /** The proof document of a published disclosure; PROOF_NOT_FOUND while it is not anchored. */
  public ObjectNode publication(String publicationId) {
    Anchoring running = running();
    TxProof proof =
        reading(() -> running.proofOfPublication(publicationId))
            .orElseThrow(() -> notFound("publication " + publicationId + " is not anchored (yet)"));
    ObjectNode document = document(running, proof);
    byte[] record =
        ledger.evaluate(callers.reader(), Proposal.of(FINANCE, "getPublication", publicationId));
    ObjectNode publication = document.putObject("publication");
    publication.put("id", publicationId);
    publication.put("record", new String(record, StandardCharsets.UTF_8));
    return document;
  }

  /**
   * The anchor the chain holds for Fabric block {@code block}, read now through the configured
   * node; ANCHOR_NOT_ON_CHAIN when there is none.
   */
  public ObjectNode onChain(long block) {
    if (block < 0) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "block must not be negative");
    }
    Anchoring running = running();
    OnChainAnchor anchor =
        reading(() -> running.anchorOnChain(block))
            .orElseThrow(
                () ->
                    new ApiException(
                        HttpStatus.NOT_FOUND,
                        "ANCHOR_NOT_ON_CHAIN",
                        "no anchor on the chain holds Fabric block " + block));
    var chain = reading(running::chain);
    ObjectNode node = JSON.createObjectNode();
    node.put("chainId", chain.chainId());
    node.put("contract", chain.contractAddress());
    node.put("index", anchor.index());
    node.put("root", HEX.formatHex(anchor.root()));
    node.put("fromBlock", anchor.fromBlock());
    node.put("toBlock", anchor.toBlock());
    node.put("emitter", anchor.emitter());
    node.put("time", anchor.time().toString());
    node.put("evmTxHash", anchor.txHash());
    node.put("evmBlock", anchor.evmBlock());
    return node;
  }

  /**
   * Verifies a proof document as {@code VerifyProofCli} does: the published record against the leaf
   * (if the document carries one), the path, then the root against the configured contract.
   * MALFORMED_PROOF (400) when it cannot be read.
   */
  public ObjectNode verify(String json) {
    Anchoring running = running();
    TxProof proof;
    Optional<String> record;
    try {
      proof = ProofJson.read(json);
      record = ProofJson.disclosedRecord(json);
    } catch (IllegalArgumentException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "MALFORMED_PROOF", e.getMessage());
    }
    var chain = reading(running::chain);
    Verification result =
        record
            .map(proof::verifyContent)
            .filter(v -> !v.isValid())
            .orElseGet(() -> reading(() -> proof.verifyOnChain(chain)));
    ObjectNode node = JSON.createObjectNode();
    node.put("valid", result.isValid());
    node.put("code", result.isValid() ? null : result.failure().name());
    node.put("message", result.message());
    node.put("chainId", chain.chainId());
    node.put("contract", chain.contractAddress());
    return node;
  }

  private ObjectNode document(Anchoring running, TxProof proof) {
    ObjectNode document = (ObjectNode) JSON.readTree(ProofJson.write(proof));
    JsonNode record;
    try {
      record = running.ledgerRecord(proof.anchorIndex()).orElse(null);
    } catch (AnchorException e) {
      record = null; // the proof stands without it; the page says the record is not available
    }
    document.set("fabricAnchor", record);
    return document;
  }

  private Anchoring running() {
    Anchoring running = anchoring.getIfAvailable();
    if (running == null) {
      throw new ApiException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "ANCHORING_DISABLED",
          "public anchoring is not enabled on this server (xl.anchor.enabled)");
    }
    return running;
  }

  private static ApiException notFound(String message) {
    return new ApiException(HttpStatus.NOT_FOUND, "PROOF_NOT_FOUND", message);
  }

  /** Runs a read of the chain or the service; a chain that cannot be read is CHAIN_UNAVAILABLE. */
  private static <T> T reading(java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (AnchorException e) {
      throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "CHAIN_UNAVAILABLE", e.getMessage());
    }
  }
}
