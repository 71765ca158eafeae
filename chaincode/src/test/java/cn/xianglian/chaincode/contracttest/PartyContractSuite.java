package cn.xianglian.chaincode.contracttest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.xianglian.ledger.Identity;
import cn.xianglian.ledger.LedgerException;
import cn.xianglian.ledger.Proposal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code party} contract (党务) as clients see it, through {@code LedgerClient} only: every
 * transaction, transition and denial. Each rejection asserts the error code and that the state it
 * would have touched is unchanged. Every test builds its own county (rules, a county 党委, a township
 * 党委 and two village 党支部) with ids carrying a random run suffix, so the suite can run again against
 * a persistent network. Business dates are fixed in the past.
 */
public abstract class PartyContractSuite {

  static final String MSP = "CountyOrgMSP";
  static final String HASH_A = "a".repeat(64);
  static final String HASH_B = "b".repeat(64);
  static final String SALT = "0123456789abcdef-party-salt";

  private static final JsonMapper JSON = new JsonMapper();
  private static final String RUN = Long.toString(new Random().nextLong() & 0xffffffffL, 36);
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final AtomicInteger COUNTIES = new AtomicInteger(new Random().nextInt(9000));

  protected abstract TestNetwork network();

  String county;
  String township;
  String village;
  String otherVillage;
  Identity countyUser;
  Identity auditor;
  Identity villager;
  String countyCommittee;
  String townshipCommittee;
  Identity townshipOrg;
  String branch;
  Identity branchOrg;
  String otherBranch;
  Identity otherBranchOrg;
  String m1;
  String m2;
  String m3;
  String outsider;

  @BeforeEach
  void setUp() {
    county = newCounty();
    String county6 = county.substring(0, 6);
    township = county6 + "100000";
    village = county6 + "100201";
    otherVillage = county6 + "100202";
    countyUser = person("county", "county", county, "ZZB" + county6);
    auditor = person("auditor", "auditor", county, "AUDIT" + county6);
    villager = person("villager", "villager", village, "VILLAGER" + county6);
    submit(countyUser, "defineRules", rulesJson(county, 1, "2020-01-01"));
    countyCommittee = id("CC");
    submit(countyUser, "registerOrganisation", orgJson(countyCommittee, "COMMITTEE", county, null));
    townshipCommittee = id("TC");
    submit(
        countyUser,
        "registerOrganisation",
        orgJson(townshipCommittee, "COMMITTEE", township, countyCommittee));
    townshipOrg = person("township", "party_org", township, townshipCommittee);
    branch = id("BR");
    submit(
        townshipOrg, "registerOrganisation", orgJson(branch, "BRANCH", village, townshipCommittee));
    branchOrg = person("branch", "party_org", village, branch);
    otherBranch = id("BR");
    submit(
        townshipOrg,
        "registerOrganisation",
        orgJson(otherBranch, "BRANCH", otherVillage, townshipCommittee));
    otherBranchOrg = person("branch", "party_org", otherVillage, otherBranch);
    m1 = register(branchOrg, branch, "FULL", "2024-10-01");
    m2 = register(branchOrg, branch, "FULL", "2024-10-01");
    m3 = register(branchOrg, branch, "FULL", "2024-10-01");
    outsider = register(otherBranchOrg, otherBranch, "FULL", "2024-10-01");
  }

  // ---- rules --------------------------------------------------------------------------------

  @Nested
  @DisplayName("defineRules / getRules")
  class DefineRules {

    @Test
    @DisplayName("versions follow each other; the version in force on a date is found; retries")
    void versions() {
      String v2 =
          rulesJson(county, 2, "2025-01-01")
              .replace("\"FULL\",\"minMonths\":12", "\"FULL\",\"minMonths\":18");
      String created = submit(countyUser, "defineRules", v2);
      assertThat(submit(countyUser, "defineRules", v2)).isEqualTo(created);
      assertThat(rules("2024-06-01").get("version").asInt()).isEqualTo(1);
      assertThat(rules("2025-06-01").get("version").asInt()).isEqualTo(2);
      assertThat(
              rejected(
                  countyUser, "defineRules", v2.replace("\"minMonths\":18", "\"minMonths\":24")))
          .isEqualTo("ALREADY_EXISTS");
      assertThat(rejected(countyUser, "defineRules", rulesJson(county, 4, "2026-01-01")))
          .isEqualTo("INVALID_STATE");
      assertThat(rejected(countyUser, "defineRules", rulesJson(county, 3, "2024-01-01")))
          .isEqualTo("INVALID_STATE");
      assertThat(rules(null).get("version").asInt()).isEqualTo(2);
    }

    @Test
    @DisplayName("only the county of that county defines rules; malformed rules are refused")
    void denials() {
      String v2 = rulesJson(county, 2, "2025-01-01");
      assertThat(rejected(branchOrg, "defineRules", v2)).isEqualTo("ACCESS_DENIED");
      assertThat(rejected(auditor, "defineRules", v2)).isEqualTo("ACCESS_DENIED");
      Identity elsewhere = person("county", "county", newCounty(), "ELSEWHERE");
      assertThat(rejected(elsewhere, "defineRules", v2)).isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(
              rejected(
                  countyUser,
                  "defineRules",
                  v2.replace("{\"upToFen\":300000,\"basisPoints\":50},", "")
                      .replace("{\"basisPoints\":200}", "{\"upToFen\":1,\"basisPoints\":200}")))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(rejected(countyUser, "defineRules", v2.replace("\"MONTHLY\"", "\"WEEKLY\"")))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(rules(null).get("version").asInt()).isEqualTo(1);
      assertThat(
              codeOf(() -> evaluate(auditor, "getRules", "{\"county\":\"" + newCounty() + "\"}")))
          .isEqualTo("PARTY_RULES_NOT_FOUND");
    }
  }

  // ---- organisations ------------------------------------------------------------------------

  @Nested
  @DisplayName("registerOrganisation / getOrganisation / listChildren / listOrganisations")
  class RegisterOrganisation {

    @Test
    @DisplayName("the tree is bound to region codes and readable by anyone; a retry is the same")
    void hierarchy() {
      JsonNode org = tree(evaluate(villager, "getOrganisation", branch));
      assertThat(org.get("kind").asString()).isEqualTo("BRANCH");
      assertThat(org.get("region").asString()).isEqualTo(village);
      assertThat(org.get("parentId").asString()).isEqualTo(townshipCommittee);
      assertThat(tree(evaluate(villager, "listChildren", townshipCommittee))).hasSize(2);
      assertThat(tree(evaluate(villager, "listOrganisations", "{\"region\":\"" + township + "\"}")))
          .hasSize(3);
      assertThat(tree(evaluate(villager, "listOrganisations", "{\"region\":\"" + village + "\"}")))
          .hasSize(1);
      String general = id("GB");
      String json = orgJson(general, "GENERAL_BRANCH", village, townshipCommittee);
      String created = submit(townshipOrg, "registerOrganisation", json);
      assertThat(submit(townshipOrg, "registerOrganisation", json)).isEqualTo(created);
      assertThat(rejected(townshipOrg, "registerOrganisation", json.replace("组织", "组")))
          .isEqualTo("ALREADY_EXISTS");
      String under = id("BR");
      submit(townshipOrg, "registerOrganisation", orgJson(under, "BRANCH", village, general));
      assertThat(tree(evaluate(villager, "listChildren", general))).hasSize(1);
    }

    @Test
    @DisplayName("wrong parent, kind, region or role is refused and nothing is registered")
    void denials() {
      String orgId = id("X");
      assertThat(
              rejected(
                  townshipOrg, "registerOrganisation", orgJson(orgId, "COMMITTEE", township, null)))
          .isEqualTo("ACCESS_DENIED");
      assertThat(
              rejected(countyUser, "registerOrganisation", orgJson(orgId, "BRANCH", county, null)))
          .isEqualTo("INVALID_STATE");
      assertThat(
              rejected(
                  townshipOrg,
                  "registerOrganisation",
                  orgJson(orgId, "BRANCH", village, id("MISSING"))))
          .isEqualTo("PARTY_ORG_NOT_FOUND");
      assertThat(
              rejected(
                  branchOrg, "registerOrganisation", orgJson(orgId, "BRANCH", village, branch)))
          .isEqualTo("INVALID_STATE");
      assertThat(
              rejected(
                  branchOrg,
                  "registerOrganisation",
                  orgJson(orgId, "BRANCH", village, townshipCommittee)))
          .isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(
              rejected(
                  otherBranchOrg,
                  "registerOrganisation",
                  orgJson(orgId, "BRANCH", village, townshipCommittee)))
          .isEqualTo("REGION_OUT_OF_SCOPE");
      Identity wrongOrg = person("branch", "party_org", township, otherBranch);
      assertThat(
              rejected(
                  wrongOrg,
                  "registerOrganisation",
                  orgJson(orgId, "BRANCH", village, townshipCommittee)))
          .isEqualTo("ACCESS_DENIED");
      String otherTownship = county.substring(0, 6) + "101001";
      assertThat(
              rejected(
                  countyUser,
                  "registerOrganisation",
                  orgJson(orgId, "BRANCH", otherTownship, townshipCommittee)))
          .isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(
              rejected(
                  villager,
                  "registerOrganisation",
                  orgJson(orgId, "BRANCH", village, townshipCommittee)))
          .isEqualTo("ACCESS_DENIED");
      assertThat(
              rejected(
                  townshipOrg,
                  "registerOrganisation",
                  orgJson(orgId, "BRANCH", village, townshipCommittee)
                      .replace("2024-01-01", "2999-01-01")))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(codeOf(() -> evaluate(villager, "getOrganisation", orgId)))
          .isEqualTo("PARTY_ORG_NOT_FOUND");
      assertThat(tree(evaluate(villager, "listChildren", townshipCommittee))).hasSize(2);
    }
  }

  // ---- members ------------------------------------------------------------------------------

  @Nested
  @DisplayName("registerMember / getMember / listMembers")
  class RegisterMember {

    @Test
    @DisplayName("public state holds a pseudonym and a salted hash, never the name or ID number")
    void pseudonymous() {
      JsonNode member = tree(evaluate(branchOrg, "getMember", m1));
      assertThat(member.get("personalSha256").asString()).hasSize(64);
      assertThat(member.toString()).doesNotContain("张").doesNotContain("11010519491231002X");
      assertThat(member.get("stage").asString()).isEqualTo("FULL");
      assertThat(tree(evaluate(branchOrg, "listMembers", branch))).hasSize(3);
      assertThat(tree(evaluate(townshipOrg, "listMembers", branch))).hasSize(3);
      assertThat(tree(evaluate(auditor, "listMembers", branch))).hasSize(3);
      Identity self = person("member", "party_member", village, m1);
      assertThat(tree(evaluate(self, "getMember", m1)).get("memberId").asString()).isEqualTo(m1);
      assertThat(codeOf(() -> evaluate(self, "getMember", m2))).isEqualTo("ACCESS_DENIED");
      assertThat(codeOf(() -> evaluate(villager, "listMembers", branch)))
          .isEqualTo("ACCESS_DENIED");
      assertThat(codeOf(() -> evaluate(otherBranchOrg, "listMembers", branch)))
          .isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(codeOf(() -> evaluate(auditor, "getMember", id("NONE"))))
          .isEqualTo("PARTY_MEMBER_NOT_FOUND");
    }

    @Test
    @DisplayName(
        "a retry is the same; another person under the same id, or no personal data, fails")
    void denials() {
      String memberId = id("M");
      String json = memberJson(memberId, branch, "APPLICANT", "2025-01-10");
      String created = submitMember(branchOrg, json, person("王五"));
      assertThat(submitMember(branchOrg, json, person("王五"))).isEqualTo(created);
      assertThat(codeOfSubmit(branchOrg, memberProposal(json, person("赵六"))))
          .isEqualTo("ALREADY_EXISTS");
      String other = id("M");
      String otherJson = memberJson(other, branch, "APPLICANT", "2025-01-10");
      assertThat(rejected(branchOrg, "registerMember", otherJson)).isEqualTo("INVALID_ARGUMENT");
      assertThat(
              codeOfSubmit(
                  branchOrg,
                  memberProposal(
                      memberJson(other, townshipCommittee, "FULL", "2020-01-01"), person("甲"))))
          .isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(
              codeOfSubmit(
                  townshipOrg,
                  memberProposal(
                      memberJson(other, townshipCommittee, "FULL", "2020-01-01"), person("甲"))))
          .isEqualTo("INVALID_STATE");
      assertThat(codeOfSubmit(otherBranchOrg, memberProposal(otherJson, person("甲"))))
          .isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(codeOfSubmit(countyUser, memberProposal(otherJson, person("甲"))))
          .isEqualTo("ACCESS_DENIED");
      assertThat(
              codeOfSubmit(
                  branchOrg,
                  memberProposal(memberJson(other, id("NONE"), "FULL", "2020-01-01"), person("甲"))))
          .isEqualTo("PARTY_ORG_NOT_FOUND");
      assertThat(tree(evaluate(branchOrg, "listMembers", branch))).hasSize(4);
    }
  }

  // ---- pipeline -----------------------------------------------------------------------------

  @Nested
  @DisplayName("advanceMember: 入党申请人 → 积极分子 → 发展对象 → 预备党员 → 正式党员")
  class AdvanceMember {

    @Test
    @DisplayName("every stage in order, with the required intervals; skips and early steps fail")
    void pipeline() {
      String applicant = register(branchOrg, branch, "APPLICANT", "2023-01-10");
      submit(branchOrg, "advanceMember", advanceJson(applicant, "ACTIVIST", "2023-02-01"));
      assertThat(
              rejected(
                  townshipOrg, "advanceMember", probationJson(applicant, "2024-03-01", m1, m2)))
          .isEqualTo("STAGE_SKIPPED");
      assertThat(
              rejected(
                  branchOrg, "advanceMember", advanceJson(applicant, "CANDIDATE", "2024-01-31")))
          .isEqualTo("INTERVAL_NOT_MET");
      assertThat(stages(applicant)).isEqualTo(2);
      submit(branchOrg, "advanceMember", advanceJson(applicant, "CANDIDATE", "2024-02-01"));
      assertThat(
              rejected(branchOrg, "advanceMember", probationJson(applicant, "2024-03-01", m1, m2)))
          .isEqualTo("ACCESS_DENIED");
      String activist = register(branchOrg, branch, "ACTIVIST", "2024-01-01");
      assertThat(
              rejected(
                  townshipOrg,
                  "advanceMember",
                  probationJson(applicant, "2024-03-01", m1, activist)))
          .isEqualTo("INVALID_STATE");
      assertThat(
              rejected(
                  townshipOrg,
                  "advanceMember",
                  probationJson(applicant, "2024-03-01", m1, id("NONE"))))
          .isEqualTo("PARTY_MEMBER_NOT_FOUND");
      assertThat(
              rejected(
                  townshipOrg,
                  "advanceMember",
                  advanceJson(applicant, "PROBATIONARY", "2024-03-01")))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(stages(applicant)).isEqualTo(3);
      String probation = probationJson(applicant, "2024-03-01", m1, m2);
      String admitted = submit(townshipOrg, "advanceMember", probation);
      assertThat(submit(townshipOrg, "advanceMember", probation)).isEqualTo(admitted);
      assertThat(
              rejected(townshipOrg, "advanceMember", advanceJson(applicant, "FULL", "2025-02-28")))
          .isEqualTo("INTERVAL_NOT_MET");
      submit(townshipOrg, "advanceMember", advanceJson(applicant, "FULL", "2025-03-01"));
      JsonNode member = tree(evaluate(branchOrg, "getMember", applicant));
      assertThat(member.get("stage").asString()).isEqualTo("FULL");
      assertThat(member.get("stages")).hasSize(5);
      assertThat(member.get("stages").get(3).get("sponsors")).hasSize(2);
      assertThat(
              rejected(townshipOrg, "advanceMember", advanceJson(applicant, "FULL", "2025-04-01")))
          .isEqualTo("INVALID_STATE");
      assertThat(
              rejected(
                  branchOrg, "advanceMember", advanceJson(applicant, "ACTIVIST", "2025-04-01")))
          .isEqualTo("INVALID_STATE");
      assertThat(stages(applicant)).isEqualTo(5);
    }

    @Test
    @DisplayName("unknown members, future dates, other branches and other roles are refused")
    void denials() {
      String applicant = register(branchOrg, branch, "APPLICANT", "2025-01-10");
      assertThat(
              rejected(
                  branchOrg, "advanceMember", advanceJson(id("NONE"), "ACTIVIST", "2025-02-01")))
          .isEqualTo("PARTY_MEMBER_NOT_FOUND");
      assertThat(
              rejected(
                  branchOrg, "advanceMember", advanceJson(applicant, "ACTIVIST", "2999-02-01")))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(
              rejected(
                  otherBranchOrg,
                  "advanceMember",
                  advanceJson(applicant, "ACTIVIST", "2025-02-01")))
          .isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(
              rejected(villager, "advanceMember", advanceJson(applicant, "ACTIVIST", "2025-02-01")))
          .isEqualTo("ACCESS_DENIED");
      assertThat(
              rejected(
                  branchOrg, "advanceMember", advanceJson(applicant, "CANDIDATE", "2025-02-01")))
          .isEqualTo("STAGE_SKIPPED");
      assertThat(stages(applicant)).isEqualTo(1);
    }
  }

  // ---- meetings -----------------------------------------------------------------------------

  @Nested
  @DisplayName("recordMeeting / getMeeting / listMeetings / overdueMeetings")
  class Meetings {

    @Test
    @DisplayName("overdue detection lists each required type per ended period with no meeting")
    void overdue() {
      String newBranch = id("BR");
      submit(
          townshipOrg,
          "registerOrganisation",
          orgJson(newBranch, "BRANCH", village, townshipCommittee)
              .replace("2024-01-01", "2025-01-01"));
      Identity worker = person("branch", "party_org", village, newBranch);
      String a = register(worker, newBranch, "FULL", "2020-01-01");
      String b = register(worker, newBranch, "FULL", "2020-01-01");
      for (String month : List.of("01", "02", "03")) {
        meeting(worker, newBranch, "BRANCH_COMMITTEE", "2025-" + month + "-05", a, b);
      }
      meeting(worker, newBranch, "THEME_DAY", "2025-01-15", a, b);
      meeting(worker, newBranch, "BRANCH_ASSEMBLY", "2025-02-20", a, b);
      JsonNode overdue =
          tree(
              evaluate(
                  townshipOrg,
                  "overdueMeetings",
                  "{\"orgId\":\"" + newBranch + "\",\"asOf\":\"2025-04-01\"}"));
      List<String> items = new ArrayList<>();
      overdue.forEach(o -> items.add(o.get("type").asString() + " " + o.get("period").asString()));
      assertThat(items)
          .containsExactly(
              "GROUP_MEETING 2025-01",
              "GROUP_MEETING 2025-02",
              "THEME_DAY 2025-02",
              "GROUP_MEETING 2025-03",
              "PARTY_LECTURE 2025-Q1",
              "THEME_DAY 2025-03");
      assertThat(
              tree(
                  evaluate(
                      worker, "listMeetings", "{\"orgId\":\"" + newBranch + "\",\"year\":2025}")))
          .hasSize(5);
    }

    @Test
    @DisplayName("a meeting keeps attendance with absence reasons; a retry is the same")
    void record() {
      String meetingId = id("MT");
      String json = meetingJson(meetingId, branch, "PARTY_LECTURE", "2025-03-10", m1, m2, m3);
      String created = submit(branchOrg, "recordMeeting", json);
      assertThat(submit(branchOrg, "recordMeeting", json)).isEqualTo(created);
      JsonNode meeting = tree(evaluate(auditor, "getMeeting", meetingId));
      assertThat(meeting.get("presentCount").asInt()).isEqualTo(2);
      assertThat(meeting.get("absentCount").asInt()).isEqualTo(1);
      assertThat(meeting.get("attendance").get(2).get("reason").asString()).isEqualTo("外出务工");
      assertThat(meeting.get("minutesSha256").asString()).isEqualTo(HASH_A);
      assertThat(rejected(branchOrg, "recordMeeting", json.replace("党课", "别的")))
          .isEqualTo("ALREADY_EXISTS");
    }

    @Test
    @DisplayName("strangers, bad attendance, early dates and other roles are refused")
    void denials() {
      String json = meetingJson(id("MT"), branch, "THEME_DAY", "2025-03-10", m1, m2, outsider);
      assertThat(rejected(branchOrg, "recordMeeting", json)).isEqualTo("PARTY_MEMBER_NOT_FOUND");
      String good = meetingJson(id("MT"), branch, "THEME_DAY", "2025-03-10", m1, m2, m3);
      assertThat(rejected(branchOrg, "recordMeeting", good.replace(",\"reason\":\"外出务工\"", "")))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(
              rejected(
                  branchOrg,
                  "recordMeeting",
                  good.replace("\"present\":true}", "\"present\":true,\"reason\":\"x\"}")))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(rejected(branchOrg, "recordMeeting", good.replace("2025-03-10", "2023-12-31")))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(rejected(branchOrg, "recordMeeting", good.replace("THEME_DAY", "PARTY")))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(rejected(otherBranchOrg, "recordMeeting", good)).isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(rejected(auditor, "recordMeeting", good)).isEqualTo("ACCESS_DENIED");
      assertThat(
              rejected(
                  branchOrg,
                  "recordMeeting",
                  good.replace("\"" + branch + "\"", "\"" + id("N") + "\"")))
          .isEqualTo("PARTY_ORG_NOT_FOUND");
      assertThat(
              tree(
                  evaluate(
                      branchOrg, "listMeetings", "{\"orgId\":\"" + branch + "\",\"year\":2025}")))
          .isEmpty();
      assertThat(codeOf(() -> evaluate(branchOrg, "getMeeting", id("NONE"))))
          .isEqualTo("MEETING_NOT_FOUND");
      assertThat(
              codeOf(
                  () ->
                      evaluate(
                          villager,
                          "listMeetings",
                          "{\"orgId\":\"" + branch + "\",\"year\":2025}")))
          .isEqualTo("ACCESS_DENIED");
    }
  }

  // ---- dues ---------------------------------------------------------------------------------

  @Nested
  @DisplayName("payDues / listDues / duesArrears")
  class DuesTests {

    @Test
    @DisplayName("amounts follow the rules; arrears count unpaid months; six in a row is lapsed")
    void arrears() {
      submit(branchOrg, "payDues", farmerDues(m1, "2024-11", 50, "2024-11-20"));
      submit(branchOrg, "payDues", salariedDues(m1, "2024-12", 400_000, 4_000, "2025-01-05"));
      submit(branchOrg, "payDues", farmerDues(m1, "2025-02", 100, "2025-02-10"));
      submit(branchOrg, "payDues", farmerDues(m2, "2025-03", 20, "2025-03-10"));
      JsonNode dues =
          tree(evaluate(branchOrg, "listDues", "{\"memberId\":\"" + m1 + "\",\"year\":2024}"));
      assertThat(dues).hasSize(2);
      assertThat(dues.get(0).get("onTime").asBoolean()).isTrue();
      assertThat(dues.get(1).get("onTime").asBoolean()).isFalse();
      JsonNode arrears =
          tree(
              evaluate(
                  townshipOrg,
                  "duesArrears",
                  "{\"orgId\":\"" + branch + "\",\"through\":\"2025-03\"}"));
      assertThat(arrears).hasSize(3);
      JsonNode first = byMember(arrears, m1);
      assertThat(first.get("unpaidMonths").toString())
          .isEqualTo("[\"2024-10\",\"2025-01\",\"2025-03\"]");
      assertThat(first.get("lapsed").asBoolean()).isFalse();
      assertThat(byMember(arrears, m3).get("trailing").asInt()).isEqualTo(6);
      assertThat(byMember(arrears, m3).get("lapsed").asBoolean()).isTrue();
      JsonNode recent =
          tree(
              evaluate(
                  auditor,
                  "duesArrears",
                  "{\"orgId\":\"" + branch + "\",\"through\":\"2025-03\",\"from\":\"2025-01\"}"));
      assertThat(byMember(recent, m1).get("unpaidMonths")).hasSize(2);
      Identity self = person("member", "party_member", village, m1);
      assertThat(tree(evaluate(self, "listDues", "{\"memberId\":\"" + m1 + "\",\"year\":2025}")))
          .hasSize(1);
      assertThat(
              codeOf(
                  () -> evaluate(self, "listDues", "{\"memberId\":\"" + m2 + "\",\"year\":2025}")))
          .isEqualTo("ACCESS_DENIED");
    }

    @Test
    @DisplayName("wrong amounts, non-members, months before joining and retries")
    void denials() {
      String json = farmerDues(m1, "2025-01", 50, "2025-01-15");
      String created = submit(branchOrg, "payDues", json);
      assertThat(submit(branchOrg, "payDues", json)).isEqualTo(created);
      assertThat(rejected(branchOrg, "payDues", json.replace("50", "60")))
          .isEqualTo("ALREADY_EXISTS");
      assertThat(rejected(branchOrg, "payDues", farmerDues(m1, "2025-02", 200, "2025-02-15")))
          .isEqualTo("AMOUNT_INVALID");
      assertThat(
              rejected(
                  branchOrg, "payDues", salariedDues(m1, "2025-02", 400_000, 2_000, "2025-02-15")))
          .isEqualTo("AMOUNT_INVALID");
      assertThat(
              rejected(
                  branchOrg,
                  "payDues",
                  farmerDues(m1, "2025-02", 50, "2025-02-15")
                      .replace(",\"amountFen\"", ",\"baseFen\":1,\"amountFen\"")))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(rejected(branchOrg, "payDues", farmerDues(m1, "2024-09", 50, "2024-09-15")))
          .isEqualTo("INVALID_STATE");
      String applicant = register(branchOrg, branch, "APPLICANT", "2024-01-01");
      assertThat(rejected(branchOrg, "payDues", farmerDues(applicant, "2025-02", 50, "2025-02-15")))
          .isEqualTo("INVALID_STATE");
      assertThat(rejected(otherBranchOrg, "payDues", farmerDues(m1, "2025-02", 50, "2025-02-15")))
          .isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(rejected(villager, "payDues", farmerDues(m1, "2025-02", 50, "2025-02-15")))
          .isEqualTo("ACCESS_DENIED");
      assertThat(rejected(branchOrg, "payDues", farmerDues(id("N"), "2025-02", 50, "2025-02-15")))
          .isEqualTo("PARTY_MEMBER_NOT_FOUND");
      assertThat(
              tree(evaluate(branchOrg, "listDues", "{\"memberId\":\"" + m1 + "\",\"year\":2025}")))
          .hasSize(1);
    }
  }

  // ---- evaluations and points ---------------------------------------------------------------

  @Nested
  @DisplayName("recordEvaluation / awardPoints / memberPoints")
  class EvaluationAndPoints {

    @Test
    @DisplayName("points add up meetings, dues, the evaluation grade and awards by the rules")
    void points() {
      meeting(branchOrg, branch, "THEME_DAY", "2025-03-10", m1, m2);
      meeting(branchOrg, branch, "BRANCH_ASSEMBLY", "2025-03-20", m1, m2);
      submit(
          branchOrg,
          "recordMeeting",
          meetingJson(id("MT"), branch, "PARTY_LECTURE", "2025-04-10", m2, m3, m1));
      submit(branchOrg, "payDues", farmerDues(m1, "2025-01", 50, "2025-01-15"));
      submit(branchOrg, "payDues", farmerDues(m1, "2025-02", 50, "2025-03-15"));
      String evaluation = evaluationJson(m1, 2025, "EXCELLENT", "2025-06-01");
      String created = submit(branchOrg, "recordEvaluation", evaluation);
      assertThat(submit(branchOrg, "recordEvaluation", evaluation)).isEqualTo(created);
      submit(branchOrg, "awardPoints", awardJson(id("AW"), m1, "VOLUNTEER", "2025-05-01"));
      Identity self = person("member", "party_member", village, m1);
      JsonNode points =
          tree(evaluate(self, "memberPoints", "{\"memberId\":\"" + m1 + "\",\"year\":2025}"));
      // 2 meetings present × 2, 1 absent × 0, 1 on time × 1, 1 late × 0, EXCELLENT 10, VOLUNTEER 3
      assertThat(points.get("total").asInt()).isEqualTo(18);
      assertThat(
              tree(
                  evaluate(
                      auditor, "listEvaluations", "{\"orgId\":\"" + branch + "\",\"year\":2025}")))
          .hasSize(1);
      assertThat(
              codeOf(
                  () ->
                      evaluate(
                          self, "memberPoints", "{\"memberId\":\"" + m2 + "\",\"year\":2025}")))
          .isEqualTo("ACCESS_DENIED");
    }

    @Test
    @DisplayName("grades only for members, once a year; awards only under award rules")
    void denials() {
      submit(branchOrg, "recordEvaluation", evaluationJson(m1, 2025, "QUALIFIED", "2025-06-01"));
      assertThat(
              rejected(
                  branchOrg,
                  "recordEvaluation",
                  evaluationJson(m1, 2025, "EXCELLENT", "2025-06-01")))
          .isEqualTo("ALREADY_EXISTS");
      String applicant = register(branchOrg, branch, "APPLICANT", "2024-01-01");
      assertThat(
              rejected(
                  branchOrg,
                  "recordEvaluation",
                  evaluationJson(applicant, 2025, "QUALIFIED", "2025-06-01")))
          .isEqualTo("INVALID_STATE");
      assertThat(
              rejected(
                  otherBranchOrg,
                  "recordEvaluation",
                  evaluationJson(m2, 2025, "QUALIFIED", "2025-06-01")))
          .isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(
              rejected(
                  branchOrg,
                  "recordEvaluation",
                  evaluationJson(m2, 2025, "QUALIFIED", "2024-06-01")))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(
              rejected(branchOrg, "awardPoints", awardJson(id("AW"), m1, "UNKNOWN", "2025-05-01")))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(
              rejected(
                  branchOrg,
                  "awardPoints",
                  awardJson(id("AW"), m1, "MEETING_PRESENT", "2025-05-01")))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(
              rejected(villager, "awardPoints", awardJson(id("AW"), m1, "VOLUNTEER", "2025-05-01")))
          .isEqualTo("ACCESS_DENIED");
      String award = awardJson(id("AW"), m1, "VOLUNTEER", "2025-05-01");
      submit(branchOrg, "awardPoints", award);
      assertThat(rejected(branchOrg, "awardPoints", award.replace("2025-05-01", "2025-05-02")))
          .isEqualTo("ALREADY_EXISTS");
      assertThat(
              tree(
                  evaluate(
                      auditor, "listEvaluations", "{\"orgId\":\"" + branch + "\",\"year\":2025}")))
          .hasSize(1);
      assertThat(
              tree(evaluate(
                      branchOrg, "memberPoints", "{\"memberId\":\"" + m1 + "\",\"year\":2025}"))
                  .get("total")
                  .asInt())
          .isEqualTo(8);
    }
  }

  // ---- 党务公开 -------------------------------------------------------------------------------

  @Nested
  @DisplayName("submitPublication / reviewPublication / getPublication / listPublications")
  class Publications {

    @Test
    @DisplayName("the upper organisation publishes; 党外 is public, 党内 only for members")
    void visibility() {
      String open = id("PUB");
      String inner = id("PUB");
      submit(branchOrg, "submitPublication", publicationJson(open, branch, "PUBLIC", "MEETINGS"));
      submit(branchOrg, "submitPublication", publicationJson(inner, branch, "INNER", "EVALUATION"));
      assertThat(codeOf(() -> evaluate(villager, "getPublication", open)))
          .isEqualTo("ACCESS_DENIED");
      assertThat(tree(evaluate(branchOrg, "listPublications", branch))).hasSize(2);
      String approve = reviewJson(open, true, null);
      String published = submit(townshipOrg, "reviewPublication", approve);
      assertThat(submit(townshipOrg, "reviewPublication", approve)).isEqualTo(published);
      submit(townshipOrg, "reviewPublication", reviewJson(inner, true, null));
      JsonNode seen = tree(evaluate(villager, "getPublication", open));
      assertThat(seen.get("status").asString()).isEqualTo("PUBLISHED");
      assertThat(seen.get("reviewedBy").asString()).endsWith("/" + townshipCommittee);
      assertThat(codeOf(() -> evaluate(villager, "getPublication", inner)))
          .isEqualTo("ACCESS_DENIED");
      assertThat(codeOf(() -> evaluate(auditor, "getPublication", inner)))
          .isEqualTo("ACCESS_DENIED");
      assertThat(tree(evaluate(villager, "listPublications", branch))).hasSize(1);
      Identity member = person("member", "party_member", village, m1);
      assertThat(tree(evaluate(member, "getPublication", inner)).get("scope").asString())
          .isEqualTo("INNER");
      assertThat(tree(evaluate(member, "listPublications", branch))).hasSize(2);
      Identity stranger = person("member", "party_member", otherVillage, outsider);
      assertThat(codeOf(() -> evaluate(stranger, "getPublication", inner)))
          .isEqualTo("ACCESS_DENIED");
      String applicant = register(branchOrg, branch, "APPLICANT", "2024-01-01");
      Identity notYet = person("member", "party_member", village, applicant);
      assertThat(codeOf(() -> evaluate(notYet, "getPublication", inner)))
          .isEqualTo("ACCESS_DENIED");
      assertThat(tree(evaluate(townshipOrg, "getPublication", inner)).get("status").asString())
          .isEqualTo("PUBLISHED");
    }

    @Test
    @DisplayName("a top-level 党委 is reviewed by the county; a rejection is final too")
    void countyReviewAndRejection() {
      String top = id("PUB");
      submit(
          person("cc", "party_org", county, countyCommittee),
          "submitPublication",
          publicationJson(top, countyCommittee, "PUBLIC", "DUES"));
      assertThat(rejected(townshipOrg, "reviewPublication", reviewJson(top, true, null)))
          .isEqualTo("REGION_OUT_OF_SCOPE");
      Identity self = person("cc", "party_org", county, countyCommittee);
      assertThat(rejected(self, "reviewPublication", reviewJson(top, true, null)))
          .isEqualTo("ACCESS_DENIED");
      submit(countyUser, "reviewPublication", reviewJson(top, false, "数据不全"));
      assertThat(rejected(countyUser, "reviewPublication", reviewJson(top, true, null)))
          .isEqualTo("INVALID_STATE");
      assertThat(tree(evaluate(countyUser, "getPublication", top)).get("status").asString())
          .isEqualTo("REJECTED");
      assertThat(codeOf(() -> evaluate(villager, "getPublication", top)))
          .isEqualTo("ACCESS_DENIED");
    }

    @Test
    @DisplayName("wrong scope, self-review, strangers and a change after publication are refused")
    void denials() {
      String pub = id("PUB");
      assertThat(
              rejected(
                  branchOrg,
                  "submitPublication",
                  publicationJson(pub, branch, "PUBLIC", "EVALUATION")))
          .isEqualTo("PUBLICATION_SCOPE_INVALID");
      assertThat(
              rejected(
                  branchOrg,
                  "submitPublication",
                  publicationJson(pub, branch, "INNER", "DEVELOPMENT")))
          .isEqualTo("PUBLICATION_SCOPE_INVALID");
      assertThat(
              rejected(
                  branchOrg, "submitPublication", publicationJson(pub, branch, "SECRET", "OTHER")))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(
              rejected(
                  otherBranchOrg,
                  "submitPublication",
                  publicationJson(pub, branch, "PUBLIC", "OTHER")))
          .isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(
              rejected(
                  villager, "submitPublication", publicationJson(pub, branch, "PUBLIC", "OTHER")))
          .isEqualTo("ACCESS_DENIED");
      assertThat(tree(evaluate(branchOrg, "listPublications", branch))).isEmpty();
      String json = publicationJson(pub, branch, "PUBLIC", "DEVELOPMENT");
      String created = submit(branchOrg, "submitPublication", json);
      assertThat(submit(branchOrg, "submitPublication", json)).isEqualTo(created);
      assertThat(rejected(branchOrg, "submitPublication", json.replace("公示", "公告")))
          .isEqualTo("ALREADY_EXISTS");
      assertThat(rejected(branchOrg, "reviewPublication", reviewJson(pub, true, null)))
          .isEqualTo("ACCESS_DENIED");
      assertThat(rejected(otherBranchOrg, "reviewPublication", reviewJson(pub, true, null)))
          .isEqualTo("REGION_OUT_OF_SCOPE");
      assertThat(rejected(townshipOrg, "reviewPublication", reviewJson(pub, false, null)))
          .isEqualTo("INVALID_ARGUMENT");
      assertThat(rejected(townshipOrg, "reviewPublication", reviewJson(id("NONE"), true, null)))
          .isEqualTo("PUBLICATION_NOT_FOUND");
      assertThat(tree(evaluate(branchOrg, "getPublication", pub)).get("status").asString())
          .isEqualTo("PENDING");
      submit(townshipOrg, "reviewPublication", reviewJson(pub, true, null));
      assertThat(rejected(townshipOrg, "reviewPublication", reviewJson(pub, false, "撤回")))
          .isEqualTo("INVALID_STATE");
      JsonNode after = tree(evaluate(villager, "getPublication", pub));
      assertThat(after.get("status").asString()).isEqualTo("PUBLISHED");
      assertThat(after.get("contentSha256").asString()).isEqualTo(HASH_B);
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  static String id(String kind) {
    return "P" + RUN + "-" + kind + "-" + SEQUENCE.incrementAndGet();
  }

  /** A fresh county code below province 53. */
  static String newCounty() {
    int n = COUNTIES.incrementAndGet();
    return "53%02d%02d000000".formatted(1 + (n / 99) % 99, 1 + n % 99);
  }

  Identity person(String label, String role, String region, String party) {
    return network()
        .identity(
            label + "-" + party,
            MSP,
            Map.of("xl.role", role, "xl.region", region, "xl.party", party));
  }

  String register(Identity worker, String orgId, String stage, String since) {
    String memberId = id("M");
    submitMember(worker, memberJson(memberId, orgId, stage, since), person("张三"));
    return memberId;
  }

  String submitMember(Identity worker, String json, String personal) {
    return network().ledger().submit(worker, memberProposal(json, personal)).resultText();
  }

  static Proposal memberProposal(String json, String personal) {
    return Proposal.of("party", "registerMember", json)
        .withTransient("member", personal)
        .withTransient("member.salt", SALT);
  }

  static String person(String name) {
    return "{\"name\":\"%s\",\"phone\":\"13900000000\",\"idNumber\":\"11010519491231002X\"}"
        .formatted(name);
  }

  void meeting(Identity worker, String orgId, String type, String date, String... present) {
    StringBuilder attendance = new StringBuilder();
    for (String memberId : present) {
      if (!attendance.isEmpty()) {
        attendance.append(',');
      }
      attendance.append("{\"memberId\":\"%s\",\"present\":true}".formatted(memberId));
    }
    submit(
        worker,
        "recordMeeting",
        """
        {"meetingId":"%s","orgId":"%s","type":"%s","date":"%s","topic":"学习会议精神",\
        "minutesSha256":"%s","attendance":[%s]}"""
            .formatted(id("MT"), orgId, type, date, HASH_A, attendance));
  }

  int stages(String memberId) {
    return tree(evaluate(branchOrg, "getMember", memberId)).get("stages").size();
  }

  JsonNode rules(String date) {
    return tree(
        evaluate(
            auditor,
            "getRules",
            date == null
                ? "{\"county\":\"" + county + "\"}"
                : "{\"county\":\"" + county + "\",\"date\":\"" + date + "\"}"));
  }

  static JsonNode byMember(JsonNode list, String memberId) {
    for (JsonNode node : list) {
      if (node.get("memberId").asString().equals(memberId)) {
        return node;
      }
    }
    throw new AssertionError("no " + memberId + " in " + list);
  }

  String submit(Identity caller, String transaction, String argument) {
    return network()
        .ledger()
        .submit(caller, Proposal.of("party", transaction, argument))
        .resultText();
  }

  String evaluate(Identity caller, String transaction, String argument) {
    return new String(
        network().ledger().evaluate(caller, Proposal.of("party", transaction, argument)),
        StandardCharsets.UTF_8);
  }

  /** The error code of a rejected submit (the submit must fail at endorsement). */
  String rejected(Identity caller, String transaction, String argument) {
    return codeOfSubmit(caller, Proposal.of("party", transaction, argument));
  }

  String codeOfSubmit(Identity caller, Proposal proposal) {
    LedgerException e =
        catchThrowableOfType(
            LedgerException.class, () -> network().ledger().submit(caller, proposal));
    assertThat(e).as("%s must be rejected", proposal.transaction()).isNotNull();
    assertThat(e.stage()).isEqualTo(LedgerException.Stage.ENDORSE);
    return e.errorCode().orElseThrow();
  }

  static String codeOf(Runnable call) {
    LedgerException e = catchThrowableOfType(LedgerException.class, call::run);
    assertThat(e).as("call must fail").isNotNull();
    return e.errorCode().orElseThrow();
  }

  static JsonNode tree(String json) {
    return JSON.readTree(json);
  }

  /** 息烽-style rules: the 2018 支部工作条例 frequencies, 2008 党费 brackets, 细则 intervals. */
  static String rulesJson(String county, int version, String effectiveFrom) {
    return """
        {"county":"%s","version":%d,"effectiveFrom":"%s",\
        "meetings":[{"type":"BRANCH_ASSEMBLY","frequency":"QUARTERLY"},\
        {"type":"BRANCH_COMMITTEE","frequency":"MONTHLY"},\
        {"type":"GROUP_MEETING","frequency":"MONTHLY"},\
        {"type":"PARTY_LECTURE","frequency":"QUARTERLY"},\
        {"type":"THEME_DAY","frequency":"MONTHLY"}],\
        "duesBrackets":[{"upToFen":300000,"basisPoints":50},{"upToFen":500000,"basisPoints":100},\
        {"upToFen":1000000,"basisPoints":150},{"basisPoints":200}],\
        "flatDues":[{"category":"FARMER","minFen":20,"maxFen":100},\
        {"category":"STUDENT","minFen":20,"maxFen":20},\
        {"category":"NO_INCOME","minFen":20,"maxFen":20}],\
        "stages":[{"stage":"ACTIVIST","minMonths":0},{"stage":"CANDIDATE","minMonths":12},\
        {"stage":"PROBATIONARY","minMonths":0},{"stage":"FULL","minMonths":12}],\
        "points":[{"code":"MEETING_PRESENT","name":"参加组织生活","points":2},\
        {"code":"MEETING_ABSENT","name":"请假","points":0},\
        {"code":"DUES_ON_TIME","name":"按时交纳党费","points":1},\
        {"code":"DUES_LATE","name":"补交党费","points":0},\
        {"code":"EVALUATION_EXCELLENT","name":"民主评议优秀","points":10},\
        {"code":"EVALUATION_QUALIFIED","name":"民主评议合格","points":5},\
        {"code":"VOLUNTEER","name":"志愿服务","points":3}]}"""
        .formatted(county, version, effectiveFrom);
  }

  static String orgJson(String orgId, String kind, String region, String parentId) {
    return """
        {"orgId":"%s","kind":"%s","name":"测试党组织","region":"%s",%s"establishedOn":"2024-01-01"}"""
        .formatted(
            orgId, kind, region, parentId == null ? "" : "\"parentId\":\"" + parentId + "\",");
  }

  static String memberJson(String memberId, String orgId, String stage, String since) {
    return """
        {"memberId":"%s","orgId":"%s","stage":"%s","since":"%s"}"""
        .formatted(memberId, orgId, stage, since);
  }

  static String advanceJson(String memberId, String stage, String date) {
    return """
        {"memberId":"%s","stage":"%s","date":"%s","minutesSha256":"%s"}"""
        .formatted(memberId, stage, date, HASH_A);
  }

  static String probationJson(String memberId, String date, String sponsor1, String sponsor2) {
    return """
        {"memberId":"%s","stage":"PROBATIONARY","date":"%s","sponsors":["%s","%s"],\
        "minutesSha256":"%s"}"""
        .formatted(memberId, date, sponsor1, sponsor2, HASH_A);
  }

  /** Two present, the third absent (外出务工). */
  static String meetingJson(
      String meetingId, String orgId, String type, String date, String a, String b, String c) {
    return """
        {"meetingId":"%s","orgId":"%s","type":"%s","date":"%s","topic":"党课：学习党章",\
        "minutesSha256":"%s","attendance":[{"memberId":"%s","present":true},\
        {"memberId":"%s","present":true},{"memberId":"%s","present":false,"reason":"外出务工"}]}"""
        .formatted(meetingId, orgId, type, date, HASH_A, a, b, c);
  }

  static String farmerDues(String memberId, String month, long fen, String paidOn) {
    return """
        {"memberId":"%s","month":"%s","category":"FARMER","amountFen":%d,"paidOn":"%s"}"""
        .formatted(memberId, month, fen, paidOn);
  }

  static String salariedDues(String memberId, String month, long base, long fen, String paidOn) {
    return """
        {"memberId":"%s","month":"%s","category":"SALARIED","baseFen":%d,"amountFen":%d,\
        "paidOn":"%s"}"""
        .formatted(memberId, month, base, fen, paidOn);
  }

  static String evaluationJson(String memberId, int year, String grade, String on) {
    return """
        {"memberId":"%s","year":%d,"grade":"%s","evaluatedOn":"%s","minutesSha256":"%s"}"""
        .formatted(memberId, year, grade, on, HASH_A);
  }

  static String awardJson(String awardId, String memberId, String code, String date) {
    return """
        {"awardId":"%s","memberId":"%s","code":"%s","date":"%s","note":"村道清扫"}"""
        .formatted(awardId, memberId, code, date);
  }

  static String publicationJson(String id, String orgId, String scope, String category) {
    return """
        {"publicationId":"%s","orgId":"%s","scope":"%s","category":"%s",\
        "title":"发展对象公示","contentSha256":"%s"}"""
        .formatted(id, orgId, scope, category, HASH_B);
  }

  static String reviewJson(String publicationId, boolean approve, String reason) {
    return reason == null
        ? "{\"publicationId\":\"%s\",\"approve\":%b}".formatted(publicationId, approve)
        : "{\"publicationId\":\"%s\",\"approve\":%b,\"reason\":\"%s\"}"
            .formatted(publicationId, approve, reason);
  }
}
