package cn.xianglian.chaincode.common;

import java.util.List;
import java.util.Objects;

/**
 * A world-state key built by {@link KeyCodec}; the only kind of key {@link LedgerState} accepts, so
 * no raw string key can reach the stub.
 */
public final class LedgerKey {

  private final ObjectType type;
  private final List<String> attributes;
  private final String value;

  LedgerKey(ObjectType type, List<String> attributes, String value) {
    this.type = type;
    this.attributes = List.copyOf(attributes);
    this.value = value;
  }

  public ObjectType type() {
    return type;
  }

  public List<String> attributes() {
    return attributes;
  }

  /** The last attribute: the id a record or index entry is about. */
  public String id() {
    return attributes.get(attributes.size() - 1);
  }

  /** The composite key string as the stub sees it ({@code \u0000type\u0000attr…\u0000}). */
  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LedgerKey key && key.value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value);
  }

  @Override
  public String toString() {
    return type + attributes.toString();
  }
}
