package cn.xianglian.qr.issuance;

import cn.xianglian.qr.digitallink.Serial;
import java.util.Optional;

/** Box ↔ items: which child codes a case or pallet holds, and which parent holds a child code. */
public final class Aggregation {

  private Aggregation() {}

  /** The child serials held by {@code parentSerial} of {@code parent} (which contains child). */
  public static SerialRange contentsOf(CodeRun parent, CodeRun child, Serial parentSerial) {
    Containment containment = requireLink(parent, child);
    long index = parent.indexOf(parentSerial);
    long first = index * containment.perParent();
    long last = Math.min(first + containment.perParent(), child.count()) - 1;
    return new SerialRange(
        child.range().level(), child.range().start() + first, child.range().start() + last);
  }

  /** The parent serial holding {@code childSerial}. */
  public static Serial parentOf(CodeRun parent, CodeRun child, Serial childSerial) {
    Containment containment = requireLink(parent, child);
    long index = child.indexOf(childSerial) / containment.perParent();
    return parent.range().serial(index);
  }

  /** The run among {@code candidates} that packs {@code child}, if any. */
  public static Optional<CodeRun> packerOf(CodeRun child, Iterable<CodeRun> candidates) {
    for (CodeRun run : candidates) {
      if (run.contains() != null && run.contains().childRunId().equals(child.runId())) {
        return Optional.of(run);
      }
    }
    return Optional.empty();
  }

  private static Containment requireLink(CodeRun parent, CodeRun child) {
    Containment containment = parent.contains();
    if (containment == null || !containment.childRunId().equals(child.runId())) {
      throw new IllegalArgumentException(parent.runId() + " does not pack " + child.runId());
    }
    return containment;
  }
}
