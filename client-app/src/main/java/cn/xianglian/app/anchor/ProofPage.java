package cn.xianglian.app.anchor;

import cn.xianglian.app.system.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The public proof page (公开锚定证明), no login: shows a proof document in an editable box and verifies
 * it in the browser — the leaf bytes and the Merkle path are recomputed with WebCrypto SHA-256, a
 * published record is hashed against the leaf's content hash, and the root is compared with the
 * anchor the EVM contract holds, which the server reads through its configured node ({@code GET
 * /api/v1/proofs/chain/blocks/{block}}). Editing the box shows what a tampered record, a wrong
 * proof or an unknown root looks like.
 */
@Controller
class ProofPage {

  /** Message keys the page's script needs, handed to it in the visitor's language. */
  private static final List<String> SCRIPT_MESSAGES =
      List.of(
          "VALID",
          "MALFORMED_PROOF",
          "CONTENT_MISMATCH",
          "LEAF_OUTSIDE_RANGE",
          "PATH_LENGTH_MISMATCH",
          "ROOT_MISMATCH",
          "ROOT_NOT_ANCHORED",
          "CHAIN_UNAVAILABLE",
          "step.parse",
          "step.content",
          "step.range",
          "step.path",
          "step.chain",
          "computedRoot",
          "chainRoot",
          "noCrypto");

  private final ProofDocuments proofs;
  private final MessageSource messages;

  ProofPage(ProofDocuments proofs, MessageSource messages) {
    this.proofs = proofs;
    this.messages = messages;
  }

  @GetMapping("/public/proofs/tx/{txId}")
  String transaction(@PathVariable String txId, Model model) {
    return page(model, "tx", txId, () -> proofs.transaction(txId));
  }

  @GetMapping("/public/proofs/publication/{publicationId}")
  String publication(@PathVariable String publicationId, Model model) {
    return page(model, "publication", publicationId, () -> proofs.publication(publicationId));
  }

  @GetMapping("/public/proofs/verify")
  String paste(Model model) {
    return page(model, "paste", "", () -> null);
  }

  private String page(
      Model model, String kind, String subject, java.util.function.Supplier<ObjectNode> proof) {
    model.addAttribute("kind", kind);
    model.addAttribute("subject", subject);
    model.addAttribute("enabled", proofs.enabled());
    model.addAttribute("msg", scriptMessages(LocaleContextHolder.getLocale()));
    String problem = null;
    String json = "";
    if (!proofs.enabled()) {
      problem = "page.proof.disabled";
    } else {
      try {
        ObjectNode document = proof.get();
        json = document == null ? "" : document.toPrettyString();
      } catch (ApiException e) {
        problem = "PROOF_NOT_FOUND".equals(e.code()) ? "page.proof.notAnchored" : null;
        if (problem == null) {
          throw e;
        }
      }
    }
    model.addAttribute("problem", problem);
    model.addAttribute("proofJson", json);
    return "public-proof";
  }

  private Map<String, String> scriptMessages(Locale locale) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String key : SCRIPT_MESSAGES) {
      map.put(key, messages.getMessage("page.proof.js." + key, null, locale));
    }
    return map;
  }
}
