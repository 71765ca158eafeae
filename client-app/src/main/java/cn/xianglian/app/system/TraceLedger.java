package cn.xianglian.app.system;

import cn.xianglian.ledger.Identity;
import cn.xianglian.ledger.LedgerClient;
import cn.xianglian.ledger.Proposal;
import cn.xianglian.ledger.Submitted;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.ObjectNode;

/**
 * The traceability contract ({@code trace}) as the application calls it: request DTOs become the
 * contract's JSON argument, answers become trees the features map to their views, and every
 * transaction id can be resolved to its block, timestamp and signing organisation.
 */
@Component
public class TraceLedger {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TraceLedger.class);

  /** The contract name on the chaincode. */
  public static final String CONTRACT = "trace";

  /** Times as the contract writes them: second precision, offset +08:00 (China Standard Time). */
  public static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

  private final LedgerClient ledger;
  private final JsonMapper json;
  private final Map<String, LedgerRef> transactions = new ConcurrentHashMap<>();

  public TraceLedger(LedgerClient ledger) {
    this.ledger = ledger;
    this.json =
        JsonMapper.builder()
            .addModule(new SimpleModule("xl-time").addSerializer(OffsetDateTime.class, new Time()))
            .changeDefaultPropertyInclusion(
                inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
  }

  /** Formats a time the way the contract stores it. */
  public static String format(OffsetDateTime time) {
    return time.withOffsetSameInstant(CHINA).truncatedTo(ChronoUnit.SECONDS).format(TIME);
  }

  /** Submits {@code transaction} with {@code argument} (a DTO or a tree) as {@code caller}. */
  public Committed<JsonNode> submit(Identity caller, String transaction, Object argument) {
    return submit(caller, Proposal.of(CONTRACT, transaction, text(argument)));
  }

  /**
   * Submits with transient data (private data that reaches the chaincode but never a block); values
   * that are not byte arrays are written as JSON.
   */
  public Committed<JsonNode> submit(
      Identity caller, String transaction, Object argument, Map<String, ?> transientData) {
    return submitTo(CONTRACT, caller, transaction, argument, transientData);
  }

  /**
   * Submits {@code transaction} of another contract of the chaincode (e.g. {@code finance}) with
   * {@code argument} and transient data (empty for none) as {@code caller}.
   */
  public Committed<JsonNode> submitTo(
      String contract,
      Identity caller,
      String transaction,
      Object argument,
      Map<String, ?> transientData) {
    var secrets = new java.util.HashMap<String, byte[]>();
    transientData.forEach(
        (key, value) ->
            secrets.put(
                key,
                value instanceof byte[] bytes
                    ? bytes
                    : text(value).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    return submit(
        caller, new Proposal(contract, transaction, java.util.List.of(text(argument)), secrets));
  }

  private Committed<JsonNode> submit(Identity caller, Proposal proposal) {
    Submitted done = ledger.submit(caller, proposal);
    // The tx id goes into the MDC: structured log lines (logging.structured.format.*) carry it.
    org.slf4j.MDC.put("txId", done.txId());
    try {
      LOG.info(
          "committed {} as {} in block {}",
          proposal.function(),
          caller.label(),
          done.blockNumber());
    } finally {
      org.slf4j.MDC.remove("txId");
    }
    LedgerRef ref =
        transaction(done.txId())
            .orElseGet(
                () -> new LedgerRef(done.txId(), done.blockNumber(), null, caller.mspId(), true));
    return new Committed<>(json.readTree(done.result()), ref);
  }

  /**
   * Evaluates a query of another contract of the chaincode; {@code argument} is a plain id (a
   * string) or an object written as JSON.
   */
  public JsonNode evaluateIn(
      String contract, Identity caller, String transaction, Object argument) {
    return json.readTree(
        ledger.evaluate(caller, Proposal.of(contract, transaction, text(argument))));
  }

  /** Evaluates a query whose argument is a plain id. */
  public JsonNode evaluate(Identity caller, String transaction, String id) {
    return json.readTree(ledger.evaluate(caller, Proposal.of(CONTRACT, transaction, id)));
  }

  /** Evaluates a query whose argument is a JSON object. */
  public JsonNode evaluateJson(Identity caller, String transaction, Object argument) {
    return json.readTree(
        ledger.evaluate(caller, Proposal.of(CONTRACT, transaction, text(argument))));
  }

  /**
   * Where {@code txId} was committed. Committed transactions never change, so answers are cached;
   * unknown ids are not.
   */
  public Optional<LedgerRef> transaction(String txId) {
    if (txId == null || txId.isEmpty()) {
      return Optional.empty();
    }
    LedgerRef known = transactions.get(txId);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<LedgerRef> found = ledger.transaction(txId).map(LedgerRef::of);
    found.ifPresent(ref -> transactions.put(txId, ref));
    return found;
  }

  /**
   * Adds {@code "ledger": LedgerRef} to an object node for the transaction id in its {@code
   * txIdField}, so views carry block number, timestamp and signing MSP.
   */
  public ObjectNode withLedger(JsonNode node, String txIdField) {
    ObjectNode object = (ObjectNode) node;
    JsonNode txId = object.get(txIdField);
    if (txId != null && txId.isString()) {
      transaction(txId.asString()).ifPresent(ref -> object.set("ledger", json.valueToTree(ref)));
    }
    return object;
  }

  /** A DTO as a tree (to add path parameters to a body). */
  public ObjectNode tree(Object value) {
    return json.valueToTree(value);
  }

  /** Parses JSON text. */
  public JsonNode parse(String text) {
    return json.readTree(text);
  }

  /** Maps a tree to a view type. */
  public <T> T read(JsonNode node, Class<T> type) {
    return json.treeToValue(node, type);
  }

  private String text(Object argument) {
    return argument instanceof String s ? s : json.writeValueAsString(argument);
  }

  /** Writes {@code OffsetDateTime} as the contract's canonical time. */
  private static final class Time extends ValueSerializer<OffsetDateTime> {
    @Override
    public void serialize(
        OffsetDateTime value, JsonGenerator generator, SerializationContext context) {
      generator.writeString(format(value));
    }
  }
}
