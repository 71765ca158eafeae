package cn.xianglian.chaincode.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.xianglian.chaincode.trace.InMemoryStub;
import cn.xianglian.ledger.Identity;
import cn.xianglian.ledger.embedded.EmbeddedCa;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the party contract directly over the in-memory stub that fails on any raw key, through
 * every command, and checks the exact bytes of an organisation and that personal data reaches only
 * the private collection. The stub's clock is 2026-05-02.
 */
class PartyKeyDisciplineTest {

  static final String COUNTY = "520122000000";
  static final String TOWNSHIP = "520122100000";
  static final String VILLAGE = "520122100201";
  static final String HASH = "a".repeat(64);
  static final String PERSON =
      "{\"name\":\"张三\",\"phone\":\"13900000000\",\"idNumber\":\"11010519491231002X\"}";

  @TempDir static Path dir;

  static Identity county;
  static Identity township;
  static Identity branch;

  final PartyContract contract = new PartyContract();
  final InMemoryStub ledger = new InMemoryStub();

  @BeforeAll
  static void enroll() {
    EmbeddedCa ca = EmbeddedCa.open(dir);
    county = ca.enroll("county", "CountyOrgMSP", attrs("county", COUNTY, "ZZB"));
    township = ca.enroll("township", "TownshipOrgMSP", attrs("party_org", TOWNSHIP, "TC"));
    branch = ca.enroll("branch", "TownshipOrgMSP", attrs("party_org", VILLAGE, "BR"));
  }

  static Map<String, String> attrs(String role, String region, String party) {
    return Map.of("xl.role", role, "xl.region", region, "xl.party", party);
  }

  String run(Identity caller, BiFunction<Context, String, String> tx, String argument) {
    return run(caller, Map.of(), tx, argument);
  }

  String run(
      Identity caller,
      Map<String, byte[]> transientData,
      BiFunction<Context, String, String> tx,
      String argument) {
    String result = tx.apply(new Context(ledger.call(caller, transientData)), argument);
    ledger.commit();
    return result;
  }

  void organisations() {
    run(
        county,
        contract::defineRules,
        "{\"county\":\"520122000000\",\"version\":1,\"effectiveFrom\":\"2020-01-01\","
            + "\"meetings\":[{\"type\":\"THEME_DAY\",\"frequency\":\"MONTHLY\"}],"
            + "\"duesBrackets\":[{\"basisPoints\":50}],"
            + "\"flatDues\":[{\"category\":\"FARMER\",\"minFen\":20,\"maxFen\":100}],"
            + "\"points\":[{\"code\":\"VOLUNTEER\",\"name\":\"志愿服务\",\"points\":3}]}");
    run(
        county,
        contract::registerOrganisation,
        "{\"orgId\":\"CC\",\"kind\":\"COMMITTEE\",\"name\":\"县委\",\"region\":\"520122000000\","
            + "\"establishedOn\":\"1950-01-01\"}");
    run(
        county,
        contract::registerOrganisation,
        "{\"orgId\":\"TC\",\"kind\":\"COMMITTEE\",\"name\":\"镇党委\",\"region\":\"520122100000\","
            + "\"parentId\":\"CC\",\"establishedOn\":\"1984-01-01\"}");
    run(
        township,
        contract::registerOrganisation,
        "{\"orgId\":\"BR\",\"kind\":\"BRANCH\",\"name\":\"村支部\",\"region\":\"520122100201\","
            + "\"parentId\":\"TC\",\"establishedOn\":\"2020-01-01\"}");
  }

  @Test
  @DisplayName("an organisation is stored as these exact canonical bytes")
  void exactBytes() {
    organisations();
    assertThat(ledger.eventName()).isEqualTo("OrganisationRegistered");
    byte[] stored = ledger.state().get("\u0000xl.party.org\u0000BR\u0000");
    assertThat(new String(stored, StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"establishedOn\":\"2020-01-01\",\"kind\":\"BRANCH\",\"name\":\"村支部\","
                + "\"orgId\":\"BR\",\"parentId\":\"TC\",\"region\":\"520122100201\","
                + "\"registeredAt\":\"2026-05-02T10:00:04+08:00\","
                + "\"registeredBy\":\"TownshipOrgMSP/TC\",\"txId\":\"tx4\"}");
  }

  @Test
  @DisplayName("every party command uses composite keys only; personal data stays private")
  void everyKeyIsComposite() {
    organisations();
    run(
        branch,
        Map.of(
            "member",
            PERSON.getBytes(StandardCharsets.UTF_8),
            "member.salt",
            "0123456789abcdef-salt".getBytes(StandardCharsets.UTF_8)),
        contract::registerMember,
        "{\"memberId\":\"M1\",\"orgId\":\"BR\",\"stage\":\"FULL\",\"since\":\"2020-07-01\"}");
    run(
        branch,
        contract::recordMeeting,
        "{\"meetingId\":\"MT1\",\"orgId\":\"BR\",\"type\":\"THEME_DAY\",\"date\":\"2026-04-15\","
            + "\"topic\":\"主题党日\",\"minutesSha256\":\""
            + HASH
            + "\",\"attendance\":[{\"memberId\":\"M1\",\"present\":true}]}");
    run(
        branch,
        contract::payDues,
        "{\"memberId\":\"M1\",\"month\":\"2026-04\",\"category\":\"FARMER\",\"amountFen\":50,"
            + "\"paidOn\":\"2026-04-10\"}");
    run(
        branch,
        contract::recordEvaluation,
        "{\"memberId\":\"M1\",\"year\":2025,\"grade\":\"EXCELLENT\",\"evaluatedOn\":\"2026-01-20\"}");
    run(
        branch,
        contract::awardPoints,
        "{\"awardId\":\"AW1\",\"memberId\":\"M1\",\"code\":\"VOLUNTEER\",\"date\":\"2026-04-20\"}");
    run(
        branch,
        contract::submitPublication,
        "{\"publicationId\":\"P1\",\"orgId\":\"BR\",\"scope\":\"INNER\",\"category\":\"MEETINGS\","
            + "\"title\":\"三会一课\",\"contentSha256\":\""
            + HASH
            + "\"}");
    run(township, contract::reviewPublication, "{\"publicationId\":\"P1\",\"approve\":true}");
    assertThat(ledger.eventName()).isEqualTo("PublicationPublished");
    run(
        branch,
        Map.of(
            "member",
            PERSON.getBytes(StandardCharsets.UTF_8),
            "member.salt",
            "0123456789abcdef-salt".getBytes(StandardCharsets.UTF_8)),
        contract::registerMember,
        "{\"memberId\":\"A1\",\"orgId\":\"BR\",\"stage\":\"APPLICANT\",\"since\":\"2026-01-10\"}");
    run(
        branch,
        contract::advanceMember,
        "{\"memberId\":\"A1\",\"stage\":\"ACTIVIST\",\"date\":\"2026-03-01\"}");
    assertThat(ledger.eventName()).isEqualTo("MemberAdvanced");
    assertThat(
            contract.memberPoints(
                new Context(ledger.call(branch, Map.of())), "{\"memberId\":\"M1\",\"year\":2026}"))
        .contains("\"total\":");
    assertThat(ledger.privateData()).hasSize(2);
    assertThat(new String(ledger.privateData().values().iterator().next(), StandardCharsets.UTF_8))
        .contains("张三");
    for (byte[] value : ledger.state().values()) {
      assertThat(new String(value, StandardCharsets.UTF_8))
          .doesNotContain("张三")
          .doesNotContain("11010519491231002X");
    }
  }

  @Test
  @DisplayName("a rejected command writes nothing")
  void rejectionWritesNothing() {
    organisations();
    NavigableMap<String, byte[]> before = new TreeMap<>(ledger.state());
    ChaincodeException e =
        catchThrowableOfType(
            ChaincodeException.class,
            () ->
                run(
                    branch,
                    contract::submitPublication,
                    "{\"publicationId\":\"P1\",\"orgId\":\"BR\",\"scope\":\"PUBLIC\","
                        + "\"category\":\"EVALUATION\",\"title\":\"评议\",\"contentSha256\":\""
                        + HASH
                        + "\"}"));
    assertThat(e.getMessage()).startsWith("PUBLICATION_SCOPE_INVALID: ");
    assertThat(ledger.pendingWrites()).isZero();
    assertThat(ledger.state()).containsOnlyKeys(before.keySet());
  }
}
