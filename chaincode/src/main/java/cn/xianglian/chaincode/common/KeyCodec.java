package cn.xianglian.chaincode.common;

import static cn.xianglian.chaincode.domain.ErrorCode.INVALID_ARGUMENT;

import cn.xianglian.chaincode.domain.XlException;
import java.util.List;
import org.hyperledger.fabric.shim.ledger.CompositeKey;

/**
 * Builds every key: full keys with exactly the attributes of their {@link ObjectType}, partial keys
 * with a leading subset for listing. Keys live in the composite-key namespace ({@code \u0000}).
 */
public final class KeyCodec {

  /** Width of zero-padded sequence numbers, so keys sort in numeric order. */
  private static final int SEQ_WIDTH = 12;

  private KeyCodec() {}

  /** The full key of {@code type} with all of its attributes, in order. */
  public static LedgerKey key(ObjectType type, String... attributes) {
    if (attributes.length != type.attributes().size()) {
      throw new IllegalArgumentException(
          type + " takes " + type.attributes() + ", got " + attributes.length + " values");
    }
    return build(type, attributes);
  }

  /** A partial key of {@code type}: its first {@code attributes.length} attributes. */
  public static CompositeKey partial(ObjectType type, String... attributes) {
    if (attributes.length >= type.attributes().size()) {
      throw new IllegalArgumentException(type + " partial key needs fewer attributes");
    }
    return composite(type, attributes);
  }

  /** The typed key of a composite key string the stub returned while listing {@code type}. */
  public static LedgerKey parse(ObjectType type, String compositeKey) {
    CompositeKey parsed = CompositeKey.parseCompositeKey(compositeKey);
    if (!parsed.getObjectType().equals(type.objectType())
        || parsed.getAttributes().size() != type.attributes().size()) {
      throw new IllegalStateException("not a " + type + " key: " + parsed);
    }
    return build(type, parsed.getAttributes().toArray(String[]::new));
  }

  /** A sequence number as a sortable attribute. */
  public static String seq(long seq) {
    if (seq < 0) {
      throw new IllegalArgumentException("negative seq " + seq);
    }
    String digits = Long.toString(seq);
    return "0".repeat(Math.max(0, SEQ_WIDTH - digits.length())) + digits;
  }

  /**
   * Builds the key text in Fabric's composite-key format ({@code U+0000 objectType U+0000
   * (attribute U+0000)*}) directly: the shim's {@code CompositeKey} compiles a regular expression
   * for every segment it checks, which cost a tenth of the CPU of a trace transaction. {@code
   * KeyCodecTest} holds this text equal to {@code new CompositeKey(...).toString()}.
   */
  private static LedgerKey build(ObjectType type, String... attributes) {
    var text = new StringBuilder(64).append(NAMESPACE).append(type.objectType()).append(NAMESPACE);
    for (String attribute : attributes) {
      checkSegment(attribute);
      text.append(attribute).append(NAMESPACE);
    }
    return new LedgerKey(type, List.of(attributes), text.toString());
  }

  /** Fabric forbids U+0000 and U+10FFFF inside a segment; empty attributes are ours to forbid. */
  private static void checkSegment(String attribute) {
    XlException.check(
        attribute != null && !attribute.isEmpty(), INVALID_ARGUMENT, "empty key attribute");
    for (int i = 0; i < attribute.length(); i++) {
      char c = attribute.charAt(i);
      if (c == NAMESPACE
          || (Character.isHighSurrogate(c)
              && attribute.codePointAt(i) == Character.MAX_CODE_POINT)) {
        throw new XlException(
            INVALID_ARGUMENT, "invalid key attribute: forbidden character at index " + i);
      }
    }
  }

  private static final char NAMESPACE = '\u0000';

  private static CompositeKey composite(ObjectType type, String... attributes) {
    for (String attribute : attributes) {
      XlException.check(
          attribute != null && !attribute.isEmpty(), INVALID_ARGUMENT, "empty key attribute");
    }
    try {
      return new CompositeKey(type.objectType(), attributes);
    } catch (RuntimeException invalid) {
      throw new XlException(INVALID_ARGUMENT, "invalid key attribute: " + invalid.getMessage());
    }
  }
}
