package cn.xianglian.chaincode.trace.domain;

import static cn.xianglian.chaincode.domain.ErrorCode.ALREADY_EXISTS;
import static cn.xianglian.chaincode.domain.ErrorCode.BATCH_NOT_ACTIVE;
import static cn.xianglian.chaincode.domain.ErrorCode.BATCH_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.BATCH_RECALLED;
import static cn.xianglian.chaincode.domain.ErrorCode.CERTIFICATE_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.EVENT_BEFORE_BATCH;
import static cn.xianglian.chaincode.domain.ErrorCode.EVENT_ID_CONFLICT;
import static cn.xianglian.chaincode.domain.ErrorCode.INVALID_STATE;
import static cn.xianglian.chaincode.domain.ErrorCode.NOT_OWNER;
import static cn.xianglian.chaincode.domain.ErrorCode.PRODUCER_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.QUANTITY_NOT_CONSERVED;
import static cn.xianglian.chaincode.domain.ErrorCode.RECALL_NOT_FOUND;

import cn.xianglian.chaincode.domain.Actor;
import cn.xianglian.chaincode.domain.ChinaTime;
import cn.xianglian.chaincode.domain.Require;
import cn.xianglian.chaincode.domain.Role;
import cn.xianglian.chaincode.domain.Tx;
import cn.xianglian.chaincode.domain.XlException;
import cn.xianglian.chaincode.trace.domain.Commands.CreateBatch;
import cn.xianglian.chaincode.trace.domain.Commands.HandleRecall;
import cn.xianglian.chaincode.trace.domain.Commands.IssueCertificate;
import cn.xianglian.chaincode.trace.domain.Commands.MergeBatches;
import cn.xianglian.chaincode.trace.domain.Commands.RaiseWarning;
import cn.xianglian.chaincode.trace.domain.Commands.RecallBatch;
import cn.xianglian.chaincode.trace.domain.Commands.ReceiveBatch;
import cn.xianglian.chaincode.trace.domain.Commands.RecordEvent;
import cn.xianglian.chaincode.trace.domain.Commands.RegisterProducer;
import cn.xianglian.chaincode.trace.domain.Commands.ShipBatch;
import cn.xianglian.chaincode.trace.domain.Commands.SplitBatch;
import cn.xianglian.chaincode.trace.domain.Commands.TransformBatch;
import cn.xianglian.chaincode.trace.domain.Commands.VoidCertificate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The decisions of the trace contract. Each method takes the command, the caller and the state the
 * contract loaded, checks in the documented order (docs/errors.md) and returns what to write; it
 * writes nothing itself, so a rejection never leaves half a change.
 */
public final class TraceRules {

  /** Upper bound of batches one lineage walk (trace, warning, recall) may visit. */
  public static final int MAX_LINEAGE = 1000;

  private static final Set<Disposition> MANAGED_DISPOSITIONS =
      EnumSet.of(
          Disposition.IN_TRANSIT,
          Disposition.CONSUMED,
          Disposition.RECALLED,
          Disposition.DESTROYED);

  private TraceRules() {}

  /** The id of the commissioning event every batch gets at creation (clients cannot use ':'). */
  public static String commissioningEventId(String batchId) {
    return batchId + ":commissioning";
  }

  /** A batch's new event and the position it takes there. */
  public record EventLink(String batchId, long seq) {}

  /** An event with every batch it changes (updated and new ones) and its per-batch positions. */
  public record Recorded(
      TraceEvent event, List<Batch> writes, List<Batch> created, List<EventLink> links) {
    public Recorded {
      writes = List.copyOf(writes);
      created = List.copyOf(created);
      links = List.copyOf(links);
    }
  }

  public record Issued(Certificate certificate, Batch batch) {}

  public record Warned(Warning warning, List<Batch> batches) {
    public Warned {
      batches = List.copyOf(batches);
    }
  }

  public record Recalled(Recall recall, List<Batch> batches) {
    public Recalled {
      batches = List.copyOf(batches);
    }
  }

  // ---- producers --------------------------------------------------------------------------

  public static Producer registerProducer(
      RegisterProducer cmd, Actor actor, String personalDataHash, boolean idTaken, Tx tx) {
    actor.requireRole(Role.PRODUCER, Role.TOWNSHIP, Role.COUNTY);
    actor.requireInScope(cmd.region());
    if (actor.role() == Role.PRODUCER) {
      XlException.check(
          cmd.producerId().equals(actor.partyId()),
          NOT_OWNER,
          "a producer registers only itself, not " + cmd.producerId());
    }
    XlException.check(!idTaken, ALREADY_EXISTS, "producer " + cmd.producerId() + " exists");
    return new Producer(
        cmd.producerId(),
        cmd.type(),
        cmd.name(),
        cmd.region(),
        cmd.subjectCode(),
        personalDataHash,
        actor.party(),
        tx.time(),
        tx.txId());
  }

  // ---- batches ----------------------------------------------------------------------------

  public static Recorded createBatch(
      CreateBatch cmd, Actor actor, Optional<Producer> producer, boolean idTaken, Tx tx) {
    actor.requireRole(Role.PRODUCER);
    actor.requireInScope(cmd.origin().region());
    XlException.check(producer.isPresent(), PRODUCER_NOT_FOUND, "no producer " + cmd.producerId());
    XlException.check(
        cmd.producerId().equals(actor.partyId()),
        NOT_OWNER,
        "caller " + actor.party() + " is not producer " + cmd.producerId());
    XlException.check(!idTaken, ALREADY_EXISTS, "batch " + cmd.batchId() + " exists");
    cmd.quantity().requirePositive("quantity");
    Batch batch =
        Batch.created(
            cmd.batchId(),
            cmd.product(),
            cmd.quantity(),
            cmd.origin(),
            cmd.productionType(),
            cmd.producedAt(),
            cmd.producerId(),
            actor.party(),
            List.of(),
            tx);
    TraceEvent commissioning =
        event(
            commissioningEventId(batch.batchId()),
            batch,
            EventType.OBJECT_EVENT,
            EventAction.ADD,
            BizStep.COMMISSIONING,
            Disposition.ACTIVE,
            cmd.producedAt(),
            cmd.origin(),
            null,
            cmd.quantity(),
            null,
            null,
            null,
            actor,
            tx);
    Batch written = batch.withEvent();
    return new Recorded(
        commissioning,
        List.of(written),
        List.of(written),
        List.of(new EventLink(batch.batchId(), 0)));
  }

  public static Recorded recordEvent(
      RecordEvent cmd, Actor actor, Optional<Batch> found, boolean eventIdTaken, Tx tx) {
    if (cmd.disposition() != null) {
      Require.argument(
          !MANAGED_DISPOSITIONS.contains(cmd.disposition()),
          "disposition " + cmd.disposition().code() + " is set by its own transaction");
    }
    Batch batch = existing(found, cmd.batchId());
    requireOwner(batch, actor);
    XlException.check(!eventIdTaken, EVENT_ID_CONFLICT, "event id " + cmd.eventId() + " is used");
    requireUsable(batch, false);
    requireNotBefore(batch, cmd.eventTime());
    if (cmd.quantity() != null) {
      requireAvailable(batch, cmd.quantity(), "quantity");
    }
    Disposition disposition = cmd.disposition();
    Inspection inspection = cmd.detail().inspection();
    if (inspection != null && inspection.result() == InspectionResult.FAIL) {
      disposition = Disposition.NON_CONFORMANT;
    }
    EventDetail detail = isEmpty(cmd.detail()) ? null : cmd.detail();
    TraceEvent event =
        event(
            cmd.eventId(),
            batch,
            EventType.OBJECT_EVENT,
            EventAction.OBSERVE,
            cmd.bizStep(),
            disposition,
            cmd.eventTime(),
            cmd.readPoint(),
            cmd.bizLocation(),
            cmd.quantity(),
            null,
            null,
            detail,
            actor,
            tx);
    Batch updated = disposition == null ? batch : batch.withDisposition(disposition);
    return single(event, batch, updated.withEvent());
  }

  public static Recorded splitBatch(
      SplitBatch cmd,
      Actor actor,
      Optional<Batch> found,
      Set<String> takenBatchIds,
      boolean eventIdTaken,
      Tx tx) {
    Batch parent = existing(found, cmd.batchId());
    requireOwner(parent, actor);
    for (BatchQuantity child : cmd.children()) {
      XlException.check(
          !takenBatchIds.contains(child.batchId()),
          ALREADY_EXISTS,
          "batch " + child.batchId() + " exists");
    }
    XlException.check(!eventIdTaken, EVENT_ID_CONFLICT, "event id " + cmd.eventId() + " is used");
    requireUsable(parent, false);
    requireNotBefore(parent, cmd.eventTime());
    Quantity total = Quantity.zero(parent.quantity().uom());
    for (BatchQuantity child : cmd.children()) {
      parent
          .quantity()
          .requireSameUnit(child.quantity().requirePositive("child quantity"), "child");
      total = total.plus(child.quantity());
    }
    requireAvailable(parent, total, "children");
    List<Batch> children = new ArrayList<>();
    List<EventLink> links = new ArrayList<>();
    links.add(new EventLink(parent.batchId(), parent.eventCount()));
    for (BatchQuantity spec : cmd.children()) {
      Batch child =
          Batch.created(
              spec.batchId(),
              parent.product(),
              spec.quantity(),
              parent.origin(),
              parent.productionType(),
              parent.producedAt(),
              parent.producerId(),
              parent.owner(),
              List.of(parent.batchId()),
              tx);
      children.add(child.withEvent());
      links.add(new EventLink(child.batchId(), 0));
    }
    TraceEvent event =
        event(
            cmd.eventId(),
            parent,
            EventType.TRANSFORMATION_EVENT,
            null,
            BizStep.TRANSFORMING,
            null,
            cmd.eventTime(),
            cmd.readPoint(),
            null,
            null,
            List.of(new BatchQuantity(parent.batchId(), total)),
            cmd.children(),
            null,
            actor,
            tx);
    Batch updatedParent =
        parent
            .withChildren(cmd.children().stream().map(BatchQuantity::batchId).toList())
            .withQuantity(parent.quantity().minus(total))
            .withEvent();
    List<Batch> writes = new ArrayList<>(children);
    writes.add(0, updatedParent);
    return new Recorded(event, writes, children, links);
  }

  public static Recorded mergeBatches(
      MergeBatches cmd,
      Actor actor,
      Map<String, Batch> loaded,
      Set<String> takenBatchIds,
      boolean eventIdTaken,
      Tx tx) {
    return transformation(
        cmd.eventId(),
        cmd.eventTime(),
        cmd.readPoint(),
        cmd.inputs(),
        List.of(cmd.output()),
        null,
        false,
        actor,
        loaded,
        takenBatchIds,
        eventIdTaken,
        tx);
  }

  public static Recorded transformBatch(
      TransformBatch cmd,
      Actor actor,
      Map<String, Batch> loaded,
      Set<String> takenBatchIds,
      boolean eventIdTaken,
      Tx tx) {
    return transformation(
        cmd.eventId(),
        cmd.eventTime(),
        cmd.readPoint(),
        cmd.inputs(),
        cmd.outputs(),
        cmd.loss(),
        true,
        actor,
        loaded,
        takenBatchIds,
        eventIdTaken,
        tx);
  }

  /** Merge (no loss, outputs keep a shared producer) and transformation (with loss). */
  private static Recorded transformation(
      String eventId,
      OffsetDateTime eventTime,
      Location readPoint,
      List<BatchQuantity> inputs,
      List<NewBatch> outputs,
      Quantity loss,
      boolean processing,
      Actor actor,
      Map<String, Batch> loaded,
      Set<String> takenBatchIds,
      boolean eventIdTaken,
      Tx tx) {
    List<Batch> sources = new ArrayList<>();
    for (BatchQuantity input : inputs) {
      sources.add(existing(Optional.ofNullable(loaded.get(input.batchId())), input.batchId()));
    }
    sources.forEach(batch -> requireOwner(batch, actor));
    for (NewBatch output : outputs) {
      XlException.check(
          !takenBatchIds.contains(output.batchId()),
          ALREADY_EXISTS,
          "batch " + output.batchId() + " exists");
    }
    XlException.check(!eventIdTaken, EVENT_ID_CONFLICT, "event id " + eventId + " is used");
    sources.forEach(batch -> requireUsable(batch, false));
    sources.forEach(batch -> requireNotBefore(batch, eventTime));
    Unit unit = outputs.get(0).quantity().uom();
    Quantity in = Quantity.zero(unit);
    for (int i = 0; i < inputs.size(); i++) {
      Quantity used = inputs.get(i).quantity().requirePositive("input quantity");
      Quantity.zero(unit).requireSameUnit(used, "input " + inputs.get(i).batchId());
      sources.get(i).quantity().requireSameUnit(used, "input " + inputs.get(i).batchId());
      in = in.plus(used);
    }
    Quantity out = Quantity.zero(unit);
    for (NewBatch output : outputs) {
      out = out.plus(output.quantity().requirePositive("output quantity"));
    }
    if (loss != null) {
      out = out.plus(loss);
    }
    for (int i = 0; i < inputs.size(); i++) {
      requireAvailable(
          sources.get(i), inputs.get(i).quantity(), "input " + inputs.get(i).batchId());
    }
    XlException.check(
        in.equals(out),
        QUANTITY_NOT_CONSERVED,
        "inputs " + in.amount() + " ≠ outputs" + (loss != null ? " + loss " : " ") + out.amount());
    List<String> inputIds = inputs.stream().map(BatchQuantity::batchId).toList();
    List<String> outputIds = outputs.stream().map(NewBatch::batchId).toList();
    String producerId = processing ? actor.partyId() : sharedProducer(sources, actor);
    ProductionType productionType =
        processing ? ProductionType.PROCESSING : sharedProductionType(sources);
    List<Batch> writes = new ArrayList<>();
    List<Batch> created = new ArrayList<>();
    List<EventLink> links = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      Batch source = sources.get(i);
      links.add(new EventLink(source.batchId(), source.eventCount()));
      writes.add(
          source
              .withChildren(outputIds)
              .withQuantity(source.quantity().minus(inputs.get(i).quantity()))
              .withEvent());
    }
    for (NewBatch output : outputs) {
      Batch batch =
          Batch.created(
                  output.batchId(),
                  output.product(),
                  output.quantity(),
                  readPoint,
                  productionType,
                  eventTime,
                  producerId,
                  actor.party(),
                  inputIds,
                  tx)
              .withEvent();
      created.add(batch);
      writes.add(batch);
      links.add(new EventLink(batch.batchId(), 0));
    }
    TraceEvent event =
        event(
            eventId,
            sources.get(0),
            EventType.TRANSFORMATION_EVENT,
            null,
            BizStep.TRANSFORMING,
            null,
            eventTime,
            readPoint,
            null,
            null,
            inputs,
            outputs.stream().map(o -> new BatchQuantity(o.batchId(), o.quantity())).toList(),
            loss == null ? null : new EventDetail(null, null, null, null, loss, null),
            actor,
            tx);
    return new Recorded(event, writes, created, links);
  }

  public static Recorded shipBatch(
      ShipBatch cmd, Actor actor, Optional<Batch> found, boolean eventIdTaken, Tx tx) {
    String receiver = Actor.party(cmd.toMspId(), cmd.toParty());
    Require.argument(!receiver.equals(actor.party()), "a batch cannot be shipped to its owner");
    Batch batch = existing(found, cmd.batchId());
    requireOwner(batch, actor);
    XlException.check(!eventIdTaken, EVENT_ID_CONFLICT, "event id " + cmd.eventId() + " is used");
    requireUsable(batch, false);
    requireNotBefore(batch, cmd.eventTime());
    TraceEvent event =
        event(
            cmd.eventId(),
            batch,
            EventType.OBJECT_EVENT,
            EventAction.OBSERVE,
            BizStep.SHIPPING,
            Disposition.IN_TRANSIT,
            cmd.eventTime(),
            cmd.readPoint(),
            null,
            batch.quantity(),
            null,
            null,
            new EventDetail(null, null, null, receiver, null, null),
            actor,
            tx);
    Batch shipped =
        batch.withOwnership(
            batch.owner(), receiver, BatchStatus.IN_TRANSIT, Disposition.IN_TRANSIT);
    return single(event, batch, shipped.withEvent());
  }

  public static Recorded receiveBatch(
      ReceiveBatch cmd, Actor actor, Optional<Batch> found, boolean eventIdTaken, Tx tx) {
    Batch batch = existing(found, cmd.batchId());
    String expected = batch.pendingOwner() != null ? batch.pendingOwner() : batch.owner();
    XlException.check(
        expected.equals(actor.party()),
        NOT_OWNER,
        actor.party() + " is not the receiver of " + batch.batchId());
    XlException.check(!eventIdTaken, EVENT_ID_CONFLICT, "event id " + cmd.eventId() + " is used");
    requireUsable(batch, true);
    XlException.check(
        batch.status() == BatchStatus.IN_TRANSIT,
        INVALID_STATE,
        "batch " + batch.batchId() + " was not shipped");
    requireNotBefore(batch, cmd.eventTime());
    TraceEvent event =
        event(
            cmd.eventId(),
            batch,
            EventType.OBJECT_EVENT,
            EventAction.OBSERVE,
            BizStep.RECEIVING,
            Disposition.ACTIVE,
            cmd.eventTime(),
            cmd.readPoint(),
            null,
            batch.quantity(),
            null,
            null,
            null,
            actor,
            tx);
    Batch received =
        batch.withOwnership(actor.party(), null, BatchStatus.ACTIVE, Disposition.ACTIVE);
    return single(event, batch, received.withEvent());
  }

  // ---- certificates -----------------------------------------------------------------------

  public static Issued issueCertificate(
      IssueCertificate cmd,
      Actor actor,
      Optional<Batch> found,
      Map<String, Certificate> upstream,
      boolean idTaken,
      Tx tx) {
    Batch batch = existing(found, cmd.batchId());
    for (String no : cmd.upstreamCertificateNos()) {
      XlException.check(upstream.containsKey(no), CERTIFICATE_NOT_FOUND, "no certificate " + no);
    }
    requireOwner(batch, actor);
    XlException.check(!idTaken, ALREADY_EXISTS, "certificate " + cmd.certificateNo() + " exists");
    requireUsable(batch, false);
    requireNotBefore(batch, cmd.issuedAt());
    requireAvailable(batch, cmd.quantity(), "certificate quantity");
    for (String no : cmd.upstreamCertificateNos()) {
      XlException.check(
          upstream.get(no).status() == CertificateStatus.VALID,
          INVALID_STATE,
          "upstream certificate " + no + " is void");
    }
    Certificate certificate =
        new Certificate(
            cmd.certificateNo(),
            batch.batchId(),
            cmd.style(),
            cmd.basis(),
            cmd.promises(),
            cmd.quantity(),
            actor.party(),
            cmd.issuedAt(),
            CertificateStatus.VALID,
            cmd.upstreamCertificateNos(),
            null);
    return new Issued(certificate, batch.certified(cmd.certificateNo()));
  }

  /**
   * Voids a certificate. Voiding a void certificate again with the same reason returns it unchanged
   * (a retry); with another reason it is INVALID_STATE.
   */
  public static Certificate voidCertificate(
      VoidCertificate cmd, Actor actor, Optional<Certificate> found) {
    Certificate certificate =
        found.orElseThrow(
            () -> new XlException(CERTIFICATE_NOT_FOUND, "no certificate " + cmd.certificateNo()));
    XlException.check(
        certificate.issuer().equals(actor.party()),
        NOT_OWNER,
        actor.party() + " did not issue " + certificate.certificateNo());
    if (certificate.status() == CertificateStatus.VOID) {
      XlException.check(
          cmd.reason().equals(certificate.voidReason()),
          INVALID_STATE,
          "certificate " + certificate.certificateNo() + " is already void");
      return certificate;
    }
    return new Certificate(
        certificate.certificateNo(),
        certificate.batchId(),
        certificate.style(),
        certificate.basis(),
        certificate.promises(),
        certificate.quantity(),
        certificate.issuer(),
        certificate.issuedAt(),
        CertificateStatus.VOID,
        certificate.upstreamCertificateNos(),
        cmd.reason());
  }

  // ---- warnings and recalls ---------------------------------------------------------------

  public static Warned raiseWarning(
      RaiseWarning cmd,
      Actor actor,
      Optional<Batch> found,
      Lineage.BatchLookup lookup,
      boolean idTaken,
      Tx tx) {
    actor.requireRole(Role.REGULATOR, Role.COUNTY);
    Batch batch = existing(found, cmd.batchId());
    actor.requireInScope(batch.origin().region());
    XlException.check(!idTaken, ALREADY_EXISTS, "warning " + cmd.warningId() + " exists");
    requireNotBefore(batch, cmd.issuedAt());
    List<Batch> affected = withDescendants(batch, lookup);
    Warning warning =
        new Warning(
            cmd.warningId(),
            batch.batchId(),
            cmd.level(),
            cmd.reason(),
            actor.party(),
            cmd.issuedAt(),
            affected.stream().map(Batch::batchId).toList());
    return new Warned(warning, affected.stream().map(b -> b.warned(cmd.warningId())).toList());
  }

  public static Recalled recallBatch(
      RecallBatch cmd,
      Actor actor,
      Optional<Batch> found,
      Lineage.BatchLookup lookup,
      boolean idTaken,
      Tx tx) {
    actor.requireRole(Role.REGULATOR, Role.COUNTY);
    Batch batch = existing(found, cmd.batchId());
    actor.requireInScope(batch.origin().region());
    XlException.check(!idTaken, ALREADY_EXISTS, "recall " + cmd.recallId() + " exists");
    requireNotBefore(batch, cmd.issuedAt());
    List<Batch> affected = withDescendants(batch, lookup);
    Recall recall =
        new Recall(
            cmd.recallId(),
            batch.batchId(),
            cmd.reason(),
            cmd.level(),
            actor.party(),
            cmd.issuedAt(),
            affected.stream().map(Batch::batchId).toList());
    return new Recalled(recall, affected.stream().map(b -> b.recalled(cmd.recallId())).toList());
  }

  /** The only event a recalled batch accepts. DESTROYED takes the quantity off the batch. */
  public static Recorded handleRecall(
      HandleRecall cmd,
      Actor actor,
      Optional<Batch> found,
      Optional<Recall> recall,
      boolean eventIdTaken,
      Tx tx) {
    Batch batch = existing(found, cmd.batchId());
    XlException.check(recall.isPresent(), RECALL_NOT_FOUND, "no recall " + cmd.recallId());
    requireOwner(batch, actor);
    XlException.check(!eventIdTaken, EVENT_ID_CONFLICT, "event id " + cmd.eventId() + " is used");
    XlException.check(
        batch.status() == BatchStatus.RECALLED && batch.recallIds().contains(cmd.recallId()),
        INVALID_STATE,
        "batch " + batch.batchId() + " is not recalled by " + cmd.recallId());
    requireNotBefore(batch, cmd.eventTime());
    requireAvailable(batch, cmd.quantity(), "handled quantity");
    Batch updated = batch;
    Disposition disposition =
        switch (cmd.action()) {
          case DESTROYED -> Disposition.DESTROYED;
          case RETURNED -> Disposition.RETURNED;
          case REPROCESSED, HELD -> Disposition.RECALLED;
        };
    if (cmd.action() == RecallAction.DESTROYED) {
      updated = batch.withQuantity(batch.quantity().minus(cmd.quantity()));
      if (updated.quantity().amountIsZero()) {
        updated = updated.withDisposition(Disposition.DESTROYED);
      }
    }
    TraceEvent event =
        event(
            cmd.eventId(),
            batch,
            EventType.OBJECT_EVENT,
            cmd.action() == RecallAction.DESTROYED ? EventAction.DELETE : EventAction.OBSERVE,
            BizStep.RECALL_HANDLING,
            disposition,
            cmd.eventTime(),
            cmd.readPoint(),
            null,
            cmd.quantity(),
            null,
            null,
            new EventDetail(
                null,
                null,
                null,
                null,
                null,
                new RecallHandling(cmd.recallId(), cmd.action(), cmd.evidenceSha256())),
            actor,
            tx);
    return single(event, batch, updated.withEvent());
  }

  // ---- shared checks ----------------------------------------------------------------------

  private static Batch existing(Optional<Batch> found, String batchId) {
    return found.orElseThrow(() -> new XlException(BATCH_NOT_FOUND, "no batch " + batchId));
  }

  private static void requireOwner(Batch batch, Actor actor) {
    XlException.check(
        batch.owner().equals(actor.party()),
        NOT_OWNER,
        actor.party() + " does not own " + batch.batchId());
  }

  /** BATCH_RECALLED, then BATCH_NOT_ACTIVE (consumed; in transit unless receiving). */
  private static void requireUsable(Batch batch, boolean receiving) {
    XlException.check(
        batch.status() != BatchStatus.RECALLED,
        BATCH_RECALLED,
        "batch " + batch.batchId() + " is recalled");
    XlException.check(
        batch.status() != BatchStatus.CONSUMED,
        BATCH_NOT_ACTIVE,
        "batch " + batch.batchId() + " is consumed");
    XlException.check(
        receiving || batch.status() != BatchStatus.IN_TRANSIT,
        BATCH_NOT_ACTIVE,
        "batch " + batch.batchId() + " is in transit");
  }

  private static void requireNotBefore(Batch batch, OffsetDateTime time) {
    XlException.check(
        !time.isBefore(batch.producedAt()),
        EVENT_BEFORE_BATCH,
        ChinaTime.format(time) + " is before " + batch.batchId() + " was produced");
  }

  /** QUANTITY_INVALID (not positive, other unit), then QUANTITY_NOT_CONSERVED (more than left). */
  private static void requireAvailable(Batch batch, Quantity wanted, String what) {
    wanted.requirePositive(what);
    batch.quantity().requireSameUnit(wanted, what);
    XlException.check(
        !wanted.exceeds(batch.quantity()),
        QUANTITY_NOT_CONSERVED,
        what + " " + wanted.amount() + " exceeds the " + batch.quantity().amount() + " left");
  }

  private static List<Batch> withDescendants(Batch batch, Lineage.BatchLookup lookup) {
    List<Batch> all = new ArrayList<>();
    all.add(batch);
    all.addAll(Lineage.descendants(batch, lookup, MAX_LINEAGE - 1));
    return all;
  }

  private static String sharedProducer(List<Batch> sources, Actor actor) {
    String first = sources.get(0).producerId();
    return sources.stream().allMatch(b -> b.producerId().equals(first)) ? first : actor.partyId();
  }

  private static ProductionType sharedProductionType(List<Batch> sources) {
    ProductionType first = sources.get(0).productionType();
    return sources.stream().allMatch(b -> b.productionType() == first)
        ? first
        : ProductionType.PROCESSING;
  }

  private static boolean isEmpty(EventDetail detail) {
    return detail.note() == null && detail.input() == null && detail.inspection() == null;
  }

  private static Recorded single(TraceEvent event, Batch before, Batch after) {
    return new Recorded(
        event,
        List.of(after),
        List.of(),
        List.of(new EventLink(before.batchId(), before.eventCount())));
  }

  private static TraceEvent event(
      String eventId,
      Batch primary,
      EventType type,
      EventAction action,
      BizStep step,
      Disposition disposition,
      OffsetDateTime eventTime,
      Location readPoint,
      Location bizLocation,
      Quantity quantity,
      List<BatchQuantity> inputs,
      List<BatchQuantity> outputs,
      EventDetail detail,
      Actor actor,
      Tx tx) {
    return new TraceEvent(
        eventId,
        primary.batchId(),
        primary.eventCount(),
        type,
        action,
        step,
        disposition,
        eventTime,
        readPoint,
        bizLocation,
        quantity,
        inputs,
        outputs,
        detail,
        actor.party(),
        actor.mspId(),
        tx.txId(),
        tx.time());
  }
}
