package cn.xianglian.app.anchor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * Inclusion proofs (公开锚定证明), public: the proof of a transaction or of a published disclosure in an
 * anchored checkpoint, the chain's anchor for a Fabric block, and verification of a proof document.
 * Codes: ANCHORING_DISABLED (503), PROOF_NOT_FOUND (404), ANCHOR_NOT_ON_CHAIN (404),
 * MALFORMED_PROOF (400), CHAIN_UNAVAILABLE (503).
 */
@RestController
@RequestMapping("/api/v1/proofs")
@Tag(name = "proofs", description = "公开锚定证明 — inclusion proofs anchored on an EVM chain")
class ProofController {

  private final ProofDocuments proofs;

  ProofController(ProofDocuments proofs) {
    this.proofs = proofs;
  }

  @GetMapping("/tx/{txId}")
  @Operation(
      summary =
          "交易证明 — leaf, Merkle path, root, block range, EVM anchor and the Fabric anchor record"
              + " (the JSON VerifyProofCli verifies)")
  ObjectNode transaction(@PathVariable String txId) {
    return proofs.transaction(txId);
  }

  @GetMapping("/publication/{publicationId}")
  @Operation(
      summary =
          "公开证明 — the disclosure leaf of a published item, its proof and the published record")
  ObjectNode publication(@PathVariable String publicationId) {
    return proofs.publication(publicationId);
  }

  @GetMapping("/chain/blocks/{block}")
  @Operation(
      summary =
          "链上锚定 — the anchor the EVM contract holds for a Fabric block, read now through the"
              + " server's node")
  ObjectNode onChain(@PathVariable long block) {
    return proofs.onChain(block);
  }

  @PostMapping(value = "/verify", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary =
          "核验证明 — verify a proof document against the configured contract: {valid, code, message}")
  ObjectNode verify(@RequestBody String proof) {
    return proofs.verify(proof);
  }
}
