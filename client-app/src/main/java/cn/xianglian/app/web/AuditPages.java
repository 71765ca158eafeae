package cn.xianglian.app.web;

import java.util.Arrays;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The county overview of traceability (审计 / 纪委监委 / 农业农村局): per township the batches, recalls, risk
 * warnings and events, each figure a link to its records with their ledger transaction (tx id,
 * block) and a proof link. Only county-level auditors, regulators and county officers; townships
 * outside the user's region are 403.
 */
@Controller
class AuditPages {

  private final PageUsers users;
  private final PageQueries queries;
  private final AccessLog log;

  AuditPages(PageUsers users, PageQueries queries, AccessLog log) {
    this.users = users;
    this.queries = queries;
    this.log = log;
  }

  /** The landing page after login: the user's own pages. */
  @GetMapping("/web")
  String home() {
    PageUser user = users.require();
    if (user.countyOversight()) {
      return "redirect:/web/audit";
    }
    if (user.producer()) {
      return "redirect:/web/my/batches";
    }
    if ("village".equals(user.role())) {
      return "redirect:/web/village";
    }
    if ("township".equals(user.role())) {
      return "redirect:/web/finance";
    }
    throw new PageException(HttpStatus.FORBIDDEN, "page.denied");
  }

  @GetMapping("/web/audit")
  String overview(Model model) {
    PageUser user = oversight();
    model.addAttribute("user", user);
    model.addAttribute("figures", queries.overview(user.scope()));
    log.read(user.username(), "/web/audit", "overview", user.scope());
    return "audit";
  }

  @GetMapping("/web/audit/{kind}")
  String drill(@PathVariable String kind, @RequestParam String township, Model model) {
    PageUser user = oversight();
    PageQueries.Kind k =
        Arrays.stream(PageQueries.Kind.values())
            .filter(v -> v.name().equals(kind.toUpperCase(Locale.ROOT)))
            .findFirst()
            .orElseThrow(() -> new PageException(HttpStatus.NOT_FOUND, "page.notFound"));
    if (!township.matches("\\d{12}")) {
      throw new PageException(HttpStatus.NOT_FOUND, "page.notFound");
    }
    if (!township.startsWith(user.scope())) {
      throw new PageException(HttpStatus.FORBIDDEN, "page.denied");
    }
    model.addAttribute("user", user);
    model.addAttribute("kind", k.name().toLowerCase(Locale.ROOT));
    model.addAttribute("recordType", k.recordType);
    model.addAttribute("township", township);
    model.addAttribute("rows", queries.drill(k, township));
    log.read(user.username(), "/web/audit/" + kind, "township", township);
    return "audit-drill";
  }

  private PageUser oversight() {
    PageUser user = users.require();
    if (!user.countyOversight()) {
      throw new PageException(HttpStatus.FORBIDDEN, "page.denied");
    }
    return user;
  }
}
