package cn.xianglian.chaincode.common;

import java.util.List;

/**
 * Every kind of key the chaincode writes, with its composite-key object type and the fixed order of
 * its attributes. Records are keyed by their id; indexes end with the id they point to, so a
 * partial key over the leading attributes lists them.
 */
public enum ObjectType {
  PRODUCER("xl.producer", "producerId"),
  BATCH("xl.batch", "batchId"),
  EVENT("xl.event", "eventId"),
  /** The events of a batch in order (an index: the event id is its last attribute). */
  BATCH_EVENT("xl.batchEvent", "batchId", "seq", "eventId"),
  CERTIFICATE("xl.certificate", "certificateNo"),
  WARNING("xl.warning", "warningId"),
  RECALL("xl.recall", "recallId"),
  /** Idempotency entry of a client-chosen id: who sent which command (hash). */
  COMMAND("xl.command", "kind", "id"),
  /** Key of a producer's personal data in the private data collection. */
  PERSONAL("xl.personal", "producerId"),
  BATCH_BY_PRODUCER("xl.idx.batchByProducer", "producerId", "batchId"),
  BATCH_BY_PRODUCT("xl.idx.batchByProduct", "product", "batchId"),
  BATCH_BY_REGION("xl.idx.batchByRegion", "county6", "township9", "village12", "batchId"),
  BATCH_BY_DAY("xl.idx.batchByDay", "yyyy", "MM", "dd", "batchId");

  private final String objectType;
  private final List<String> attributes;

  ObjectType(String objectType, String... attributes) {
    this.objectType = objectType;
    this.attributes = List.of(attributes);
  }

  /** The composite-key object type, e.g. {@code xl.batch}. */
  public String objectType() {
    return objectType;
  }

  /** Attribute names in key order. */
  public List<String> attributes() {
    return attributes;
  }
}
