package cn.xianglian.app.projection;

import java.util.List;

/**
 * A state key in readable form. A composite key {@code \0type\0a\0b\0} has an object type and
 * attributes and reads {@code type/a/b}; any other key is kept as it is, with NUL shown as U+2400.
 *
 * @param objectType the composite key's object type, or null for a plain key
 * @param attributes the composite key's attributes (empty for a plain key)
 * @param display the readable key stored in SQL
 */
public record StateKey(String objectType, List<String> attributes, String display) {

  private static final char NUL = '\u0000';

  public StateKey {
    attributes = List.copyOf(attributes);
  }

  /** Decodes a raw ledger key. */
  public static StateKey parse(String raw) {
    if (raw.length() >= 2 && raw.charAt(0) == NUL && raw.charAt(raw.length() - 1) == NUL) {
      String[] parts = raw.substring(1, raw.length() - 1).split(String.valueOf(NUL), -1);
      List<String> attributes = List.of(parts).subList(1, parts.length);
      return new StateKey(parts[0], attributes, String.join("/", parts));
    }
    return new StateKey(null, List.of(), raw.replace(NUL, '\u2400'));
  }

  /** The last attribute (the record id for the trace contract's record keys), or null. */
  public String id() {
    return attributes.isEmpty() ? null : attributes.getLast();
  }
}
