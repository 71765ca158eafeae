package cn.xianglian.app.demo;

import cn.xianglian.app.config.XlProperties;
import cn.xianglian.app.identity.IdentityEnroller;
import cn.xianglian.app.identity.UserDirectory;
import cn.xianglian.app.identity.Wallet;
import cn.xianglian.app.producer.PersonalDataSalts;
import cn.xianglian.app.system.TraceLedger;
import cn.xianglian.ledger.Identity;
import cn.xianglian.ledger.LedgerClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the 息烽 demo dataset on first start: enrolls the demo identities into the wallet, adds the
 * demo users, and submits every step through {@link TraceLedger} — the same path the REST
 * controllers use — as the step's user. It runs when no marker says it finished and the ledger is
 * empty (or a previous load was interrupted: every id is client-chosen, so resubmitting the same
 * content is harmless). A restart does not load twice.
 */
@Component
@ConditionalOnProperty(name = "xl.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoLoader implements ApplicationRunner {

  static final String RESOURCE = "demo/xifeng-demo.json";
  private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);

  private final TraceLedger trace;
  private final LedgerClient ledger;
  private final Wallet wallet;
  private final UserDirectory users;
  private final ObjectProvider<IdentityEnroller> enroller;
  private final PersonalDataSalts salts;
  private final Path loaded;
  private final Path loading;
  private final ObjectProvider<DemoExtension> extensions;

  DemoLoader(
      TraceLedger trace,
      LedgerClient ledger,
      Wallet wallet,
      UserDirectory users,
      ObjectProvider<IdentityEnroller> enroller,
      PersonalDataSalts salts,
      XlProperties properties,
      ObjectProvider<DemoExtension> extensions) {
    this.extensions = extensions;
    this.salts = salts;
    this.trace = trace;
    this.ledger = ledger;
    this.wallet = wallet;
    this.users = users;
    this.enroller = enroller;
    this.loaded = properties.data().dir().resolve("demo-loaded");
    this.loading = properties.data().dir().resolve("demo-loading");
  }

  @Override
  public void run(ApplicationArguments arguments) {
    DemoData data = read();
    if (Files.exists(loaded)) {
      printUsers(data, "already loaded");
      extensions.orderedStream().forEach(DemoExtension::load);
      return;
    }
    if (ledger.height() > 1 && !Files.exists(loading)) {
      LOG.info("demo data not loaded: the ledger already holds {} blocks", ledger.height());
      return;
    }
    IdentityEnroller ca = enroller.getIfAvailable();
    if (ca == null) {
      LOG.warn("demo data not loaded: this ledger adapter cannot enroll identities");
      return;
    }
    touch(loading);
    for (DemoData.User user : data.users()) {
      if (!wallet.contains(user.identity())) {
        wallet.put(ca.enroll(user.identity(), user.mspId(), user.attrs()));
      }
      if (users.find(user.username()).isEmpty()) {
        users.put(user.username(), user.password(), user.identity(), user.displayName());
      }
    }
    int count = 0;
    for (DemoData.Step step : data.steps()) {
      Identity caller =
          wallet
              .find(step.as())
              .orElseThrow(() -> new IllegalStateException("demo step as unknown " + step.as()));
      try {
        submit(caller, step);
      } catch (RuntimeException e) {
        LOG.error(
            "demo data stopped at step {} ({} as {}): {}; it resumes on the next start",
            count,
            step.tx(),
            step.as(),
            e.getMessage());
        return;
      }
      count++;
    }
    touch(loaded);
    delete(loading);
    LOG.info("demo data loaded: {} transactions, ledger height {}", count, ledger.height());
    printUsers(data, "loaded now");
    extensions.orderedStream().forEach(DemoExtension::load);
  }

  private void submit(Identity caller, DemoData.Step step) {
    if (step.transient_() == null || step.transient_().isEmpty()) {
      trace.submitTo(step.contract(), caller, step.tx(), step.arg(), Map.of());
      return;
    }
    Map<String, Object> secrets = new LinkedHashMap<>(step.transient_());
    if (secrets.containsKey(PersonalDataSalts.PERSONAL)) {
      secrets.put(PersonalDataSalts.SALT, salts.saltFor(step.arg().path("producerId").asString()));
    }
    trace.submit(caller, step.tx(), step.arg(), secrets);
  }

  static DemoData read() {
    JsonMapper json = JsonMapper.builder().build();
    try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
      JsonNode root = json.readTree(in);
      var steps = new ArrayList<DemoData.Step>();
      for (JsonNode step : root.path("steps")) {
        Map<String, JsonNode> secrets = new LinkedHashMap<>();
        step.path("transient").properties().forEach(e -> secrets.put(e.getKey(), e.getValue()));
        steps.add(
            new DemoData.Step(
                step.path("as").asString(),
                step.path("contract").asString(TraceLedger.CONTRACT),
                step.path("tx").asString(),
                step.path("arg"),
                secrets));
      }
      var users = new ArrayList<DemoData.User>();
      for (JsonNode user : root.path("users")) {
        users.add(json.treeToValue(user, DemoData.User.class));
      }
      return new DemoData(users, steps);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  private static void printUsers(DemoData data, String state) {
    var text =
        new StringBuilder("\n=== 息烽 demo data (" + state + ") — demo users (HTTP Basic) ===\n");
    for (DemoData.User user : data.users()) {
      text.append(
          String.format(
              "  %-18s %-12s %-14s %-10s %s%n",
              user.username(),
              user.password(),
              user.mspId(),
              user.attrs().get("xl.role"),
              user.displayName()));
    }
    LOG.info("{}", text);
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

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
