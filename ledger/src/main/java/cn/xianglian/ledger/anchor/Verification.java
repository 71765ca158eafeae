package cn.xianglian.ledger.anchor;

import java.util.Objects;

/**
 * The outcome of checking a proof: valid, or the first reason it failed with a stable code and an
 * English message naming the values that disagree.
 */
public record Verification(Failure failure, String message) {

  /** Why a proof does not hold, in the order they are checked. */
  public enum Failure {
    /**
     * Leaf index, tree size or a hash length is impossible (e.g. index ≥ size, hash not 32 bytes).
     */
    MALFORMED_PROOF,
    /** The path is longer or shorter than a tree of that size needs for that index. */
    PATH_LENGTH_MISMATCH,
    /** The path leads to a different root: the leaf data, a path hash or the root was altered. */
    ROOT_MISMATCH,
    /** The root is not anchored on the chain (or is anchored for a different block range). */
    ROOT_NOT_ANCHORED,
    /** The leaf's block lies outside the block range of the anchored checkpoint. */
    LEAF_OUTSIDE_RANGE
  }

  private static final Verification VALID = new Verification(null, "valid");

  public Verification {
    Objects.requireNonNull(message, "message");
  }

  public static Verification valid() {
    return VALID;
  }

  public static Verification invalid(Failure failure, String message) {
    return new Verification(Objects.requireNonNull(failure, "failure"), message);
  }

  public boolean isValid() {
    return failure == null;
  }

  @Override
  public String toString() {
    return isValid() ? "VALID" : failure + ": " + message;
  }
}
