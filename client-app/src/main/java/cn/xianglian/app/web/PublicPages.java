package cn.xianglian.app.web;

import cn.xianglian.app.identity.CallerIdentities;
import cn.xianglian.app.integrity.RecordVerifier;
import cn.xianglian.app.integrity.Verification;
import cn.xianglian.app.projection.ReadModel;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Public pages, no login: a batch's history from the projection with a "在账本上核验" proof link on every
 * record, and the verification page that checks a record against the ledger.
 */
@Controller
class PublicPages {

  private final PageQueries queries;
  private final RecordVerifier verifier;
  private final AccessLog log;

  PublicPages(PageQueries queries, RecordVerifier verifier, AccessLog log) {
    this.queries = queries;
    this.verifier = verifier;
    this.log = log;
  }

  @GetMapping("/public/batches/{batchId}")
  String batch(@PathVariable String batchId, Model model) {
    var batch =
        queries
            .batch(batchId)
            .orElseThrow(() -> new PageException(HttpStatus.NOT_FOUND, "page.notFound"));
    model.addAttribute("batch", batch);
    model.addAttribute("events", queries.eventsOf(batchId));
    log.read(CallerIdentities.currentUser().orElse(null), "/public/batches", "batch", batchId);
    return "public-batch";
  }

  @GetMapping("/public/verify/{type}/{id}")
  String verify(@PathVariable String type, @PathVariable String id, Model model) {
    ReadModel table =
        ReadModel.byName(type)
            .orElseThrow(() -> new PageException(HttpStatus.NOT_FOUND, "page.notFound"));
    Verification verification =
        verifier
            .verify(table, id)
            .orElseThrow(() -> new PageException(HttpStatus.NOT_FOUND, "page.notFound"));
    model.addAttribute("v", verification);
    log.read(CallerIdentities.currentUser().orElse(null), "/public/verify", type, id);
    return "verify";
  }
}
