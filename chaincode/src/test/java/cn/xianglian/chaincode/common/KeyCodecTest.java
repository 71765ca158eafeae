package cn.xianglian.chaincode.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xianglian.chaincode.domain.ErrorCode;
import cn.xianglian.chaincode.domain.XlException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KeyCodecTest {

  @Test
  @DisplayName("a record key is a composite key in the \\u0000 namespace, attributes in order")
  void recordKey() {
    LedgerKey key = KeyCodec.key(ObjectType.BATCH, "XF-2026-0001");
    assertThat(key.value()).isEqualTo("\u0000xl.batch\u0000XF-2026-0001\u0000");
    assertThat(key.id()).isEqualTo("XF-2026-0001");
  }

  @Test
  @DisplayName("index keys carry their attributes in the order the object type fixes")
  void indexKey() {
    LedgerKey key =
        KeyCodec.key(ObjectType.BATCH_BY_REGION, "520122", "520122100", "520122100201", "XF-1");
    assertThat(key.value())
        .isEqualTo(
            "\u0000xl.idx.batchByRegion\u0000520122\u0000520122100\u0000520122100201\u0000XF-1\u0000");
  }

  @Test
  @DisplayName("a partial key lists by leading attributes and is a prefix of the full keys")
  void partialKey() {
    String partial = KeyCodec.partial(ObjectType.BATCH_BY_REGION, "520122", "520122100").toString();
    assertThat(
            KeyCodec.key(ObjectType.BATCH_BY_REGION, "520122", "520122100", "520122100201", "B")
                .value())
        .startsWith(partial);
    assertThat(
            KeyCodec.key(ObjectType.BATCH_BY_REGION, "520122", "520122101", "520122101201", "B")
                .value())
        .doesNotStartWith(partial);
  }

  @Test
  @DisplayName("the wrong number of attributes is a programming error")
  void arity() {
    assertThatThrownBy(() -> KeyCodec.key(ObjectType.BATCH, "a", "b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KeyCodec.partial(ObjectType.BATCH, "a"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("an attribute holding the namespace separator is INVALID_ARGUMENT")
  void separatorRejected() {
    assertThatThrownBy(() -> KeyCodec.key(ObjectType.BATCH, "a\u0000b"))
        .isInstanceOfSatisfying(
            XlException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }

  @Test
  @DisplayName("the maximum code point U+10FFFF in an attribute is INVALID_ARGUMENT, as in Fabric")
  void maxCodePointRejected() {
    String max = new String(Character.toChars(Character.MAX_CODE_POINT));
    assertThatThrownBy(() -> KeyCodec.key(ObjectType.BATCH, "a" + max))
        .isInstanceOfSatisfying(
            XlException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    assertThatThrownBy(() -> KeyCodec.key(ObjectType.BATCH, ""))
        .isInstanceOfSatisfying(
            XlException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }

  @Test
  @DisplayName("every key's text is exactly what the shim's CompositeKey makes of it")
  void sameTextAsTheShim() {
    var random = new java.util.Random(20261124);
    String alphabet = "abcXYZ-_.:~/ 0129贡米息烽\uD83C\uDF3E";
    for (ObjectType type : ObjectType.values()) {
      for (int round = 0; round < 50; round++) {
        String[] attributes = new String[type.attributes().size()];
        for (int i = 0; i < attributes.length; i++) {
          var text = new StringBuilder();
          int length = 1 + random.nextInt(12);
          while (text.length() < length) {
            int at = random.nextInt(alphabet.length());
            if (Character.isSurrogate(alphabet.charAt(at))) {
              text.append("\uD83C\uDF3E");
            } else {
              text.append(alphabet.charAt(at));
            }
          }
          attributes[i] = text.toString();
        }
        assertThat(KeyCodec.key(type, attributes).value())
            .isEqualTo(
                new org.hyperledger.fabric.shim.ledger.CompositeKey(type.objectType(), attributes)
                    .toString());
      }
    }
  }

  @Test
  @DisplayName("sequence numbers are zero-padded so keys sort numerically")
  void seq() {
    assertThat(KeyCodec.seq(7)).isEqualTo("000000000007");
    assertThat(KeyCodec.seq(10).compareTo(KeyCodec.seq(9))).isPositive();
  }

  @Test
  @DisplayName("a listed key parses back to the typed key")
  void parse() {
    LedgerKey key = KeyCodec.key(ObjectType.BATCH_EVENT, "B1", KeyCodec.seq(3), "E1");
    assertThat(KeyCodec.parse(ObjectType.BATCH_EVENT, key.value())).isEqualTo(key);
    assertThatThrownBy(() -> KeyCodec.parse(ObjectType.BATCH, key.value()))
        .isInstanceOf(IllegalStateException.class);
  }
}
