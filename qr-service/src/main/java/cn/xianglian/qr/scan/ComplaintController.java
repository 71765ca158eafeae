package cn.xianglian.qr.scan;

import java.time.Clock;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 投诉: the form linked from the consumer page and its submission, stored for the regulator (no
 * login; the contact field is optional and free text, at most 100 characters).
 */
@Controller
class ComplaintController {

  static final Set<String> CATEGORIES = Set.of("COUNTERFEIT", "QUALITY", "LABEL", "OTHER");

  private final ScanStore store;
  private final Clock clock;

  ComplaintController(ScanStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @GetMapping("/complaint")
  String form(@RequestParam(defaultValue = "") String code, Model model) {
    model.addAttribute("code", code.length() > 200 ? code.substring(0, 200) : code);
    return "complaint";
  }

  @PostMapping("/complaint")
  String submit(
      @RequestParam(defaultValue = "") String code,
      @RequestParam(defaultValue = "OTHER") String category,
      @RequestParam(defaultValue = "") String text,
      @RequestParam(defaultValue = "") String contact,
      Model model) {
    if (code.isBlank()
        || code.length() > 200
        || !CATEGORIES.contains(category)
        || text.isBlank()
        || text.length() > 1000
        || contact.length() > 100) {
      model.addAttribute("code", code.length() > 200 ? "" : code);
      model.addAttribute("error", "请填写问题描述（最多 1000 字）");
      return "complaint";
    }
    store.addComplaint(
        new ScanStore.Complaint(
            clock.instant(), code, null, category, text, contact.isBlank() ? null : contact));
    return "complaint-thanks";
  }
}
