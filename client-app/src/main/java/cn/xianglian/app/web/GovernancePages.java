package cn.xianglian.app.web;

import cn.xianglian.app.governance.GridFigures;
import cn.xianglian.app.governance.PartyFigures;
import cn.xianglian.app.system.TraceLedger;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The governance pages: 网格治理 (grid SLA per township and department, drilling to the events and from
 * an event to its steps and their ledger transactions) and 党务合规 (party-affairs compliance per
 * township and branch, drilling to a branch's meetings and members with their transactions), their
 * CSV / XLSX exports, and the public 党务公开 pages (published 党外 items only, no login).
 *
 * <p>Who sees what: county-level {@code auditor} and {@code county} users see the county; a {@code
 * township} user sees its own township (a code outside it is a 403 page); every other role is a 403
 * page. Ids that do not exist are the 404 page. Every read is written to the access log.
 */
@Controller
class GovernancePages {

  private static final Set<String> ROLES = Set.of("auditor", "county", "township");
  private static final String TOWNSHIP_CODE = "\\d{9}000";
  private static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

  private final PageUsers users;
  private final GridFigures grid;
  private final PartyFigures party;
  private final AccessLog log;
  private final Clock clock;

  GovernancePages(PageUsers users, GridFigures grid, PartyFigures party, AccessLog log) {
    this.users = users;
    this.grid = grid;
    this.party = party;
    this.log = log;
    this.clock = Clock.system(TraceLedger.CHINA);
  }

  // 网格治理

  @GetMapping("/web/governance/grid")
  String gridSla(Model model) {
    PageUser user = governance();
    long asOf = clock.instant().getEpochSecond();
    model.addAttribute("user", user);
    model.addAttribute("asOf", TraceLedger.format(clock.instant().atOffset(TraceLedger.CHINA)));
    model.addAttribute("townships", grid.sla(GridFigures.By.TOWNSHIP, user.scope(), asOf));
    model.addAttribute("departments", grid.sla(GridFigures.By.DEPARTMENT, user.scope(), asOf));
    log.read(user.username(), "/web/governance/grid", "gridSla", user.scope());
    return "governance-grid";
  }

  @GetMapping("/web/governance/grid/townships/{township}")
  String gridTownship(@PathVariable String township, Model model) {
    PageUser user = governance();
    inScope(user, township);
    model.addAttribute("user", user);
    model.addAttribute("groupKind", "township");
    model.addAttribute("groupKey", township);
    model.addAttribute("events", grid.events(GridFigures.By.TOWNSHIP, township, user.scope()));
    log.read(user.username(), "/web/governance/grid/townships", "township", township);
    return "governance-grid-events";
  }

  @GetMapping("/web/governance/grid/departments/{departmentId}")
  String gridDepartment(@PathVariable String departmentId, Model model) {
    PageUser user = governance();
    if (!departmentId.matches(ID) || !grid.departmentExists(departmentId)) {
      throw new PageException(HttpStatus.NOT_FOUND, "page.notFound");
    }
    model.addAttribute("user", user);
    model.addAttribute("groupKind", "department");
    model.addAttribute("groupKey", departmentId);
    model.addAttribute(
        "events", grid.events(GridFigures.By.DEPARTMENT, departmentId, user.scope()));
    log.read(user.username(), "/web/governance/grid/departments", "department", departmentId);
    return "governance-grid-events";
  }

  @GetMapping("/web/governance/grid/events/{eventId}")
  String gridEvent(@PathVariable String eventId, Model model) {
    PageUser user = governance();
    GridFigures.EventRow event =
        (eventId.matches(ID)
                ? grid.event(eventId)
                : java.util.Optional.<GridFigures.EventRow>empty())
            .orElseThrow(() -> new PageException(HttpStatus.NOT_FOUND, "page.notFound"));
    if (!event.village().startsWith(user.scope())) {
      throw new PageException(HttpStatus.FORBIDDEN, "page.denied");
    }
    model.addAttribute("user", user);
    model.addAttribute("event", event);
    model.addAttribute("steps", grid.steps(eventId));
    log.read(user.username(), "/web/governance/grid/events", "gridEvent", eventId);
    return "governance-grid-event";
  }

  // 党务合规

  @GetMapping("/web/governance/party")
  String partyCompliance(@RequestParam(required = false) String asOf, Model model) {
    PageUser user = governance();
    LocalDate day = asOf(asOf);
    model.addAttribute("user", user);
    model.addAttribute("asOf", day);
    model.addAttribute("windowMonths", PartyFigures.WINDOW_MONTHS);
    model.addAttribute("townships", party.townships(user.scope(), day));
    log.read(user.username(), "/web/governance/party", "partyCompliance", user.scope());
    return "governance-party";
  }

  @GetMapping("/web/governance/party/townships/{township}")
  String partyTownship(
      @PathVariable String township, @RequestParam(required = false) String asOf, Model model) {
    PageUser user = governance();
    inScope(user, township);
    LocalDate day = asOf(asOf);
    model.addAttribute("user", user);
    model.addAttribute("asOf", day);
    model.addAttribute("township", township);
    model.addAttribute("branches", party.branches(township.substring(0, 9), day));
    log.read(user.username(), "/web/governance/party/townships", "township", township);
    return "governance-party-township";
  }

  @GetMapping("/web/governance/party/branches/{orgId}")
  String partyBranch(
      @PathVariable String orgId, @RequestParam(required = false) String asOf, Model model) {
    PageUser user = governance();
    Map<String, Object> org =
        (orgId.matches(ID)
                ? party.organisation(orgId)
                : java.util.Optional.<Map<String, Object>>empty())
            .filter(o -> "BRANCH".equals(o.get("kind")))
            .orElseThrow(() -> new PageException(HttpStatus.NOT_FOUND, "page.notFound"));
    String region = (String) org.get("region");
    if (!region.startsWith(user.scope())) {
      throw new PageException(HttpStatus.FORBIDDEN, "page.denied");
    }
    LocalDate day = asOf(asOf);
    PartyFigures.Branch branch =
        party.branches(region, day).stream()
            .filter(b -> b.orgId().equals(orgId))
            .findFirst()
            .orElseThrow(() -> new PageException(HttpStatus.NOT_FOUND, "page.notFound"));
    model.addAttribute("user", user);
    model.addAttribute("asOf", day);
    model.addAttribute("branch", branch);
    model.addAttribute("meetings", party.meetings(orgId));
    model.addAttribute("members", party.members(orgId));
    log.read(user.username(), "/web/governance/party/branches", "partyOrg", orgId);
    return "governance-party-branch";
  }

  // Exports

  @GetMapping("/web/governance/export/{table}.{format}")
  void export(
      @PathVariable String table,
      @PathVariable String format,
      @RequestParam(required = false) String asOf,
      HttpServletResponse response)
      throws IOException {
    PageUser user = governance();
    if (!format.equals("csv") && !format.equals("xlsx")) {
      throw new PageException(HttpStatus.NOT_FOUND, "page.notFound");
    }
    List<List<?>> rows = new ArrayList<>();
    switch (table) {
      case "grid-sla-townships", "grid-sla-departments" -> {
        rows.add(
            List.of(
                table.endsWith("townships") ? "township" : "department_id",
                "name",
                "reported",
                "rejected",
                "handled",
                "handled_within_24h",
                "closed",
                "closed_on_time",
                "open_overdue",
                "escalated",
                "handled_rate_bp",
                "on_time_rate_bp",
                "within_24h_rate_bp"));
        var by = table.endsWith("townships") ? GridFigures.By.TOWNSHIP : GridFigures.By.DEPARTMENT;
        for (GridFigures.Sla s : grid.sla(by, user.scope(), clock.instant().getEpochSecond())) {
          rows.add(
              java.util.Arrays.asList(
                  s.key(),
                  s.label(),
                  s.reported(),
                  s.rejected(),
                  s.handled(),
                  s.handledWithin24h(),
                  s.closed(),
                  s.closedOnTime(),
                  s.openOverdue(),
                  s.escalated(),
                  s.handledRateBp(),
                  s.onTimeRateBp(),
                  s.within24hRateBp()));
        }
      }
      case "party-compliance" -> {
        rows.add(
            List.of(
                "township",
                "org_id",
                "branch",
                "members",
                "overdue_meetings",
                "overdue_periods",
                "members_in_arrears",
                "unpaid_months",
                "lapsed",
                "in_pipeline",
                "tx_id",
                "block_number"));
        for (PartyFigures.Branch b : party.branches(user.scope(), asOf(asOf))) {
          rows.add(
              List.of(
                  b.township(),
                  b.orgId(),
                  b.name(),
                  b.members(),
                  b.overdueCount(),
                  String.join(
                      " ",
                      b.overdueMeetings().stream().map(o -> o.type() + "@" + o.period()).toList()),
                  b.membersInArrears(),
                  b.unpaidMonths(),
                  b.lapsed(),
                  b.inPipeline(),
                  b.txId(),
                  b.blockNumber()));
        }
      }
      default -> throw new PageException(HttpStatus.NOT_FOUND, "page.notFound");
    }
    log.read(user.username(), "/web/governance/export/" + table + "." + format, table, null);
    response.setContentType(
        format.equals("csv")
            ? "text/csv;charset=UTF-8"
            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"xianglian-" + table + "." + format + "\"");
    try (TableWriter writer =
        format.equals("csv")
            ? TableWriter.csv(response.getOutputStream())
            : TableWriter.xlsx(response.getOutputStream(), table)) {
      rows.forEach(writer::row);
    }
  }

  // 党务公开 (public, no login)

  @GetMapping("/public/party")
  String publicParty(Model model) {
    model.addAttribute("user", users.current().orElse(null));
    model.addAttribute("items", party.publicItems("520122", null));
    model.addAttribute("org", null);
    log.read(null, "/public/party", "partyPublications", null);
    return "public-party";
  }

  @GetMapping("/public/party/{orgId}")
  String publicPartyOrg(@PathVariable String orgId, Model model) {
    Map<String, Object> org =
        (orgId.matches(ID)
                ? party.organisation(orgId)
                : java.util.Optional.<Map<String, Object>>empty())
            .orElseThrow(() -> new PageException(HttpStatus.NOT_FOUND, "page.notFound"));
    model.addAttribute("user", users.current().orElse(null));
    model.addAttribute("org", org);
    model.addAttribute("items", party.publicItems("", orgId));
    log.read(null, "/public/party", "partyOrg", orgId);
    return "public-party";
  }

  private PageUser governance() {
    PageUser user = users.require();
    if (!ROLES.contains(user.role()) || user.region() == null) {
      throw new PageException(HttpStatus.FORBIDDEN, "page.denied");
    }
    if (!"township".equals(user.role()) && !user.region().endsWith("000000")) {
      throw new PageException(HttpStatus.FORBIDDEN, "page.denied");
    }
    return user;
  }

  private static void inScope(PageUser user, String township) {
    if (!township.matches(TOWNSHIP_CODE)) {
      throw new PageException(HttpStatus.NOT_FOUND, "page.notFound");
    }
    if (!township.startsWith(user.scope())) {
      throw new PageException(HttpStatus.FORBIDDEN, "page.denied");
    }
  }

  private LocalDate asOf(String text) {
    if (text == null || text.isBlank()) {
      return LocalDate.now(clock);
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new PageException(HttpStatus.BAD_REQUEST, "page.governance.badDate");
    }
  }
}
