package cn.xianglian.ledger.anchor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The audit path of one leaf: its index, the size of the tree and the sibling hashes from the leaf
 * up (RFC 9162 §2.1.3). Together with the leaf data and a root it is all a verifier needs.
 */
public record InclusionProof(long leafIndex, long treeSize, List<byte[]> path) {

  public InclusionProof {
    Objects.requireNonNull(path, "path");
    List<byte[]> copy = new ArrayList<>(path.size());
    for (byte[] hash : path) {
      copy.add(Objects.requireNonNull(hash, "path hash").clone());
    }
    path = List.copyOf(copy);
  }

  /** The sibling hashes (each a copy). */
  @Override
  public List<byte[]> path() {
    return path.stream().map(byte[]::clone).toList();
  }

  List<byte[]> pathUnsafe() {
    return path;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof InclusionProof that)) {
      return false;
    }
    if (leafIndex != that.leafIndex
        || treeSize != that.treeSize
        || path.size() != that.path.size()) {
      return false;
    }
    for (int i = 0; i < path.size(); i++) {
      if (!java.util.Arrays.equals(path.get(i), that.path.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = Long.hashCode(leafIndex) * 31 + Long.hashCode(treeSize);
    for (byte[] hash : path) {
      h = h * 31 + java.util.Arrays.hashCode(hash);
    }
    return h;
  }

  @Override
  public String toString() {
    return "InclusionProof[leafIndex="
        + leafIndex
        + ", treeSize="
        + treeSize
        + ", path="
        + path.size()
        + " hashes]";
  }
}
