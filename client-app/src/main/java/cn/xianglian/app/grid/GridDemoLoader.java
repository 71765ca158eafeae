package cn.xianglian.app.grid;

import cn.xianglian.app.config.XlProperties;
import cn.xianglian.app.demo.DemoExtension;
import cn.xianglian.app.identity.IdentityEnroller;
import cn.xianglian.app.identity.UserDirectory;
import cn.xianglian.app.identity.Wallet;
import cn.xianglian.app.producer.PersonalDataSalts;
import cn.xianglian.app.system.TraceLedger;
import cn.xianglian.ledger.Identity;
import cn.xianglian.ledger.LedgerException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Loads the grid demo plan ({@link GridDemo}) through the ledger as the demo loader's extension:
 * enrolls the grid users, submits the catalogue, grids and workers in order, then the event chains
 * concurrently (each chain in order) as the step's user — the same {@link TraceLedger} path the
 * REST API uses. A marker in the data directory says it finished; an interrupted load resumes,
 * skipping the steps each event already has (ids are client-chosen and retries return the stored
 * record).
 */
@Component
@ConditionalOnProperty(name = "xl.demo.enabled", havingValue = "true", matchIfMissing = true)
class GridDemoLoader implements DemoExtension {

  private static final Logger LOG = LoggerFactory.getLogger(GridDemoLoader.class);
  private static final int SUBMITTERS = 16;

  private final TraceLedger ledger;
  private final Wallet wallet;
  private final UserDirectory users;
  private final ObjectProvider<IdentityEnroller> enroller;
  private final PersonalDataSalts salts;
  private final Path loaded;

  GridDemoLoader(
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
    this.loaded = properties.data().dir().resolve("grid-demo-loaded");
  }

  @Override
  public void load() {
    if (Files.exists(loaded)) {
      return;
    }
    IdentityEnroller ca = enroller.getIfAvailable();
    if (ca == null) {
      LOG.warn("grid demo data not loaded: this ledger adapter cannot enroll identities");
      return;
    }
    long start = System.nanoTime();
    GridDemo plan = GridDemo.plan();
    for (GridDemo.User user : plan.users()) {
      if (!wallet.contains(user.username())) {
        wallet.put(
            ca.enroll(
                user.username(),
                user.mspId(),
                Map.of(
                    "xl.role", user.role(), "xl.region", user.region(), "xl.party", user.party())));
      }
      if (users.find(user.username()).isEmpty()) {
        users.put(user.username(), GridDemo.PASSWORD, user.username(), user.displayName());
      }
    }
    var count = new AtomicInteger();
    try {
      for (GridDemo.Tx tx : plan.setup()) {
        submit(tx);
        count.incrementAndGet();
      }
      ExecutorService pool = Executors.newFixedThreadPool(SUBMITTERS);
      try {
        List<Future<?>> chains = new ArrayList<>();
        for (List<GridDemo.Tx> chain : plan.events()) {
          chains.add(pool.submit(() -> count.addAndGet(run(chain))));
        }
        for (Future<?> chain : chains) {
          chain.get();
        }
      } finally {
        pool.shutdown();
      }
    } catch (Exception e) {
      LOG.error(
          "grid demo data stopped after {} transactions: {}; it resumes on the next start",
          count.get(),
          e.getMessage());
      return;
    }
    touch(loaded);
    var text =
        new StringBuilder(
            String.format(
                "%n=== 息烽 grid demo: %d events, %d transactions in %.1f s — users (HTTP Basic, password %s) ===%n",
                plan.events().size(),
                count.get(),
                (System.nanoTime() - start) / 1e9,
                GridDemo.PASSWORD));
    for (GridDemo.User user : plan.users()) {
      text.append(
          String.format(
              "  %-22s %-14s %-11s %s%n",
              user.username(), user.mspId(), user.role(), user.displayName()));
    }
    LOG.info("{}", text);
  }

  /** Submits one event's chain in order, skipping the steps the event already has; the count. */
  private int run(List<GridDemo.Tx> chain) {
    JsonNode event = submit(chain.get(0));
    int done = event.path("steps").size() - 1;
    boolean resumed = done > 0 || event.path("escalationLevel").asInt() > 0;
    int submitted = 1;
    for (GridDemo.Tx tx : chain.subList(1, chain.size())) {
      if (tx.transaction().equals("escalateEvent")) {
        if (resumed && event.path("escalationLevel").asInt() > 0) {
          continue;
        }
      } else if (done > 0) {
        done--;
        continue;
      }
      event = submit(tx);
      submitted++;
    }
    return submitted;
  }

  private JsonNode submit(GridDemo.Tx tx) {
    Identity caller =
        wallet
            .find(tx.as())
            .orElseThrow(() -> new IllegalStateException("grid demo step as unknown " + tx.as()));
    Map<String, Object> secrets =
        tx.personal() == null
            ? Map.of()
            : Map.of(
                PersonalDataSalts.PERSONAL,
                tx.personal(),
                PersonalDataSalts.SALT,
                salts.saltFor("grid-worker/" + tx.argument().get("workerId")));
    try {
      return ledger
          .submitTo(GridController.CONTRACT, caller, tx.transaction(), tx.argument(), secrets)
          .record();
    } catch (LedgerException e) {
      throw new IllegalStateException(
          tx.transaction()
              + " "
              + tx.argument().get("eventId")
              + " as "
              + tx.as()
              + ": "
              + e.errorCode().orElse(e.getMessage()),
          e);
    }
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
