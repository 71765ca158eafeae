package cn.xianglian.chaincode.trace.domain;

import static cn.xianglian.chaincode.domain.ErrorCode.LIMIT_EXCEEDED;

import cn.xianglian.chaincode.domain.XlException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Bounded walks over the batch graph (parents and children), breadth first, each batch once. A walk
 * that would pass {@code limit} batches fails with LIMIT_EXCEEDED instead of returning a part.
 */
public final class Lineage {

  /** Reads one batch during a walk. */
  @FunctionalInterface
  public interface BatchLookup {
    Optional<Batch> find(String batchId);
  }

  private Lineage() {}

  /** Every batch made from {@code root}, nearest first, without {@code root}. */
  public static List<Batch> descendants(Batch root, BatchLookup lookup, int limit) {
    return walk(root, Batch::children, lookup, limit);
  }

  /** Every batch {@code root} was made from, nearest first, without {@code root}. */
  public static List<Batch> ancestors(Batch root, BatchLookup lookup, int limit) {
    return walk(root, Batch::parents, lookup, limit);
  }

  private static List<Batch> walk(
      Batch root, Function<Batch, List<String>> next, BatchLookup lookup, int limit) {
    Set<String> seen = new LinkedHashSet<>();
    seen.add(root.batchId());
    List<Batch> found = new ArrayList<>();
    Deque<Batch> queue = new ArrayDeque<>(List.of(root));
    while (!queue.isEmpty()) {
      for (String id : next.apply(queue.removeFirst())) {
        if (seen.add(id)) {
          XlException.check(
              found.size() < limit,
              LIMIT_EXCEEDED,
              "lineage of " + root.batchId() + " exceeds " + limit + " batches");
          Batch batch =
              lookup
                  .find(id)
                  .orElseThrow(
                      () -> new IllegalStateException("lineage names missing batch " + id));
          found.add(batch);
          queue.addLast(batch);
        }
      }
    }
    return found;
  }
}
