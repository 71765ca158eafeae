package cn.xianglian.qr.resolve;

import cn.xianglian.ledger.ChaincodeEvent;
import cn.xianglian.ledger.LedgerClient;
import cn.xianglian.ledger.Subscription;
import cn.xianglian.qr.issuance.RunIssued;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the resolver's caches true to the ledger: every chaincode event whose payload names batches
 * ({@code {type, id, batchIds}}, docs/contract-trace.md) drops those batches' views at once —
 * {@code BatchRecalled} and {@code WarningRaised} above all, so a recall shows its red banner on
 * the next scan. Subscribes from the ledger's height at start (the caches start empty).
 */
public final class CacheInvalidation implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(CacheInvalidation.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final LedgerClient ledger;
  private final CodeResolver resolver;
  private final ConsumerPages pages;
  private volatile Subscription subscription;

  public CacheInvalidation(LedgerClient ledger, CodeResolver resolver, ConsumerPages pages) {
    this.ledger = ledger;
    this.resolver = resolver;
    this.pages = pages;
  }

  /** Applies one chaincode event; public for the adapters' tests. */
  public void apply(ChaincodeEvent event) {
    try {
      JsonNode payload = JSON.readTree(event.payload());
      List<String> batchIds = new ArrayList<>();
      payload.path("batchIds").forEach(id -> batchIds.add(id.asString()));
      if (!batchIds.isEmpty()) {
        resolver.invalidateBatches(batchIds);
        pages.invalidateBatches(batchIds);
        LOG.debug("{} invalidated {}", event.eventName(), batchIds);
      }
    } catch (RuntimeException e) {
      LOG.warn("unreadable chaincode event {} in block {}", event.eventName(), event.blockNumber());
    }
  }

  @EventListener
  void runIssued(RunIssued issued) {
    resolver.invalidateRuns(issued.run().product(), issued.run().lot());
  }

  @Override
  public void start() {
    subscription = ledger.onChaincodeEvents(ledger.height(), this::apply);
  }

  @Override
  public void stop() {
    Subscription current = subscription;
    if (current != null) {
      current.close();
      subscription = null;
    }
  }

  @Override
  public boolean isRunning() {
    return subscription != null;
  }
}
