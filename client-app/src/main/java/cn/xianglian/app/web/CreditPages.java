package cn.xianglian.app.web;

import cn.xianglian.app.credit.CreditFacts;
import cn.xianglian.app.credit.CreditScore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Producer credit (信用) pages: the list of producers in the user's region with their scores (county
 * oversight and township staff), and one producer's score with every point explained (the same
 * users, or the producer itself).
 */
@Controller
class CreditPages {

  private final PageUsers users;
  private final CreditFacts facts;
  private final AccessLog log;

  CreditPages(PageUsers users, CreditFacts facts, AccessLog log) {
    this.users = users;
    this.facts = facts;
    this.log = log;
  }

  @GetMapping("/web/credit")
  String list(Model model) {
    PageUser user = users.require();
    if (!oversight(user)) {
      throw new PageException(HttpStatus.FORBIDDEN, "page.denied");
    }
    var rows = new java.util.ArrayList<Map<String, Object>>();
    for (Map<String, Object> producer : facts.producers(user.scope())) {
      CreditScore.Result result = CreditScore.of(facts.of((String) producer.get("PRODUCER_ID")));
      var row = new LinkedHashMap<String, Object>(producer);
      row.put("SCORE", result.score());
      row.put("GRADE", result.grade());
      rows.add(row);
    }
    model.addAttribute("user", user);
    model.addAttribute("rows", rows);
    log.read(user.username(), "/web/credit", "producers", user.scope());
    return "credit-list";
  }

  @GetMapping("/web/credit/{producerId}")
  String producer(@PathVariable String producerId, Model model) {
    PageUser user = users.require();
    if (!facts.exists(producerId)) {
      throw new PageException(HttpStatus.NOT_FOUND, "page.notFound");
    }
    boolean own = user.producer() && producerId.equals(user.party());
    String region = facts.regionOf(producerId);
    boolean inScope = oversight(user) && region != null && region.startsWith(user.scope());
    if (!own && !inScope) {
      throw new PageException(HttpStatus.FORBIDDEN, "page.denied");
    }
    CreditScore.Result result = CreditScore.of(facts.of(producerId));
    model.addAttribute("user", user);
    model.addAttribute("producerId", producerId);
    model.addAttribute("result", result);
    model.addAttribute("base", CreditScore.BASE);
    model.addAttribute("lines", List.copyOf(result.lines()));
    log.read(user.username(), "/web/credit/" + producerId, "producer", producerId);
    return "credit";
  }

  private static boolean oversight(PageUser user) {
    return user.countyOversight() || ("township".equals(user.role()) && user.region() != null);
  }
}
