package cn.xianglian.qr.issuance;

/**
 * Aggregation of a case or pallet run: each code of the parent run holds {@code perParent}
 * consecutive codes of {@code childRunId}, in order. Parent {@code i} (0-based index in its run)
 * holds child indexes {@code i*perParent .. (i+1)*perParent-1}. No code-by-code packing list is
 * stored; the arithmetic is the packing list.
 */
public record Containment(String childRunId, int perParent) {

  public Containment {
    if (childRunId == null || childRunId.isBlank()) {
      throw new IllegalArgumentException("childRunId missing");
    }
    if (perParent < 1 || perParent > 100_000) {
      throw new IllegalArgumentException("perParent must be 1..100000");
    }
  }
}
