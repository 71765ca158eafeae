package cn.xianglian.chaincode.trace;

import static cn.xianglian.chaincode.common.ChaincodeErrors.guard;
import static cn.xianglian.chaincode.domain.ErrorCode.BATCH_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.CERTIFICATE_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.INVALID_ARGUMENT;
import static cn.xianglian.chaincode.domain.ErrorCode.PRODUCER_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.RECALL_NOT_FOUND;

import cn.xianglian.chaincode.common.Caller;
import cn.xianglian.chaincode.common.CanonicalJson;
import cn.xianglian.chaincode.common.CommandLog.Replay;
import cn.xianglian.chaincode.common.KeyCodec;
import cn.xianglian.chaincode.common.LedgerState;
import cn.xianglian.chaincode.common.ObjectType;
import cn.xianglian.chaincode.common.Payloads;
import cn.xianglian.chaincode.common.SaltedPersonalData;
import cn.xianglian.chaincode.domain.Actor;
import cn.xianglian.chaincode.domain.ChinaTime;
import cn.xianglian.chaincode.domain.PersonalData;
import cn.xianglian.chaincode.domain.RegionCode;
import cn.xianglian.chaincode.domain.XlException;
import cn.xianglian.chaincode.trace.TraceStore.Kind;
import cn.xianglian.chaincode.trace.domain.Batch;
import cn.xianglian.chaincode.trace.domain.BatchQuantity;
import cn.xianglian.chaincode.trace.domain.Certificate;
import cn.xianglian.chaincode.trace.domain.Commands;
import cn.xianglian.chaincode.trace.domain.Ids;
import cn.xianglian.chaincode.trace.domain.Lineage;
import cn.xianglian.chaincode.trace.domain.NewBatch;
import cn.xianglian.chaincode.trace.domain.Producer;
import cn.xianglian.chaincode.trace.domain.ProductClass;
import cn.xianglian.chaincode.trace.domain.TraceEvent;
import cn.xianglian.chaincode.trace.domain.TraceRules;
import cn.xianglian.chaincode.trace.domain.TraceRules.Recorded;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeStub;
import tools.jackson.databind.JsonNode;

/**
 * The traceability contract {@code trace} (溯源), as specified in docs/contract-trace.md. Every
 * command validates its JSON argument, recognises a retry (same id, same content, same caller: the
 * existing record is returned and nothing is written, no event set), loads state, lets {@link
 * TraceRules} decide, then writes records, indexes and one chaincode event. Stateless.
 */
@Contract(
    name = "trace",
    info = @Info(title = "XiangLian traceability", version = "0.1.0", description = "溯源"))
public final class TraceabilityContract implements ContractInterface {

  /** Private data collection holding producers' personal data. */
  public static final String PERSONAL_COLLECTION = "xlPersonalData";

  /** Transient key of a producer's personal data (JSON). */
  public static final String TRANSIENT_PERSONAL = "personal";

  /** Transient key of the salt (at least 16 bytes) the personal-data hash uses. */
  public static final String TRANSIENT_SALT = "personal.salt";

  private static final Pattern DAY = Pattern.compile("([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?");

  // ---- commands ---------------------------------------------------------------------------

  /** Registers a producer; personal data only via transient {@code personal} + salt. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String registerProducer(Context ctx, String json) {
    return guard(
        () -> {
          var cmd = parse(json, Commands.RegisterProducer.class);
          Personal personal = personal(ctx.getStub());
          return create(
              ctx,
              cmd,
              "registerProducer",
              Kind.PRODUCER,
              cmd.producerId(),
              personal.hashOrNull(),
              store -> store.producer(cmd.producerId()),
              (actor, store, taken) -> {
                Producer producer =
                    TraceRules.registerProducer(
                        cmd, actor, personal.hashOrNull(), taken, store.tx());
                store.write(producer);
                if (personal.data() != null) {
                  store
                      .state()
                      .writePrivate(
                          PERSONAL_COLLECTION,
                          KeyCodec.key(ObjectType.PERSONAL, producer.producerId()),
                          CanonicalJson.bytes(
                              Map.of(
                                  "personal", personal.data(),
                                  "salt", personal.saltHex())));
                }
                store.event("ProducerRegistered", "Producer", producer.producerId(), List.of());
                return producer;
              });
        });
  }

  /** Creates a batch owned by the calling producer, with its commissioning event (seq 0). */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String createBatch(Context ctx, String json) {
    return guard(
        () -> {
          var cmd = parse(json, Commands.CreateBatch.class);
          return create(
              ctx,
              cmd,
              "createBatch",
              Kind.BATCH,
              cmd.batchId(),
              null,
              store -> store.batch(cmd.batchId()),
              (actor, store, taken) -> {
                Recorded recorded =
                    TraceRules.createBatch(
                        cmd, actor, store.producer(cmd.producerId()), taken, store.tx());
                store.apply(recorded);
                store.event("BatchCreated", "Batch", cmd.batchId(), List.of(cmd.batchId()));
                return recorded.created().get(0);
              });
        });
  }

  /** Appends an observation (farming step, inspection, packing, …) to a batch. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String recordEvent(Context ctx, String json) {
    return eventCommand(
        ctx,
        json,
        Commands.RecordEvent.class,
        "recordEvent",
        "EventRecorded",
        Commands.RecordEvent::eventId,
        (cmd, actor, store, taken) ->
            TraceRules.recordEvent(cmd, actor, store.batch(cmd.batchId()), taken, store.tx()));
  }

  /** Splits a batch into children; the parent keeps the rest (CONSUMED at 0). */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String splitBatch(Context ctx, String json) {
    return eventCommand(
        ctx,
        json,
        Commands.SplitBatch.class,
        "splitBatch",
        "BatchSplit",
        Commands.SplitBatch::eventId,
        (cmd, actor, store, taken) ->
            TraceRules.splitBatch(
                cmd,
                actor,
                store.batch(cmd.batchId()),
                existing(store, cmd.children().stream().map(BatchQuantity::batchId)),
                taken,
                store.tx()));
  }

  /** Merges input batches into one output whose quantity is their sum. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String mergeBatches(Context ctx, String json) {
    return eventCommand(
        ctx,
        json,
        Commands.MergeBatches.class,
        "mergeBatches",
        "BatchesMerged",
        Commands.MergeBatches::eventId,
        (cmd, actor, store, taken) ->
            TraceRules.mergeBatches(
                cmd,
                actor,
                load(store, cmd.inputs()),
                existing(store, Stream.of(cmd.output().batchId())),
                taken,
                store.tx()));
  }

  /** Transforms inputs into outputs: sum(outputs) + loss = sum(inputs). */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String transformBatch(Context ctx, String json) {
    return eventCommand(
        ctx,
        json,
        Commands.TransformBatch.class,
        "transformBatch",
        "BatchTransformed",
        Commands.TransformBatch::eventId,
        (cmd, actor, store, taken) ->
            TraceRules.transformBatch(
                cmd,
                actor,
                load(store, cmd.inputs()),
                existing(store, cmd.outputs().stream().map(NewBatch::batchId)),
                taken,
                store.tx()));
  }

  /** Ships a batch to another party: IN_TRANSIT with a pending owner. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String shipBatch(Context ctx, String json) {
    return eventCommand(
        ctx,
        json,
        Commands.ShipBatch.class,
        "shipBatch",
        "BatchShipped",
        Commands.ShipBatch::eventId,
        (cmd, actor, store, taken) ->
            TraceRules.shipBatch(cmd, actor, store.batch(cmd.batchId()), taken, store.tx()));
  }

  /** The pending owner receives a shipped batch and becomes its owner. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String receiveBatch(Context ctx, String json) {
    return eventCommand(
        ctx,
        json,
        Commands.ReceiveBatch.class,
        "receiveBatch",
        "BatchReceived",
        Commands.ReceiveBatch::eventId,
        (cmd, actor, store, taken) ->
            TraceRules.receiveBatch(cmd, actor, store.batch(cmd.batchId()), taken, store.tx()));
  }

  /** Records how the owner handled a recalled batch (the only event a recalled batch takes). */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String handleRecall(Context ctx, String json) {
    return eventCommand(
        ctx,
        json,
        Commands.HandleRecall.class,
        "handleRecall",
        "RecallHandled",
        Commands.HandleRecall::eventId,
        (cmd, actor, store, taken) ->
            TraceRules.handleRecall(
                cmd,
                actor,
                store.batch(cmd.batchId()),
                store.recall(cmd.recallId()),
                taken,
                store.tx()));
  }

  /** Issues a 承诺达标合格证 for (part of) an owned batch. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String issueCertificate(Context ctx, String json) {
    return guard(
        () -> {
          var cmd = parse(json, Commands.IssueCertificate.class);
          return create(
              ctx,
              cmd,
              "issueCertificate",
              Kind.CERTIFICATE,
              cmd.certificateNo(),
              null,
              store -> store.certificate(cmd.certificateNo()),
              (actor, store, taken) -> {
                Map<String, Certificate> upstream = new LinkedHashMap<>();
                for (String no : cmd.upstreamCertificateNos()) {
                  store.certificate(no).ifPresent(c -> upstream.put(no, c));
                }
                var issued =
                    TraceRules.issueCertificate(
                        cmd, actor, store.batch(cmd.batchId()), upstream, taken, store.tx());
                store.write(issued.certificate());
                store.write(issued.batch());
                store.event(
                    "CertificateIssued",
                    "Certificate",
                    cmd.certificateNo(),
                    List.of(cmd.batchId()));
                return issued.certificate();
              });
        });
  }

  /** Voids a certificate (its issuer only); a retry with the same reason changes nothing. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String voidCertificate(Context ctx, String json) {
    return guard(
        () -> {
          var cmd = parse(json, Commands.VoidCertificate.class);
          Actor actor = Caller.of(ctx);
          TraceStore store = new TraceStore(ctx.getStub());
          var before = store.certificate(cmd.certificateNo());
          Certificate after = TraceRules.voidCertificate(cmd, actor, before);
          if (!before.orElseThrow().equals(after)) {
            store.write(after);
            store.event(
                "CertificateVoided",
                "Certificate",
                after.certificateNo(),
                List.of(after.batchId()));
          }
          return CanonicalJson.text(after);
        });
  }

  /** A regulator's risk warning on a batch and all its descendants. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String raiseWarning(Context ctx, String json) {
    return guard(
        () -> {
          var cmd = parse(json, Commands.RaiseWarning.class);
          return create(
              ctx,
              cmd,
              "raiseWarning",
              Kind.WARNING,
              cmd.warningId(),
              null,
              store -> store.warning(cmd.warningId()),
              (actor, store, taken) -> {
                var warned =
                    TraceRules.raiseWarning(
                        cmd, actor, store.batch(cmd.batchId()), store::batch, taken, store.tx());
                store.write(warned.warning());
                warned.batches().forEach(store::write);
                store.event(
                    "WarningRaised",
                    "Warning",
                    cmd.warningId(),
                    warned.warning().affectedBatchIds());
                return warned.warning();
              });
        });
  }

  /** A regulator's recall: the batch and every descendant become RECALLED, or nothing does. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String recallBatch(Context ctx, String json) {
    return guard(
        () -> {
          var cmd = parse(json, Commands.RecallBatch.class);
          return create(
              ctx,
              cmd,
              "recallBatch",
              Kind.RECALL,
              cmd.recallId(),
              null,
              store -> store.recall(cmd.recallId()),
              (actor, store, taken) -> {
                var recalled =
                    TraceRules.recallBatch(
                        cmd, actor, store.batch(cmd.batchId()), store::batch, taken, store.tx());
                store.write(recalled.recall());
                recalled.batches().forEach(store::write);
                store.event(
                    "BatchRecalled",
                    "Recall",
                    cmd.recallId(),
                    recalled.recall().affectedBatchIds());
                return recalled.recall();
              });
        });
  }

  // ---- queries ----------------------------------------------------------------------------

  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String getProducer(Context ctx, String producerId) {
    return guard(
        () ->
            CanonicalJson.text(
                new TraceStore(ctx.getStub())
                    .producer(Ids.require("producerId", producerId))
                    .orElseThrow(() -> notFound(PRODUCER_NOT_FOUND, "producer", producerId))));
  }

  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String getBatch(Context ctx, String batchId) {
    return guard(() -> CanonicalJson.text(requireBatch(new TraceStore(ctx.getStub()), batchId)));
  }

  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String getCertificate(Context ctx, String certificateNo) {
    return guard(
        () ->
            CanonicalJson.text(
                new TraceStore(ctx.getStub())
                    .certificate(Ids.require("certificateNo", certificateNo))
                    .orElseThrow(
                        () -> notFound(CERTIFICATE_NOT_FOUND, "certificate", certificateNo))));
  }

  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String getRecall(Context ctx, String recallId) {
    return guard(
        () ->
            CanonicalJson.text(
                new TraceStore(ctx.getStub())
                    .recall(Ids.require("recallId", recallId))
                    .orElseThrow(() -> notFound(RECALL_NOT_FOUND, "recall", recallId))));
  }

  /** The batch's events in order of their position in it. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String getBatchEvents(Context ctx, String batchId) {
    return guard(
        () -> {
          TraceStore store = new TraceStore(ctx.getStub());
          requireBatch(store, batchId);
          return CanonicalJson.text(store.events(batchId));
        });
  }

  /** The batch with its events, and every ancestor and descendant with theirs (≤ 1000). */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String traceBatch(Context ctx, String batchId) {
    return guard(
        () -> {
          TraceStore store = new TraceStore(ctx.getStub());
          Batch batch = requireBatch(store, batchId);
          Lineage.BatchLookup lookup = store::batch;
          List<Batch> ancestors = Lineage.ancestors(batch, lookup, TraceRules.MAX_LINEAGE - 1);
          List<Batch> descendants =
              Lineage.descendants(batch, lookup, TraceRules.MAX_LINEAGE - 1 - ancestors.size());
          return CanonicalJson.text(
              new Trace(
                  batch,
                  store.events(batchId),
                  withEvents(store, ancestors),
                  withEvents(store, descendants)));
        });
  }

  /** Fabric's history of the batch record: every committed version. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String getKeyHistory(Context ctx, String batchId) {
    return guard(
        () -> {
          TraceStore store = new TraceStore(ctx.getStub());
          requireBatch(store, batchId);
          List<History> history = new ArrayList<>();
          for (LedgerState.Change change : store.state().history(TraceStore.batchKey(batchId))) {
            history.add(
                new History(
                    change.txId(),
                    ChinaTime.of(change.timestamp()),
                    change.deleted(),
                    change.deleted() || change.value() == null || change.value().length == 0
                        ? null
                        : CanonicalJson.tree(change.value())));
          }
          return CanonicalJson.text(history);
        });
  }

  /** One page of batches by producer, product, region (county, township or village) or day. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String queryBatches(Context ctx, String json) {
    return guard(
        () -> {
          var query = parse(json, Commands.QueryBatches.class);
          TraceStore store = new TraceStore(ctx.getStub());
          ObjectType index;
          String[] leading;
          switch (query.by()) {
            case PRODUCER -> {
              index = ObjectType.BATCH_BY_PRODUCER;
              leading = new String[] {Ids.require("value", query.value())};
            }
            case PRODUCT -> {
              index = ObjectType.BATCH_BY_PRODUCT;
              leading = new String[] {product(query.value())};
            }
            case REGION -> {
              index = ObjectType.BATCH_BY_REGION;
              leading = regionPrefix(query.value());
            }
            case DAY -> {
              index = ObjectType.BATCH_BY_DAY;
              leading = dayPrefix(query.value());
            }
            default -> throw new IllegalStateException("unknown index " + query.by());
          }
          LedgerState.Page page =
              store.state().page(index, query.pageSize(), bookmarkIn(query.bookmark()), leading);
          List<Batch> records =
              page.entries().stream()
                  .map(entry -> store.batch(entry.key().id()).orElseThrow())
                  .toList();
          return CanonicalJson.text(
              new BatchPage(records, bookmarkOut(page.bookmark()), records.size()));
        });
  }

  // ---- result shapes ----------------------------------------------------------------------

  /** A batch with its events. */
  record BatchWithEvents(Batch batch, List<TraceEvent> events) {}

  /** Result of traceBatch. */
  record Trace(
      Batch batch,
      List<TraceEvent> events,
      List<BatchWithEvents> ancestors,
      List<BatchWithEvents> descendants) {}

  /** One entry of getKeyHistory. */
  record History(String txId, OffsetDateTime timestamp, boolean isDelete, JsonNode value) {}

  /** Result of queryBatches. */
  record BatchPage(List<Batch> records, String bookmark, int count) {}

  // ---- helpers ----------------------------------------------------------------------------

  @FunctionalInterface
  private interface EventDecision<C> {
    Recorded decide(C command, Actor actor, TraceStore store, boolean eventIdTaken);
  }

  /** The shared path of every event command; returns the event. */
  private static <C> String eventCommand(
      Context ctx,
      String json,
      Class<C> type,
      String transaction,
      String eventName,
      Function<C, String> eventId,
      EventDecision<C> decision) {
    return guard(
        () -> {
          C cmd = parse(json, type);
          String id = eventId.apply(cmd);
          return create(
              ctx,
              cmd,
              transaction,
              Kind.EVENT,
              id,
              null,
              store -> store.event(id),
              (actor, store, taken) -> {
                Recorded recorded = decision.decide(cmd, actor, store, taken);
                store.apply(recorded);
                store.event(
                    eventName,
                    "TraceEvent",
                    id,
                    recorded.links().stream().map(TraceRules.EventLink::batchId).toList());
                return recorded.event();
              });
        });
  }

  /**
   * The shared path of every command that creates a record under a client-chosen id: a retry with
   * the same content by the same caller returns the existing record and writes nothing; otherwise
   * the creation decides (told whether the id is taken), writes and sets its event, and the command
   * is logged for later retries.
   */
  private static <R> String create(
      Context ctx,
      Object cmd,
      String transaction,
      Kind kind,
      String id,
      String personalHash,
      Function<TraceStore, Optional<R>> existing,
      Creation<R> creation) {
    Actor actor = Caller.of(ctx);
    TraceStore store = new TraceStore(ctx.getStub());
    String hash = TraceStore.commandHash(transaction, actor, cmd, personalHash);
    Replay replay = store.replay(kind, id, hash);
    if (replay == Replay.SAME) {
      return CanonicalJson.text(existing.apply(store).orElseThrow());
    }
    boolean taken = replay == Replay.DIFFERENT || existing.apply(store).isPresent();
    R created = creation.create(actor, store, taken);
    store.logCommand(kind, id, transaction, actor, hash);
    return CanonicalJson.text(created);
  }

  /** Decides and writes a new record (and its event); returns what the command answers. */
  @FunctionalInterface
  private interface Creation<R> {
    R create(Actor actor, TraceStore store, boolean taken);
  }

  private static <C> C parse(String json, Class<C> type) {
    return CanonicalJson.read(Payloads.limited("argument", json), type);
  }

  private static Batch requireBatch(TraceStore store, String batchId) {
    return store
        .batch(Ids.require("batchId", batchId))
        .orElseThrow(() -> notFound(BATCH_NOT_FOUND, "batch", batchId));
  }

  private static XlException notFound(
      cn.xianglian.chaincode.domain.ErrorCode code, String what, String id) {
    return new XlException(code, "no " + what + " " + id);
  }

  private static Set<String> existing(TraceStore store, Stream<String> batchIds) {
    return batchIds.filter(store::batchExists).collect(Collectors.toSet());
  }

  private static Map<String, Batch> load(TraceStore store, List<BatchQuantity> inputs) {
    Map<String, Batch> loaded = new LinkedHashMap<>();
    for (BatchQuantity input : inputs) {
      store.batch(input.batchId()).ifPresent(batch -> loaded.put(input.batchId(), batch));
    }
    return loaded;
  }

  private static List<BatchWithEvents> withEvents(TraceStore store, List<Batch> batches) {
    return batches.stream().map(b -> new BatchWithEvents(b, store.events(b.batchId()))).toList();
  }

  private static String product(String value) {
    if (value.startsWith("XL-")) {
      return new ProductClass(null, value, "query", "query").key();
    }
    return new ProductClass(value, null, "query", "query").key();
  }

  /** Bookmarks are opaque to clients: the peer's bookmark in base64url (no padding). */
  private static String bookmarkOut(String bookmark) {
    return bookmark == null || bookmark.isEmpty()
        ? ""
        : Base64.getUrlEncoder().withoutPadding().encodeToString(TraceStore.utf8(bookmark));
  }

  private static String bookmarkIn(String bookmark) {
    if (bookmark == null || bookmark.isEmpty()) {
      return "";
    }
    try {
      return new String(Base64.getUrlDecoder().decode(bookmark), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new XlException(INVALID_ARGUMENT, "bookmark is not one this contract returned");
    }
  }

  private static String[] regionPrefix(String value) {
    RegionCode region = RegionCode.of(value);
    String scope = region.scope();
    XlException.check(
        scope.length() >= 6, INVALID_ARGUMENT, "region query needs a county or finer: " + value);
    return switch (scope.length()) {
      case 6 -> new String[] {region.county6()};
      case 9 -> new String[] {region.county6(), region.township9()};
      default -> new String[] {region.county6(), region.township9(), region.village12()};
    };
  }

  private static String[] dayPrefix(String value) {
    var matcher = DAY.matcher(value);
    XlException.check(
        matcher.matches(), INVALID_ARGUMENT, "day must be yyyy, yyyy-MM or yyyy-MM-dd");
    List<String> parts = new ArrayList<>();
    for (int group = 1; group <= 3 && matcher.group(group) != null; group++) {
      parts.add(matcher.group(group));
    }
    return parts.toArray(String[]::new);
  }

  /** Personal data from the transient map, with its salt and salted hash (or none). */
  private record Personal(PersonalData data, String saltHex, String hashOrNull) {}

  private static Personal personal(ChaincodeStub stub) {
    return SaltedPersonalData.fromTransient(stub, TRANSIENT_PERSONAL, TRANSIENT_SALT)
        .map(p -> new Personal(p.data(), p.saltHex(), p.sha256Hex()))
        .orElse(new Personal(null, null, null));
  }
}
