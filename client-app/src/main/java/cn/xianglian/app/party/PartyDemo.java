package cn.xianglian.app.party;

import cn.xianglian.app.config.XlProperties;
import cn.xianglian.app.demo.DemoExtension;
import cn.xianglian.app.identity.IdentityEnroller;
import cn.xianglian.app.identity.UserDirectory;
import cn.xianglian.app.identity.Wallet;
import cn.xianglian.app.producer.PersonalDataSalts;
import cn.xianglian.app.system.TraceLedger;
import cn.xianglian.ledger.Identity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the 息烽 party affairs demo ({@code classpath:demo/xifeng-party.json}) after the main demo:
 * the county's party rules, the county and township 党委 and one 党支部 per demo village, five members
 * per branch, a year of meetings with attendance, monthly 党费 (with arrears), 民主评议, a 发展党员 pipeline
 * in progress, awards and 党外 / 党内 publications reviewed by the upper organisation. Everything goes
 * through {@link TraceLedger} to the real {@code party} contract, as the organisation's worker
 * identity ({@code party-<orgId>}). Marker: {@code <xl.data.dir>/party-demo-loaded}; an interrupted
 * load resumes (client-chosen ids).
 */
@Component
@ConditionalOnProperty(name = "xl.demo.enabled", havingValue = "true", matchIfMissing = true)
class PartyDemo implements DemoExtension {

  static final String RESOURCE = "demo/xifeng-party.json";
  private static final Logger LOG = LoggerFactory.getLogger(PartyDemo.class);
  private static final int MEMBERS_PER_BRANCH = 5;
  private static final int BRANCH_THREADS = 4;
  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

  private final TraceLedger ledger;
  private final Wallet wallet;
  private final UserDirectory users;
  private final ObjectProvider<IdentityEnroller> enroller;
  private final PersonalDataSalts salts;
  private final Path marker;
  private final AtomicInteger count = new AtomicInteger();

  PartyDemo(
      TraceLedger ledger,
      Wallet wallet,
      UserDirectory users,
      ObjectProvider<IdentityEnroller> enroller,
      PersonalDataSalts salts,
      XlProperties properties) {
    this.ledger = ledger;
    this.wallet = wallet;
    this.users = users;
    this.enroller = enroller;
    this.salts = salts;
    this.marker = properties.data().dir().resolve("party-demo-loaded");
  }

  @Override
  public void load() {
    if (Files.exists(marker)) {
      return;
    }
    IdentityEnroller ca = enroller.getIfAvailable();
    if (ca == null) {
      LOG.warn("party demo not loaded: this ledger adapter cannot enroll identities");
      return;
    }
    JsonNode root = read();
    enroll(ca, root);
    count.set(0);
    try {
      submitAll(root);
    } catch (RuntimeException e) {
      LOG.error(
          "party demo stopped after {} transactions: {}; it resumes on the next start",
          count,
          e.getMessage());
      return;
    }
    touch(marker);
    LOG.info("party demo loaded: {} transactions", count);
  }

  private void enroll(IdentityEnroller ca, JsonNode root) {
    for (JsonNode user : root.path("users")) {
      String identity = user.path("identity").asString();
      if (!wallet.contains(identity)) {
        Map<String, String> attrs = new LinkedHashMap<>();
        user.path("attrs")
            .properties()
            .forEach(e -> attrs.put(e.getKey(), e.getValue().asString()));
        wallet.put(ca.enroll(identity, user.path("mspId").asString(), attrs));
      }
      String username = user.path("username").asString();
      if (users.find(username).isEmpty()) {
        users.put(
            username,
            user.path("password").asString(),
            identity,
            user.path("displayName").asString());
      }
    }
    for (JsonNode step : root.path("organisations")) {
      JsonNode org = step.path("org");
      String label = worker(org.path("orgId").asString());
      String region = org.path("region").asString();
      if (!wallet.contains(label)) {
        wallet.put(
            ca.enroll(
                label,
                region.endsWith("000000") ? "CountyOrgMSP" : "TownshipOrgMSP",
                Map.of(
                    "xl.role",
                    "party_org",
                    "xl.region",
                    region,
                    "xl.party",
                    org.path("orgId").asString())));
      }
    }
  }

  private void submitAll(JsonNode root) {
    int year = root.path("year").asInt();
    submit(root.path("rulesAs").asString(), "defineRules", root.path("rules"));
    for (JsonNode step : root.path("organisations")) {
      submit(step.path("as").asString(), "registerOrganisation", step.path("org"));
    }
    List<String> surnames = strings(root.path("surnames"));
    List<String> given = strings(root.path("givenNames"));
    List<String> reasons = strings(root.path("absenceReasons"));
    JsonNode topics = root.path("topics");
    // Branches write disjoint keys: load them side by side (the ledger batches their blocks).
    List<Callable<Void>> branches = new ArrayList<>();
    int b = 0;
    for (JsonNode branch : root.path("branches")) {
      int index = b++;
      branches.add(
          () -> {
            branch(root, branch, index, surnames, given, reasons, topics);
            return null;
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(BRANCH_THREADS);
    try {
      for (Future<Void> done : pool.invokeAll(branches)) {
        done.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }
    int p = 0;
    for (JsonNode person : root.path("pipeline")) {
      String memberId = person.path("memberId").asString();
      String orgId = person.path("orgId").asString();
      register(
          worker(orgId),
          memberId,
          orgId,
          person.path("stage").asString(),
          person.path("since").asString(),
          surnames.get((p * 3 + 11) % surnames.size()) + given.get((p * 5 + 13) % given.size()));
      for (JsonNode step : person.path("steps")) {
        Map<String, Object> arg =
            args(
                "memberId", memberId,
                "stage", step.path("stage").asString(),
                "date", step.path("date").asString(),
                "minutesSha256", sha256(memberId + " " + step.path("stage").asString()));
        if (step.has("sponsors")) {
          arg.put("sponsors", strings(step.path("sponsors")));
        }
        submit(step.path("as").asString(), "advanceMember", arg);
      }
      String admitted = null;
      for (JsonNode step : person.path("steps")) {
        if (step.path("stage").asString().equals("PROBATIONARY")) {
          admitted = step.path("date").asString();
        }
      }
      if (admitted != null) {
        YearMonth first = YearMonth.from(LocalDate.parse(admitted));
        for (int month = 1; month <= 12; month++) {
          YearMonth ym = YearMonth.of(year, month);
          if (!ym.isBefore(first)) {
            submit(
                worker(orgId),
                "payDues",
                args(
                    "memberId",
                    memberId,
                    "month",
                    ym.toString(),
                    "category",
                    "FARMER",
                    "amountFen",
                    50L,
                    "paidOn",
                    ym.atDay(10).toString()));
          }
        }
      }
      p++;
    }
    for (JsonNode award : root.path("awards")) {
      submit(award.path("as").asString(), "awardPoints", award.path("award"));
    }
    for (JsonNode item : root.path("publications")) {
      JsonNode publication = item.path("publication");
      Map<String, Object> arg = new LinkedHashMap<>();
      publication.properties().forEach(e -> arg.put(e.getKey(), e.getValue().asString()));
      arg.put("contentSha256", sha256(item.path("content").asString()));
      submit(item.path("as").asString(), "submitPublication", arg);
      if (!item.path("reviewer").isNull() && !item.path("reviewer").isMissingNode()) {
        submit(
            item.path("reviewer").asString(),
            "reviewPublication",
            args(
                "publicationId", publication.path("publicationId").asString(),
                "approve", item.path("approve").asBoolean()));
      }
    }
  }

  /** One branch: five 正式党员, the year's meetings, monthly dues and 民主评议. */
  private void branch(
      JsonNode root,
      JsonNode branch,
      int b,
      List<String> surnames,
      List<String> given,
      List<String> reasons,
      JsonNode topics) {
    int year = root.path("year").asInt();
    String orgId = branch.path("orgId").asString();
    String village = orgId.substring(orgId.length() - 12);
    String as = worker(orgId);
    List<String> members = new ArrayList<>();
    for (int k = 1; k <= MEMBERS_PER_BRANCH; k++) {
      String memberId = "XF-PM-" + village + "-0" + k;
      String name =
          surnames.get((b * 5 + k) % surnames.size()) + given.get((b * 7 + k * 3) % given.size());
      String since = (1985 + (b * 5 + k * 7) % 35) + "-07-01";
      register(as, memberId, orgId, "FULL", since, name);
      members.add(memberId);
    }
    meetings(as, orgId, village, year, members, strings(branch.path("skip")), reasons, topics);
    dues(as, members, year, branch.path("lapsedMember").asBoolean());
    for (int k = 0; k < members.size(); k++) {
      submit(
          as,
          "recordEvaluation",
          args(
              "memberId",
              members.get(k),
              "year",
              year,
              "grade",
              k == 0 ? "EXCELLENT" : "QUALIFIED",
              "evaluatedOn",
              (year + 1) + "-01-20",
              "minutesSha256",
              sha256("民主评议 " + orgId + " " + year)));
    }
  }

  /** The meetings the rules ask for in {@code year}, but those in {@code skip}. */
  private void meetings(
      String as,
      String orgId,
      String village,
      int year,
      List<String> members,
      List<String> skip,
      List<String> reasons,
      JsonNode topics) {
    for (int month = 1; month <= 12; month++) {
      YearMonth ym = YearMonth.of(year, month);
      String quarter = year + "-Q" + ((month - 1) / 3 + 1);
      meeting(
          as,
          orgId,
          village,
          "BRANCH_COMMITTEE",
          ym.atDay(5),
          ym.toString(),
          members,
          skip,
          reasons,
          topics);
      meeting(
          as,
          orgId,
          village,
          "GROUP_MEETING",
          ym.atDay(10),
          ym.toString(),
          members,
          skip,
          reasons,
          topics);
      meeting(
          as,
          orgId,
          village,
          "THEME_DAY",
          ym.atDay(15),
          ym.toString(),
          members,
          skip,
          reasons,
          topics);
      if (month % 3 == 2) {
        meeting(
            as,
            orgId,
            village,
            "PARTY_LECTURE",
            ym.atDay(25),
            quarter,
            members,
            skip,
            reasons,
            topics);
      }
      if (month % 3 == 0) {
        meeting(
            as,
            orgId,
            village,
            "BRANCH_ASSEMBLY",
            ym.atDay(20),
            quarter,
            members,
            skip,
            reasons,
            topics);
      }
    }
  }

  private void meeting(
      String as,
      String orgId,
      String village,
      String type,
      LocalDate date,
      String period,
      List<String> members,
      List<String> skip,
      List<String> reasons,
      JsonNode topics) {
    if (skip.contains(type + " " + period)) {
      return;
    }
    List<Map<String, Object>> attendance = new ArrayList<>();
    for (int k = 0; k < members.size(); k++) {
      boolean absent = (date.getMonthValue() + k + type.length()) % 9 == 0;
      attendance.add(
          absent
              ? args(
                  "memberId", members.get(k),
                  "present", false,
                  "reason", reasons.get((date.getMonthValue() + k) % reasons.size()))
              : args("memberId", members.get(k), "present", true));
    }
    String meetingId = "XF-MT-" + village + "-" + date + "-" + type;
    String topic = topics.path(type).asString();
    submit(
        as,
        "recordMeeting",
        args(
            "meetingId", meetingId,
            "orgId", orgId,
            "type", type,
            "date", date.toString(),
            "topic", topic,
            "minutesSha256", sha256(meetingId + " " + topic),
            "attendance", attendance));
  }

  /**
   * Monthly 农民党员 dues; the 4th member pays March late, the 5th of a lapsed branch stops in July.
   */
  private void dues(String as, List<String> members, int year, boolean lapsed) {
    for (int k = 0; k < members.size(); k++) {
      for (int month = 1; month <= 12; month++) {
        if (lapsed && k == 4 && month > 6) {
          continue;
        }
        YearMonth ym = YearMonth.of(year, month);
        LocalDate paidOn = k == 3 && month == 3 ? ym.plusMonths(1).atDay(3) : ym.atDay(10);
        submit(
            as,
            "payDues",
            args(
                "memberId", members.get(k),
                "month", ym.toString(),
                "category", "FARMER",
                "amountFen", 20L * (k + 1),
                "paidOn", paidOn.toString()));
      }
    }
  }

  private void register(
      String as, String memberId, String orgId, String stage, String since, String name) {
    Identity caller = identity(as);
    ledger.submitTo(
        PartyController.CONTRACT,
        caller,
        "registerMember",
        args("memberId", memberId, "orgId", orgId, "stage", stage, "since", since),
        Map.of(
            PartyController.MEMBER,
            args("name", name, "phone", phone(memberId), "idNumber", idNumber(memberId, since)),
            PartyController.MEMBER_SALT,
            PartyController.memberSalt(salts, memberId)));
    count.incrementAndGet();
  }

  private void submit(String as, String transaction, Object argument) {
    ledger.submitTo(PartyController.CONTRACT, identity(as), transaction, argument, Map.of());
    count.incrementAndGet();
  }

  private Identity identity(String label) {
    return wallet
        .find(label)
        .orElseThrow(() -> new IllegalStateException("party demo: unknown identity " + label));
  }

  static String worker(String orgId) {
    return "party-" + orgId;
  }

  /** An invented mobile number derived from the member id. */
  static String phone(String memberId) {
    return "139" + "%08d".formatted(Math.floorMod(memberId.hashCode(), 100_000_000));
  }

  /** An invented 息烽 ID number (GB 11643 check character) born 20 years before joining. */
  static String idNumber(String memberId, String since) {
    LocalDate born =
        LocalDate.parse(since).minusYears(20).minusDays(Math.floorMod(memberId.hashCode(), 300));
    String body =
        "520122"
            + born.toString().replace("-", "")
            + "%03d".formatted(Math.floorMod(memberId.hashCode() / 7, 1000));
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body.charAt(i) - '0') * ID_WEIGHTS[i];
    }
    return body + "10X98765432".charAt(sum % 11);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  static JsonNode read() {
    try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
      return JsonMapper.builder().build().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(node -> out.add(node.asString()));
    return out;
  }

  private static Map<String, Object> args(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private static void touch(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      if (!Files.exists(file)) {
        Files.createFile(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
