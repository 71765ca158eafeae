package cn.xianglian.qr.issuance;

import cn.xianglian.qr.Caller;
import cn.xianglian.qr.digitallink.ProductKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry in memory, with the ledger's rules: for unit tests of issuance and labels only (the
 * service always records runs on the ledger).
 */
public final class InMemoryCodeRunRegistry implements CodeRunRegistry {

  private final Map<String, CodeRun> runs = new LinkedHashMap<>();

  @Override
  public synchronized CodeRun issue(CodeRun run, Caller issuer) {
    List<CodeRun> lotRuns = runsOf(run.product(), run.lot());
    Optional<CodeRun> existing =
        RunRules.check(
            run,
            Optional.ofNullable(runs.get(run.runId())),
            lotRuns,
            id -> Optional.ofNullable(runs.get(id)));
    if (existing.isPresent()) {
      return existing.get();
    }
    runs.put(run.runId(), run);
    return run;
  }

  @Override
  public synchronized Optional<CodeRun> find(String runId) {
    return Optional.ofNullable(runs.get(runId));
  }

  @Override
  public synchronized List<CodeRun> runsOf(ProductKey product, String lot) {
    List<CodeRun> found = new ArrayList<>();
    for (CodeRun run : runs.values()) {
      if (run.product().equals(product) && run.lot().equals(lot)) {
        found.add(run);
      }
    }
    found.sort(
        Comparator.comparing((CodeRun r) -> r.range().level())
            .thenComparingLong(r -> r.range().start()));
    return found;
  }
}
