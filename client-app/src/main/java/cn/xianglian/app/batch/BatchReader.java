package cn.xianglian.app.batch;

import cn.xianglian.app.identity.CallerIdentities;
import cn.xianglian.app.system.TraceLedger;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Public reads of batches, mapped to views with every transaction id resolved to its block number,
 * timestamp and signing organisation.
 */
@Component
public class BatchReader {

  private final TraceLedger ledger;
  private final CallerIdentities callers;

  BatchReader(TraceLedger ledger, CallerIdentities callers) {
    this.ledger = ledger;
    this.callers = callers;
  }

  public BatchView batch(String batchId) {
    return batchView(ledger.evaluate(callers.reader(), "getBatch", batchId));
  }

  public List<EventView> events(String batchId) {
    return eventViews(ledger.evaluate(callers.reader(), "getBatchEvents", batchId));
  }

  /**
   * The batch with its events, ancestors and descendants. The contract answers {@code {batch,
   * events, ancestors:[{batch, events}], descendants:[…]}}.
   */
  public TraceView trace(String batchId) {
    JsonNode trace = ledger.evaluate(callers.reader(), "traceBatch", batchId);
    var root =
        new TraceView.BatchHistory(batchView(trace.get("batch")), eventViews(trace.path("events")));
    return new TraceView(
        root, histories(trace.get("ancestors")), histories(trace.get("descendants")));
  }

  public List<KeyHistoryEntry> keyHistory(String batchId) {
    JsonNode history = ledger.evaluate(callers.reader(), "getKeyHistory", batchId);
    var entries = new ArrayList<KeyHistoryEntry>();
    for (JsonNode entry : history) {
      ObjectNode node = ledger.withLedger(entry.deepCopy(), "txId");
      JsonNode value = node.get("value");
      if (value != null && value.isString()) {
        // Some adapters return the stored value as JSON text: expose it as an object.
        node.set("value", ledger.parse(value.asString()));
      }
      entries.add(ledger.read(node, KeyHistoryEntry.class));
    }
    return entries;
  }

  public BatchPage query(String by, String value, int pageSize, String bookmark) {
    var argument = new java.util.LinkedHashMap<String, Object>();
    argument.put("by", by);
    argument.put("value", value);
    argument.put("pageSize", pageSize);
    if (bookmark != null && !bookmark.isEmpty()) {
      argument.put("bookmark", bookmark);
    }
    JsonNode page = ledger.evaluateJson(callers.reader(), "queryBatches", argument);
    var records = new ArrayList<BatchView>();
    for (JsonNode record : page.path("records")) {
      records.add(batchView(record));
    }
    String next = page.path("bookmark").isString() ? page.path("bookmark").asString() : null;
    return new BatchPage(records, next, page.path("count").asInt(records.size()));
  }

  /** Maps a batch record, adding where it was created. */
  public BatchView batchView(JsonNode record) {
    return ledger.read(ledger.withLedger(record.deepCopy(), "createdTxId"), BatchView.class);
  }

  /** Maps an event record, adding where it was recorded. */
  public EventView eventView(JsonNode record) {
    return ledger.read(ledger.withLedger(record.deepCopy(), "txId"), EventView.class);
  }

  private List<EventView> eventViews(JsonNode events) {
    var views = new ArrayList<EventView>();
    for (JsonNode event : events) {
      views.add(eventView(event));
    }
    return views;
  }

  private TraceView.BatchHistory history(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    return new TraceView.BatchHistory(
        batchView(node.get("batch")), eventViews(node.path("events")));
  }

  private List<TraceView.BatchHistory> histories(JsonNode nodes) {
    var list = new ArrayList<TraceView.BatchHistory>();
    if (nodes != null) {
      for (JsonNode node : nodes) {
        list.add(history(node));
      }
    }
    return list;
  }
}
