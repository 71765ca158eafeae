package cn.xianglian.app.web;

import cn.xianglian.app.identity.CallerIdentities;
import cn.xianglian.app.system.Committed;
import cn.xianglian.app.system.TraceLedger;
import cn.xianglian.ledger.LedgerException;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * The producer's pages: "my batches" (only the batches of the user's own producer id) and the
 * register-batch form, submitted as the user's wallet identity. Producers only.
 */
@Controller
class ProducerPages {

  private final PageUsers users;
  private final PageQueries queries;
  private final AccessLog log;
  private final TraceLedger ledger;
  private final CallerIdentities callers;
  private final MessageSource messages;

  ProducerPages(
      PageUsers users,
      PageQueries queries,
      AccessLog log,
      TraceLedger ledger,
      CallerIdentities callers,
      MessageSource messages) {
    this.users = users;
    this.queries = queries;
    this.log = log;
    this.ledger = ledger;
    this.callers = callers;
    this.messages = messages;
  }

  @GetMapping("/web/my/batches")
  String myBatches(Model model) {
    PageUser user = producer();
    model.addAttribute("user", user);
    model.addAttribute("batches", queries.batchesOf(user.party()));
    log.read(user.username(), "/web/my/batches", "producer", user.party());
    return "my-batches";
  }

  @GetMapping("/web/my/batches/new")
  String form(Model model) {
    model.addAttribute("user", producer());
    model.addAttribute("form", new BatchForm());
    return "batch-form";
  }

  @PostMapping("/web/my/batches")
  String register(
      @Valid @ModelAttribute("form") BatchForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    PageUser user = producer();
    model.addAttribute("user", user);
    if (errors.hasErrors()) {
      return "batch-form";
    }
    var argument = new LinkedHashMap<String, Object>();
    argument.put("batchId", form.getBatchId());
    argument.put("producerId", user.party());
    argument.put(
        "product",
        Map.of(
            "code", form.getProductCode(),
            "name", form.getProductName(),
            "category", form.getCategory()));
    argument.put("quantity", Map.of("amount", form.getAmount(), "uom", form.getUom()));
    argument.put("origin", Map.of("region", user.region(), "site", form.getSite()));
    argument.put("productionType", form.getProductionType());
    argument.put(
        "producedAt", TraceLedger.format(form.getProducedAt().atOffset(TraceLedger.CHINA)));
    try {
      Committed<JsonNode> committed = ledger.submit(callers.writer(), "createBatch", argument);
      redirect.addFlashAttribute("registered", form.getBatchId());
      redirect.addFlashAttribute("txId", committed.transaction().txId());
      redirect.addFlashAttribute("blockNumber", committed.transaction().blockNumber());
      return "redirect:/web/my/batches";
    } catch (LedgerException e) {
      String code = e.errorCode().orElse("UNKNOWN");
      errors.reject(
          "error." + code,
          messages.getMessage(
              "error." + code, new Object[] {""}, code, LocaleContextHolder.getLocale()));
      return "batch-form";
    }
  }

  private PageUser producer() {
    PageUser user = users.require();
    if (!user.producer() || user.party() == null) {
      throw new PageException(HttpStatus.FORBIDDEN, "page.denied");
    }
    return user;
  }
}
