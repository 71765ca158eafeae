package cn.xianglian.app.party;

import static cn.xianglian.app.party.PartyRequests.DATE;
import static cn.xianglian.app.party.PartyRequests.ID;
import static cn.xianglian.app.party.PartyRequests.MONTH;
import static cn.xianglian.app.party.PartyRequests.REGION;

import cn.xianglian.app.identity.CallerIdentities;
import cn.xianglian.app.producer.PersonalDataSalts;
import cn.xianglian.app.system.Committed;
import cn.xianglian.app.system.TraceLedger;
import cn.xianglian.ledger.Identity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Party affairs (党务): the county's rules, organisations, members and the 发展党员 pipeline, 三会一课 and
 * overdue detection, 党费 and arrears, 民主评议, 积分 and 党务公开. Commands sign as the logged-in user; rules,
 * organisations and publications are public reads (anonymous readers see only published 党外 items, a
 * logged-in 党员 also the 党内 items of their organisations); members, meetings, dues and points are
 * read as the logged-in user (401 when anonymous) and the contract decides who may see them.
 */
@RestController
@Validated
@RequestMapping("/api/v1/party")
@Tag(name = "party", description = "党务 — organisations, members, 三会一课, 党费, 积分, 党务公开")
class PartyController {

  /** The contract name on the chaincode. */
  static final String CONTRACT = "party";

  /** The transient keys of a member's personal data and its salt. */
  static final String MEMBER = "member";

  static final String MEMBER_SALT = "member.salt";

  private final TraceLedger ledger;
  private final CallerIdentities callers;
  private final PersonalDataSalts salts;

  PartyController(TraceLedger ledger, CallerIdentities callers, PersonalDataSalts salts) {
    this.ledger = ledger;
    this.callers = callers;
    this.salts = salts;
  }

  // Rules (county)

  @PostMapping("/rules")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "定义党务规则 — the next version of the county's party rules (county)",
      security = @SecurityRequirement(name = "basic"))
  Committed<JsonNode> defineRules(@Valid @RequestBody PartyRequests.DefineRules request) {
    return submit("defineRules", request);
  }

  @GetMapping("/rules/{county}")
  @Operation(summary = "党务规则 — the rules in force on a date, a version, or the latest (public)")
  JsonNode rules(
      @PathVariable @Pattern(regexp = REGION) String county,
      @RequestParam(required = false) @Pattern(regexp = DATE) String date,
      @RequestParam(required = false) @Min(1) Integer version) {
    return evaluate(
        callers.reader(), "getRules", args("county", county, "date", date, "version", version));
  }

  // Organisations

  @PostMapping("/organisations")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "登记党组织 — a 党委 / 党总支 / 党支部 under its parent (county or upper 党组织)",
      security = @SecurityRequirement(name = "basic"))
  Committed<JsonNode> registerOrganisation(
      @Valid @RequestBody PartyRequests.RegisterOrganisation request) {
    return submit("registerOrganisation", request);
  }

  @GetMapping("/organisations/{orgId}")
  @Operation(summary = "党组织 — an organisation (public)")
  JsonNode organisation(@PathVariable @Pattern(regexp = ID) String orgId) {
    return evaluate(callers.reader(), "getOrganisation", orgId);
  }

  @GetMapping("/organisations")
  @Operation(summary = "党组织列表 — the organisations in a region (public)")
  JsonNode organisations(@RequestParam @Pattern(regexp = REGION) String region) {
    return evaluate(callers.reader(), "listOrganisations", args("region", region));
  }

  @GetMapping("/organisations/{orgId}/children")
  @Operation(summary = "下级党组织 — the organisations directly below one (public)")
  JsonNode children(@PathVariable @Pattern(regexp = ID) String orgId) {
    return evaluate(callers.reader(), "listChildren", orgId);
  }

  // Members and the pipeline

  @PostMapping("/members")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "登记党员 / 入党申请人 — name, phone and ID number stay in private data (党支部)",
      security = @SecurityRequirement(name = "basic"))
  Committed<JsonNode> registerMember(@Valid @RequestBody PartyRequests.RegisterMember request) {
    return ledger.submitTo(
        CONTRACT,
        callers.writer(),
        "registerMember",
        request.command(),
        Map.of(MEMBER, request.person(), MEMBER_SALT, memberSalt(salts, request.memberId())));
  }

  @GetMapping("/members/{memberId}")
  @Operation(
      summary = "党员 — a member, pseudonymous (党组织, county, township, auditor, the member)",
      security = @SecurityRequirement(name = "basic"))
  JsonNode member(@PathVariable @Pattern(regexp = ID) String memberId) {
    return evaluate(callers.writer(), "getMember", memberId);
  }

  @GetMapping("/organisations/{orgId}/members")
  @Operation(
      summary = "党员名册 — the members of a 党支部 (its 党组织 and those above, staff)",
      security = @SecurityRequirement(name = "basic"))
  JsonNode members(@PathVariable @Pattern(regexp = ID) String orgId) {
    return evaluate(callers.writer(), "listMembers", orgId);
  }

  @PostMapping("/members/{memberId}/stages")
  @Operation(
      summary = "发展党员 — the next stage; 预备党员 and 转正 by an upper 党委",
      security = @SecurityRequirement(name = "basic"))
  Committed<JsonNode> advance(
      @PathVariable @Pattern(regexp = ID) String memberId,
      @Valid @RequestBody PartyRequests.AdvanceMember request) {
    return submit(
        "advanceMember",
        args(
            "memberId",
            memberId,
            "stage",
            request.stage(),
            "date",
            request.date(),
            "sponsors",
            request.sponsors(),
            "minutesSha256",
            request.minutesSha256()));
  }

  // Meetings

  @PostMapping("/meetings")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "三会一课 / 主题党日 — record a meeting with its attendance (党组织)",
      security = @SecurityRequirement(name = "basic"))
  Committed<JsonNode> recordMeeting(@Valid @RequestBody PartyRequests.RecordMeeting request) {
    return submit("recordMeeting", request);
  }

  @GetMapping("/meetings/{meetingId}")
  @Operation(summary = "会议记录 — a meeting (staff)", security = @SecurityRequirement(name = "basic"))
  JsonNode meeting(@PathVariable @Pattern(regexp = ID) String meetingId) {
    return evaluate(callers.writer(), "getMeeting", meetingId);
  }

  @GetMapping("/organisations/{orgId}/meetings")
  @Operation(
      summary = "会议列表 — an organisation's meetings of a year (staff)",
      security = @SecurityRequirement(name = "basic"))
  JsonNode meetings(
      @PathVariable @Pattern(regexp = ID) String orgId,
      @RequestParam @Min(1921) @Max(9999) int year) {
    return evaluate(callers.writer(), "listMeetings", args("orgId", orgId, "year", year));
  }

  @GetMapping("/organisations/{orgId}/overdue-meetings")
  @Operation(
      summary = "逾期未开会议 — required meetings missing in periods ended by asOf (staff)",
      security = @SecurityRequirement(name = "basic"))
  JsonNode overdue(
      @PathVariable @Pattern(regexp = ID) String orgId,
      @RequestParam @Pattern(regexp = DATE) String asOf,
      @RequestParam(required = false) @Pattern(regexp = DATE) String from) {
    return evaluate(
        callers.writer(), "overdueMeetings", args("orgId", orgId, "asOf", asOf, "from", from));
  }

  // Dues, evaluations, points

  @PostMapping("/dues")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "交纳党费 — one month of a member, checked against the rules (党组织)",
      security = @SecurityRequirement(name = "basic"))
  Committed<JsonNode> payDues(@Valid @RequestBody PartyRequests.PayDues request) {
    return submit("payDues", request);
  }

  @GetMapping("/members/{memberId}/dues")
  @Operation(
      summary = "党费记录 — a member's dues of a year (staff, or the member)",
      security = @SecurityRequirement(name = "basic"))
  JsonNode dues(
      @PathVariable @Pattern(regexp = ID) String memberId,
      @RequestParam @Min(1921) @Max(9999) int year) {
    return evaluate(callers.writer(), "listDues", args("memberId", memberId, "year", year));
  }

  @GetMapping("/organisations/{orgId}/arrears")
  @Operation(
      summary = "欠缴党费 — unpaid months (from a month) through a month; six in a row is lapsed",
      security = @SecurityRequirement(name = "basic"))
  JsonNode arrears(
      @PathVariable @Pattern(regexp = ID) String orgId,
      @RequestParam @Pattern(regexp = MONTH) String through,
      @RequestParam(required = false) @Pattern(regexp = MONTH) String from) {
    return evaluate(
        callers.writer(), "duesArrears", args("orgId", orgId, "through", through, "from", from));
  }

  @PostMapping("/evaluations")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "民主评议 — a member's grade for a year (党组织)",
      security = @SecurityRequirement(name = "basic"))
  Committed<JsonNode> recordEvaluation(@Valid @RequestBody PartyRequests.RecordEvaluation request) {
    return submit("recordEvaluation", request);
  }

  @GetMapping("/organisations/{orgId}/evaluations")
  @Operation(
      summary = "民主评议结果 — an organisation's grades of a year (staff)",
      security = @SecurityRequirement(name = "basic"))
  JsonNode evaluations(
      @PathVariable @Pattern(regexp = ID) String orgId,
      @RequestParam @Min(1921) @Max(9999) int year) {
    return evaluate(callers.writer(), "listEvaluations", args("orgId", orgId, "year", year));
  }

  @PostMapping("/awards")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "积分奖励 — points under an award rule (党组织)",
      security = @SecurityRequirement(name = "basic"))
  Committed<JsonNode> awardPoints(@Valid @RequestBody PartyRequests.AwardPoints request) {
    return submit("awardPoints", request);
  }

  @GetMapping("/members/{memberId}/points")
  @Operation(
      summary = "党员积分 — a member's points of a year, line by line (staff, or the member)",
      security = @SecurityRequirement(name = "basic"))
  JsonNode points(
      @PathVariable @Pattern(regexp = ID) String memberId,
      @RequestParam @Min(1921) @Max(9999) int year) {
    return evaluate(callers.writer(), "memberPoints", args("memberId", memberId, "year", year));
  }

  // 党务公开

  @PostMapping("/publications")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "提交党务公开 — an item for review by the upper organisation (党组织)",
      security = @SecurityRequirement(name = "basic"))
  Committed<JsonNode> submitPublication(
      @Valid @RequestBody PartyRequests.SubmitPublication request) {
    return submit("submitPublication", request);
  }

  @PostMapping("/publications/{publicationId}/review")
  @Operation(
      summary = "审核党务公开 — PENDING → PUBLISHED or REJECTED, final (upper 党组织; county)",
      security = @SecurityRequirement(name = "basic"))
  Committed<JsonNode> review(
      @PathVariable @Pattern(regexp = ID) String publicationId,
      @Valid @RequestBody PartyRequests.ReviewPublication request) {
    return submit(
        "reviewPublication",
        args(
            "publicationId",
            publicationId,
            "approve",
            request.approve(),
            "reason",
            request.reason()));
  }

  @GetMapping("/publications/{publicationId}")
  @Operation(summary = "党务公开 — an item; 党内 items only for members (403 otherwise)")
  JsonNode publication(@PathVariable @Pattern(regexp = ID) String publicationId) {
    return evaluate(callers.reader(), "getPublication", publicationId);
  }

  @GetMapping("/organisations/{orgId}/publications")
  @Operation(summary = "党务公开列表 — the items of an organisation the caller may read")
  JsonNode publications(@PathVariable @Pattern(regexp = ID) String orgId) {
    return evaluate(callers.reader(), "listPublications", orgId);
  }

  /**
   * The salt of a member's personal-data hash: the application's personal-data salt of {@code
   * party-member/<memberId>}, the same on every retry, so a resubmitted registration has the same
   * content and the contract returns the existing member.
   */
  static byte[] memberSalt(PersonalDataSalts salts, String memberId) {
    return salts.saltFor("party-member/" + memberId);
  }

  private Committed<JsonNode> submit(String transaction, Object argument) {
    return ledger.submitTo(CONTRACT, callers.writer(), transaction, argument, Map.of());
  }

  private JsonNode evaluate(Identity caller, String transaction, Object argument) {
    return ledger.evaluateIn(CONTRACT, caller, transaction, argument);
  }

  /** A query or command object from name/value pairs; null values are left out. */
  private static Map<String, Object> args(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        map.put((String) pairs[i], pairs[i + 1]);
      }
    }
    return map;
  }
}
