package cn.xianglian.app.epcis;

import cn.xianglian.app.batch.BatchReader;
import cn.xianglian.app.batch.BatchView;
import cn.xianglian.app.batch.EventView;
import cn.xianglian.app.batch.LocationDto;
import cn.xianglian.app.batch.ProductDto;
import cn.xianglian.app.batch.QuantityDto;
import cn.xianglian.app.batch.TraceView;
import cn.xianglian.app.system.TraceLedger;
import cn.xianglian.ledger.LedgerException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Writes a batch's history as a GS1 EPCIS 2.0 JSON-LD document. Field names are the standard's;
 * what EPCIS has no field for travels under the {@code xl:} prefix (https://xianglian.cn/epcis/).
 *
 * <ul>
 *   <li>{@code epcClass}: a batch of a product with a GTIN is the GS1 Digital Link class URI {@code
 *       https://id.gs1.org/01/{gtin}/10/{batchId}}; without a GTIN (internal code {@code XL-…}) the
 *       fallback is {@code https://xianglian.cn/epcis/class/{code}/10/{batchId}}, same shape.
 *   <li>{@code bizStep} and {@code disposition}: bare CBV names ({@code commissioning}); farm steps
 *       as compact IRIs {@code xl:planting}.
 *   <li>{@code readPoint} / {@code bizLocation}: {@code
 *       https://xianglian.cn/epcis/loc/{region}/{site}} (no SGLNs are issued yet).
 *   <li>{@code eventID}: {@code https://xianglian.cn/epcis/event/{eventId}}; the ledger
 *       transaction, block number and signing MSP are {@code xl:txId}, {@code xl:blockNumber},
 *       {@code xl:signerMsp}.
 * </ul>
 */
@Component
public class EpcisExporter {

  /** The EPCIS 2.0 JSON-LD context. */
  public static final String GS1_CONTEXT =
      "https://ref.gs1.org/standards/epcis/epcis-context.jsonld";

  /** The namespace of XiangLian's extension fields and vocabulary. */
  public static final String XL_NAMESPACE = "https://xianglian.cn/epcis/";

  private final BatchReader batches;
  private final Clock clock;

  @Autowired
  EpcisExporter(BatchReader batches) {
    this(batches, Clock.systemUTC());
  }

  EpcisExporter(BatchReader batches, Clock clock) {
    this.batches = batches;
    this.clock = clock;
  }

  /**
   * The EPCIS document of {@code batchId}'s own events, or with {@code lineage} also those of its
   * ancestors and descendants, ordered by event time.
   */
  public Map<String, Object> export(String batchId, boolean lineage) {
    var known = new HashMap<String, BatchView>();
    var events = new ArrayList<EventView>();
    if (lineage) {
      TraceView trace = batches.trace(batchId);
      add(trace.batch(), known, events);
      trace.ancestors().forEach(history -> add(history, known, events));
      trace.descendants().forEach(history -> add(history, known, events));
    } else {
      BatchView batch = batches.batch(batchId);
      known.put(batch.batchId(), batch);
      events.addAll(batches.events(batchId));
    }
    events.sort(
        Comparator.comparing((EventView e) -> OffsetDateTime.parse(e.eventTime()))
            .thenComparing(EventView::batchId)
            .thenComparing(e -> e.seq() == null ? 0 : e.seq()));
    var eventList = new ArrayList<Map<String, Object>>();
    var seen = new java.util.HashSet<String>();
    for (EventView event : events) {
      // A transformation is recorded on each batch it touches: export it once.
      if (seen.add(event.eventId())) {
        eventList.add(event(event, known));
      }
    }
    var document = new LinkedHashMap<String, Object>();
    document.put("@context", List.of(GS1_CONTEXT, Map.of("xl", XL_NAMESPACE)));
    document.put("type", "EPCISDocument");
    document.put("schemaVersion", "2.0");
    document.put("creationDate", TraceLedger.format(OffsetDateTime.now(clock)));
    document.put("epcisBody", Map.of("eventList", eventList));
    return document;
  }

  private static void add(
      TraceView.BatchHistory history, Map<String, BatchView> known, List<EventView> events) {
    if (history == null || history.batch() == null) {
      return;
    }
    known.put(history.batch().batchId(), history.batch());
    events.addAll(history.events());
  }

  private Map<String, Object> event(EventView event, Map<String, BatchView> known) {
    var out = new LinkedHashMap<String, Object>();
    boolean transformation = "TransformationEvent".equals(event.type());
    out.put("type", transformation ? "TransformationEvent" : "ObjectEvent");
    out.put("eventTime", event.eventTime());
    out.put("eventTimeZoneOffset", "+08:00");
    out.put("eventID", XL_NAMESPACE + "event/" + encode(event.eventId()));
    if (transformation) {
      List<EventView.Part> inputs =
          event.inputs() == null || event.inputs().isEmpty()
              ? List.of(new EventView.Part(event.batchId(), null, null))
              : event.inputs();
      out.put("inputQuantityList", quantities(inputs, known));
      out.put(
          "outputQuantityList",
          quantities(event.outputs() == null ? List.of() : event.outputs(), known));
      out.put("transformationID", XL_NAMESPACE + "transformation/" + encode(event.eventId()));
    } else {
      out.put("action", event.action() == null ? "OBSERVE" : event.action());
      out.put(
          "quantityList",
          List.of(element(epcClass(event.batchId(), null, known), event.quantity())));
    }
    if (event.bizStep() != null) {
      out.put("bizStep", event.bizStep());
    }
    if (event.disposition() != null) {
      out.put("disposition", event.disposition());
    }
    if (event.readPoint() != null) {
      out.put("readPoint", Map.of("id", location(event.readPoint())));
    }
    if (event.bizLocation() != null) {
      out.put("bizLocation", Map.of("id", location(event.bizLocation())));
    }
    out.put("xl:batchId", event.batchId());
    if (event.seq() != null) {
      out.put("xl:seq", event.seq());
    }
    if (event.txId() != null) {
      out.put("xl:txId", event.txId());
    }
    if (event.ledger() != null) {
      out.put("xl:blockNumber", event.ledger().blockNumber());
      out.put("xl:signerMsp", event.ledger().mspId());
    }
    if (event.recorder() != null) {
      out.put("xl:recorder", event.recorder());
    }
    if (event.detail() != null && !event.detail().isEmpty()) {
      out.put("xl:detail", event.detail());
    }
    return out;
  }

  private List<Map<String, Object>> quantities(
      List<EventView.Part> parts, Map<String, BatchView> known) {
    var list = new ArrayList<Map<String, Object>>();
    for (EventView.Part part : parts) {
      list.add(element(epcClass(part.batchId(), part.product(), known), part.quantity()));
    }
    return list;
  }

  private static Map<String, Object> element(String epcClass, QuantityDto quantity) {
    var element = new LinkedHashMap<String, Object>();
    element.put("epcClass", epcClass);
    if (quantity != null) {
      element.put("quantity", quantity.amount());
      element.put("uom", quantity.uom());
    }
    return element;
  }

  /** The class URI of a batch: GS1 Digital Link for a GTIN, the XiangLian fallback otherwise. */
  static String epcClass(ProductDto product, String batchId) {
    if (product != null && product.gtin() != null) {
      return "https://id.gs1.org/01/" + product.gtin() + "/10/" + encode(batchId);
    }
    String code = product == null || product.code() == null ? "unknown" : product.code();
    return XL_NAMESPACE + "class/" + encode(code) + "/10/" + encode(batchId);
  }

  private String epcClass(String batchId, ProductDto given, Map<String, BatchView> known) {
    if (given != null) {
      return epcClass(given, batchId);
    }
    BatchView batch = known.get(batchId);
    if (batch == null) {
      try {
        batch = batches.batch(batchId);
        known.put(batchId, batch);
      } catch (LedgerException unknown) {
        return epcClass((ProductDto) null, batchId);
      }
    }
    return epcClass(batch.product(), batchId);
  }

  static String location(LocationDto location) {
    return XL_NAMESPACE + "loc/" + location.region() + "/" + encode(location.site());
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
