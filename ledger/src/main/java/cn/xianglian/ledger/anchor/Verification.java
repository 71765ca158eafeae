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
    /**
     * The published record shipped with a disclosure proof does not hash to the leaf's content
     * hash: the record was altered.
     */
    CONTENT_MISMATCH,
    /** The leaf's block lies outside the block range the proof claims for its checkpoint. */
    LEAF_OUTSIDE_RANGE,
    /** The path is longer or shorter than a tree of that size needs for that index. */
    PATH_LENGTH_MISMATCH,
    /** The path leads to a different root: the leaf data, a path hash or the root was altered. */
    ROOT_MISMATCH,
    /**
     * No anchor on the chain holds the leaf's block, or the anchor there has another root or range.
     */
    ROOT_NOT_ANCHORED
  }

  private static final Verification VALID = new Verification(null, "valid");

  public Verification {
    Objects.requireNonNull(message, "message");
  }

  public static Verification valid() {
    return VALID;
  }

  /** Valid, with a message saying what was checked (e.g. which anchor holds the root). */
  public static Verification valid(String message) {
    return new Verification(null, message);
  }

  public static Verification invalid(Failure failure, String message) {
    return new Verification(Objects.requireNonNull(failure, "failure"), message);
  }

  public boolean isValid() {
    return failure == null;
  }

  @Override
  public String toString() {
    return isValid() ? "VALID: " + message : failure + ": " + message;
  }
}
