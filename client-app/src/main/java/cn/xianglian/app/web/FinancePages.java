package cn.xianglian.app.web;

import cn.xianglian.app.identity.CallerIdentities;
import cn.xianglian.app.projection.BlockProjector;
import cn.xianglian.app.system.Committed;
import cn.xianglian.app.system.TraceLedger;
import cn.xianglian.ledger.LedgerException;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * The finance pages (三资, 阳光村务):
 *
 * <ul>
 *   <li>oversight (county auditor, regulator, county officer, township 农经站), within the user's
 *       region: the cross-village overview (vouchers, approvals, anomalies, late disclosures,
 *       objections), every figure a link to its vouchers or records and from there to the ledger
 *       transactions (tx id, block) and the proof;
 *   <li>the village committee (role {@code village}, its own village): publish a disclosure and
 *       answer objections, submitted through the finance contract as the user's identity;
 *   <li>public, no login: a village's published disclosures, contracts and assets, each with its
 *       "verify on the ledger" proof; the disclosure text is re-hashed against the ledger's hash.
 * </ul>
 */
@Controller
class FinancePages {

  private static final String VILLAGE = "\\d{12}";

  private final PageUsers users;
  private final FinanceQueries queries;
  private final AccessLog log;
  private final TraceLedger ledger;
  private final CallerIdentities callers;
  private final MessageSource messages;
  private final String catalogueId;

  FinancePages(
      PageUsers users,
      FinanceQueries queries,
      AccessLog log,
      TraceLedger ledger,
      CallerIdentities callers,
      MessageSource messages,
      @org.springframework.beans.factory.annotation.Value(
              "${xl.finance.disclosure-catalogue:XF-SANWU}")
          String catalogueId) {
    this.users = users;
    this.queries = queries;
    this.log = log;
    this.ledger = ledger;
    this.callers = callers;
    this.messages = messages;
    this.catalogueId = catalogueId;
  }

  // --- oversight ----------------------------------------------------------------------------

  @GetMapping("/web/finance")
  String overview(Model model) {
    PageUser user = oversight();
    model.addAttribute("user", user);
    model.addAttribute("figures", queries.overview(user.scope()));
    log.read(user.username(), "/web/finance", "overview", user.scope());
    return "finance-overview";
  }

  @GetMapping("/web/finance/vouchers")
  String vouchers(
      @RequestParam String village, @RequestParam(required = false) String step, Model model) {
    PageUser user = oversight();
    requireVillageInScope(user, village);
    if (step != null && !step.matches("APPROVED|REJECTED|POSTED|SUBMITTED")) {
      throw new PageException(HttpStatus.NOT_FOUND, "page.notFound");
    }
    model.addAttribute("user", user);
    model.addAttribute("village", village);
    model.addAttribute("step", step);
    model.addAttribute("rows", queries.vouchers(village, step));
    log.read(user.username(), "/web/finance/vouchers", "village", village);
    return "finance-vouchers";
  }

  @GetMapping("/web/finance/vouchers/{voucherId}")
  String voucher(@PathVariable String voucherId, Model model) {
    PageUser user = oversight();
    Map<String, Object> voucher =
        queries
            .voucher(voucherId)
            .orElseThrow(() -> new PageException(HttpStatus.NOT_FOUND, "page.notFound"));
    requireVillageInScope(user, (String) voucher.get("VILLAGE"));
    model.addAttribute("user", user);
    model.addAttribute("v", voucher);
    model.addAttribute("lines", queries.lines(voucherId));
    model.addAttribute("steps", queries.steps(voucherId));
    log.read(user.username(), "/web/finance/vouchers/" + voucherId, "voucher", voucherId);
    return "finance-voucher";
  }

  @GetMapping("/web/finance/anomalies")
  String anomalies(@RequestParam String village, Model model) {
    PageUser user = oversight();
    requireVillageInScope(user, village);
    model.addAttribute("user", user);
    model.addAttribute("village", village);
    model.addAttribute("rows", queries.anomalies(village));
    log.read(user.username(), "/web/finance/anomalies", "village", village);
    return "finance-anomalies";
  }

  @GetMapping("/web/finance/publications")
  String publications(
      @RequestParam String village,
      @RequestParam(defaultValue = "false") boolean late,
      Model model) {
    PageUser user = oversight();
    requireVillageInScope(user, village);
    model.addAttribute("user", user);
    model.addAttribute("village", village);
    model.addAttribute("late", late);
    model.addAttribute("rows", withContentCheck(queries.publications(village, late)));
    log.read(user.username(), "/web/finance/publications", "village", village);
    return "finance-publications";
  }

  @GetMapping("/web/finance/objections")
  String objections(@RequestParam String village, Model model) {
    PageUser user = oversight();
    requireVillageInScope(user, village);
    model.addAttribute("user", user);
    model.addAttribute("village", village);
    model.addAttribute("rows", queries.objections(village));
    log.read(user.username(), "/web/finance/objections", "village", village);
    return "finance-objections";
  }

  // --- the village committee ----------------------------------------------------------------

  @GetMapping("/web/village")
  String village(Model model) {
    PageUser user = villageCommittee();
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", new DisclosureForm());
    }
    fillVillage(user, model);
    log.read(user.username(), "/web/village", "village", user.region());
    return "village";
  }

  @PostMapping("/web/village/publications")
  String publish(
      @Valid @ModelAttribute("form") DisclosureForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    PageUser user = villageCommittee();
    if (errors.hasErrors()) {
      fillVillage(user, model);
      return "village";
    }
    String sha256 = BlockProjector.sha256(form.getContent().getBytes(StandardCharsets.UTF_8));
    var argument = new LinkedHashMap<String, Object>();
    argument.put("publicationId", form.getPublicationId());
    argument.put("village", user.region());
    argument.put("catalogueId", catalogueId);
    argument.put("itemCode", form.getItemCode());
    argument.put("period", form.getPeriod());
    argument.put("title", form.getTitle());
    argument.put("contentSha256", sha256);
    try {
      Committed<JsonNode> committed =
          ledger.submitTo("finance", callers.writer(), "publishDisclosure", argument, Map.of());
      // The text stays off the ledger; the public page re-hashes it against contentSha256.
      queries.storeContent(form.getPublicationId(), form.getContent(), sha256);
      redirect.addFlashAttribute("published", form.getPublicationId());
      redirect.addFlashAttribute("txId", committed.transaction().txId());
      redirect.addFlashAttribute("blockNumber", committed.transaction().blockNumber());
      return "redirect:/web/village";
    } catch (LedgerException e) {
      errors.reject("error", ledgerMessage(e));
      fillVillage(user, model);
      return "village";
    }
  }

  @PostMapping("/web/village/objections/{objectionId}/answer")
  String answer(
      @PathVariable String objectionId,
      @Valid @ModelAttribute("answerForm") AnswerForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    PageUser user = villageCommittee();
    Map<String, Object> objection =
        queries
            .objection(objectionId)
            .orElseThrow(() -> new PageException(HttpStatus.NOT_FOUND, "page.notFound"));
    if (!user.region().equals(objection.get("VILLAGE"))) {
      throw new PageException(HttpStatus.FORBIDDEN, "page.denied");
    }
    if (errors.hasErrors()) {
      model.addAttribute("form", new DisclosureForm());
      model.addAttribute("answerError", errors.getFieldError("answer").getDefaultMessage());
      model.addAttribute("answerFor", objectionId);
      fillVillage(user, model);
      return "village";
    }
    try {
      Committed<JsonNode> committed =
          ledger.submitTo(
              "finance",
              callers.writer(),
              "answerObjection",
              Map.of("objectionId", objectionId, "answer", form.getAnswer()),
              Map.of());
      redirect.addFlashAttribute("answered", objectionId);
      redirect.addFlashAttribute("txId", committed.transaction().txId());
      redirect.addFlashAttribute("blockNumber", committed.transaction().blockNumber());
      return "redirect:/web/village";
    } catch (LedgerException e) {
      model.addAttribute("form", new DisclosureForm());
      model.addAttribute("answerError", ledgerMessage(e));
      model.addAttribute("answerFor", objectionId);
      fillVillage(user, model);
      return "village";
    }
  }

  // --- public -------------------------------------------------------------------------------

  @GetMapping("/public/villages/{village}")
  String publicVillage(@PathVariable String village, Model model) {
    if (!village.matches(VILLAGE) || !queries.knows(village)) {
      throw new PageException(HttpStatus.NOT_FOUND, "page.notFound");
    }
    model.addAttribute("village", village);
    model.addAttribute("publications", withContentCheck(queries.publications(village, false)));
    model.addAttribute("contracts", queries.contracts(village));
    model.addAttribute("assets", queries.assets(village));
    log.read(CallerIdentities.currentUser().orElse(null), "/public/villages", "village", village);
    return "public-village";
  }

  // --- helpers ------------------------------------------------------------------------------

  private void fillVillage(PageUser user, Model model) {
    model.addAttribute("user", user);
    model.addAttribute("village", user.region());
    model.addAttribute("items", catalogueItems());
    model.addAttribute(
        "publications", withContentCheck(queries.publications(user.region(), false)));
    model.addAttribute("objections", queries.objections(user.region()));
    if (!model.containsAttribute("answerForm")) {
      model.addAttribute("answerForm", new AnswerForm());
    }
  }

  /** The catalogue's items as {code, name}, read from the ledger as the user; empty if unknown. */
  private List<Map<String, String>> catalogueItems() {
    var items = new ArrayList<Map<String, String>>();
    try {
      JsonNode catalogue =
          ledger.evaluateIn(
              "finance",
              callers.writer(),
              "getCatalogue",
              Map.of("county", CallerIdentities.COUNTY_REGION, "catalogueId", catalogueId));
      for (JsonNode category : catalogue.path("categories")) {
        for (JsonNode item : category.path("items")) {
          items.add(
              Map.of(
                  "code",
                  item.path("code").asString(),
                  "name",
                  category.path("name").asString() + " · " + item.path("name").asString()));
        }
      }
    } catch (LedgerException e) {
      // No catalogue on the ledger yet: the form asks for the item code as text.
    }
    return items;
  }

  /** Adds CONTENT_STATUS: MATCHES / DIFFERS (the text does not hash to the ledger's) / NONE. */
  private static List<Map<String, Object>> withContentCheck(List<Map<String, Object>> rows) {
    for (Map<String, Object> row : rows) {
      Object content = row.get("CONTENT");
      if (content == null) {
        row.put("CONTENT_STATUS", "NONE");
      } else {
        String text = content instanceof java.sql.Clob clob ? read(clob) : content.toString();
        row.put("CONTENT", text);
        String sha = BlockProjector.sha256(text.getBytes(StandardCharsets.UTF_8));
        row.put("CONTENT_STATUS", sha.equals(row.get("CONTENT_SHA256")) ? "MATCHES" : "DIFFERS");
      }
    }
    return rows;
  }

  private static String read(java.sql.Clob clob) {
    try {
      return clob.getSubString(1, (int) clob.length());
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private String ledgerMessage(LedgerException e) {
    String code = e.errorCode().orElse("UNKNOWN");
    return messages.getMessage(
        "error." + code, new Object[] {""}, code, LocaleContextHolder.getLocale());
  }

  /** Auditors, regulators and county officers of the county, and township 农经站 staff. */
  private PageUser oversight() {
    PageUser user = users.require();
    boolean township = "township".equals(user.role()) && user.region() != null;
    if (!user.countyOversight() && !township) {
      throw new PageException(HttpStatus.FORBIDDEN, "page.denied");
    }
    return user;
  }

  private PageUser villageCommittee() {
    PageUser user = users.require();
    if (!"village".equals(user.role()) || user.region() == null) {
      throw new PageException(HttpStatus.FORBIDDEN, "page.denied");
    }
    return user;
  }

  private static void requireVillageInScope(PageUser user, String village) {
    if (village == null || !village.matches(VILLAGE)) {
      throw new PageException(HttpStatus.NOT_FOUND, "page.notFound");
    }
    if (!village.startsWith(user.scope())) {
      throw new PageException(HttpStatus.FORBIDDEN, "page.denied");
    }
  }
}
