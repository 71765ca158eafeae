package cn.xianglian.chaincode.trace;

import cn.xianglian.chaincode.common.CommandLog;
import cn.xianglian.chaincode.common.CommandLog.Replay;
import cn.xianglian.chaincode.common.KeyCodec;
import cn.xianglian.chaincode.common.LedgerKey;
import cn.xianglian.chaincode.common.LedgerState;
import cn.xianglian.chaincode.common.ObjectType;
import cn.xianglian.chaincode.common.Sha256;
import cn.xianglian.chaincode.domain.Actor;
import cn.xianglian.chaincode.domain.ChinaTime;
import cn.xianglian.chaincode.domain.Tx;
import cn.xianglian.chaincode.trace.domain.Batch;
import cn.xianglian.chaincode.trace.domain.Certificate;
import cn.xianglian.chaincode.trace.domain.Producer;
import cn.xianglian.chaincode.trace.domain.Recall;
import cn.xianglian.chaincode.trace.domain.TraceEvent;
import cn.xianglian.chaincode.trace.domain.TraceRules.Recorded;
import cn.xianglian.chaincode.trace.domain.Warning;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.shim.ChaincodeStub;

/** Loads and writes the trace records, their indexes and idempotency entries for one call. */
final class TraceStore {

  /** Kinds of client-chosen ids with an idempotency entry. */
  enum Kind {
    PRODUCER,
    BATCH,
    EVENT,
    CERTIFICATE,
    WARNING,
    RECALL
  }

  /** The payload of every chaincode event. */
  record EventPayload(String type, String id, List<String> batchIds) {}

  private final ChaincodeStub stub;
  private final LedgerState state;

  TraceStore(ChaincodeStub stub) {
    this.stub = stub;
    this.state = new LedgerState(stub);
  }

  LedgerState state() {
    return state;
  }

  Tx tx() {
    return new Tx(stub.getTxId(), ChinaTime.of(stub.getTxTimestamp()));
  }

  // ---- idempotency ------------------------------------------------------------------------

  /** SHA-256 of the canonical command, the transaction and the caller's party. */
  static String commandHash(String transaction, Actor actor, Object command, String extra) {
    return CommandLog.hash(transaction, actor.party(), command, extra);
  }

  Replay replay(Kind kind, String id, String hash) {
    return new CommandLog(state).replay(kind.name(), id, hash);
  }

  void logCommand(Kind kind, String id, String transaction, Actor actor, String hash) {
    new CommandLog(state).log(kind.name(), id, transaction, actor.party(), hash);
  }

  // ---- records ----------------------------------------------------------------------------

  Optional<Producer> producer(String producerId) {
    return state.read(KeyCodec.key(ObjectType.PRODUCER, producerId), Producer.class);
  }

  Optional<Batch> batch(String batchId) {
    return state.read(batchKey(batchId), Batch.class);
  }

  boolean batchExists(String batchId) {
    return state.exists(batchKey(batchId));
  }

  Optional<TraceEvent> event(String eventId) {
    return state.read(KeyCodec.key(ObjectType.EVENT, eventId), TraceEvent.class);
  }

  Optional<Certificate> certificate(String certificateNo) {
    return state.read(KeyCodec.key(ObjectType.CERTIFICATE, certificateNo), Certificate.class);
  }

  Optional<Warning> warning(String warningId) {
    return state.read(KeyCodec.key(ObjectType.WARNING, warningId), Warning.class);
  }

  Optional<Recall> recall(String recallId) {
    return state.read(KeyCodec.key(ObjectType.RECALL, recallId), Recall.class);
  }

  /** The events of a batch in order of their position there. */
  List<TraceEvent> events(String batchId) {
    return state.list(ObjectType.BATCH_EVENT, batchId).stream()
        .map(entry -> event(entry.key().id()).orElseThrow(() -> missing(entry.key())))
        .toList();
  }

  static LedgerKey batchKey(String batchId) {
    return KeyCodec.key(ObjectType.BATCH, batchId);
  }

  // ---- writes -----------------------------------------------------------------------------

  void write(Producer producer) {
    state.write(KeyCodec.key(ObjectType.PRODUCER, producer.producerId()), producer);
  }

  void write(Certificate certificate) {
    state.write(KeyCodec.key(ObjectType.CERTIFICATE, certificate.certificateNo()), certificate);
  }

  void write(Warning warning) {
    state.write(KeyCodec.key(ObjectType.WARNING, warning.warningId()), warning);
  }

  void write(Recall recall) {
    state.write(KeyCodec.key(ObjectType.RECALL, recall.recallId()), recall);
  }

  void write(Batch batch) {
    state.write(batchKey(batch.batchId()), batch);
  }

  /** Writes an event, every batch it changes, the indexes of new batches and the event links. */
  void apply(Recorded recorded) {
    recorded.writes().forEach(this::write);
    recorded.created().forEach(this::index);
    TraceEvent event = recorded.event();
    state.write(KeyCodec.key(ObjectType.EVENT, event.eventId()), event);
    for (var link : recorded.links()) {
      state.writeIndex(
          KeyCodec.key(
              ObjectType.BATCH_EVENT, link.batchId(), KeyCodec.seq(link.seq()), event.eventId()));
    }
  }

  private void index(Batch batch) {
    String id = batch.batchId();
    var region = batch.origin().region();
    var day = batch.producedAt();
    state.writeIndex(KeyCodec.key(ObjectType.BATCH_BY_PRODUCER, batch.producerId(), id));
    state.writeIndex(KeyCodec.key(ObjectType.BATCH_BY_PRODUCT, batch.product().key(), id));
    state.writeIndex(
        KeyCodec.key(
            ObjectType.BATCH_BY_REGION,
            region.county6(),
            region.township9(),
            region.village12(),
            id));
    state.writeIndex(
        KeyCodec.key(
            ObjectType.BATCH_BY_DAY,
            String.format("%04d", day.getYear()),
            String.format("%02d", day.getMonthValue()),
            String.format("%02d", day.getDayOfMonth()),
            id));
  }

  void event(String name, String type, String id, List<String> batchIds) {
    state.event(name, new EventPayload(type, id, batchIds));
  }

  // ---- helpers ----------------------------------------------------------------------------

  static String sha256Hex(byte[] bytes) {
    return Sha256.hex(bytes);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static IllegalStateException missing(LedgerKey index) {
    return new IllegalStateException("index " + index + " points to a missing record");
  }
}
