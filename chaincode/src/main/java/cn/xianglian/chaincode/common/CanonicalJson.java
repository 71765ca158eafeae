package cn.xianglian.chaincode.common;

import static cn.xianglian.chaincode.domain.ErrorCode.INVALID_ARGUMENT;

import cn.xianglian.chaincode.domain.ChinaTime;
import cn.xianglian.chaincode.domain.Coded;
import cn.xianglian.chaincode.domain.RegionCode;
import cn.xianglian.chaincode.domain.XlException;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleDeserializers;
import tools.jackson.databind.module.SimpleModule;

/**
 * The one serialiser of state, results, events and command arguments: object keys sorted, map keys
 * sorted, no whitespace, nulls left out, no floating-point numbers (rejected on input), times as
 * {@code yyyy-MM-ddTHH:mm:ss+08:00}, CBV codes for steps and dispositions. Every endorsing peer
 * therefore writes the same bytes for the same record.
 */
public final class CanonicalJson {

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .enable(MapperFeature.INFER_RECORD_GETTERS_FROM_COMPONENTS_ONLY)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .changeDefaultPropertyInclusion(
              inclusion ->
                  JsonInclude.Value.construct(
                      JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
          .addModule(domainModule())
          .build();

  private CanonicalJson() {}

  /** The canonical UTF-8 bytes of {@code value}. */
  public static byte[] bytes(Object value) {
    return MAPPER.writeValueAsBytes(value);
  }

  /** The canonical text of {@code value}. */
  public static String text(Object value) {
    return new String(bytes(value), StandardCharsets.UTF_8);
  }

  /**
   * Reads a client's JSON object into {@code type}. Anything malformed — syntax, unknown or
   * duplicate fields, wrong types, floats, failed field checks — is INVALID_ARGUMENT (or the code a
   * field check raised).
   */
  public static <T> T read(String json, Class<T> type) {
    XlException.check(json != null, INVALID_ARGUMENT, "argument is missing");
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new XlException(INVALID_ARGUMENT, "malformed JSON: " + e.getOriginalMessage());
    }
    XlException.check(
        tree != null && tree.isObject(), INVALID_ARGUMENT, "argument must be a JSON object");
    requireNoFloats(tree);
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (RuntimeException e) {
      throw rejection(e);
    }
  }

  /** Reads bytes this class wrote (state) back into {@code type}. */
  public static <T> T fromState(byte[] bytes, Class<T> type) {
    return MAPPER.readValue(bytes, type);
  }

  /** Parses bytes this class wrote into a tree (for embedding in results). */
  public static JsonNode tree(byte[] bytes) {
    return MAPPER.readTree(bytes);
  }

  private static void requireNoFloats(JsonNode node) {
    XlException.check(
        !node.isFloatingPointNumber(), INVALID_ARGUMENT, "floating-point numbers are not allowed");
    for (Iterator<JsonNode> it = node.values().iterator(); it.hasNext(); ) {
      requireNoFloats(it.next());
    }
  }

  private static XlException rejection(RuntimeException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof XlException rejection) {
        return rejection;
      }
    }
    String message = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
    return new XlException(INVALID_ARGUMENT, "malformed argument: " + message);
  }

  private static SimpleModule domainModule() {
    SimpleModule module = new SimpleModule("xianglian-canonical");
    // Set first: the asString deserializers below are added to this instance.
    module.setDeserializers(new CodedDeserializers());
    asString(
        module, OffsetDateTime.class, ChinaTime::format, text -> ChinaTime.parse("time", text));
    asString(module, LocalDate.class, LocalDate::toString, CanonicalJson::date);
    asString(module, RegionCode.class, RegionCode::code, RegionCode::new);
    module.addSerializer(
        Coded.class,
        new ValueSerializer<Coded>() {
          @Override
          public void serialize(Coded value, JsonGenerator gen, SerializationContext context) {
            gen.writeString(value.code());
          }
        });
    return module;
  }

  /** Reads every enum implementing {@link Coded} (CBV steps, dispositions, …) from its code. */
  private static final class CodedDeserializers extends SimpleDeserializers {

    private static final long serialVersionUID = 1L;

    @Override
    public ValueDeserializer<?> findEnumDeserializer(
        JavaType type, DeserializationConfig config, BeanDescription.Supplier beanDescRef) {
      Class<?> raw = type.getRawClass();
      if (!Coded.class.isAssignableFrom(raw)) {
        return super.findEnumDeserializer(type, config, beanDescRef);
      }
      return new ValueDeserializer<Object>() {
        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
          XlException.check(
              parser.hasToken(JsonToken.VALUE_STRING),
              INVALID_ARGUMENT,
              raw.getSimpleName() + " must be a string");
          return Coded.fromCodeOf(raw, parser.getString());
        }
      };
    }
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new XlException(INVALID_ARGUMENT, "date must be yyyy-MM-dd: " + text);
    }
  }

  /** Registers {@code type} as a JSON string written by {@code format}, read by {@code parse}. */
  private static <T> void asString(
      SimpleModule module, Class<T> type, Function<T, String> format, Function<String, T> parse) {
    module.addSerializer(
        type,
        new ValueSerializer<T>() {
          @Override
          public void serialize(T value, JsonGenerator gen, SerializationContext context) {
            gen.writeString(format.apply(value));
          }
        });
    module.addDeserializer(
        type,
        new ValueDeserializer<T>() {
          @Override
          public T deserialize(JsonParser parser, DeserializationContext context) {
            XlException.check(
                parser.hasToken(JsonToken.VALUE_STRING),
                INVALID_ARGUMENT,
                type.getSimpleName() + " must be a string");
            return parse.apply(parser.getString());
          }
        });
  }
}
