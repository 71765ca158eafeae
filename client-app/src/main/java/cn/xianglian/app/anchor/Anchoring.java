package cn.xianglian.app.anchor;

import cn.xianglian.ledger.anchor.AnchorChain;
import cn.xianglian.ledger.anchor.AnchorException;
import cn.xianglian.ledger.anchor.AnchorRecord;
import cn.xianglian.ledger.anchor.AnchorService;
import cn.xianglian.ledger.anchor.FileAnchorStore;
import cn.xianglian.ledger.anchor.OnChainAnchor;
import cn.xianglian.ledger.anchor.TxProof;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The anchoring component (only when {@code xl.anchor.enabled=true}): connects to the EVM node and
 * starts the {@link AnchorService} on a thread of its own, retrying while the node cannot be
 * reached (the application starts and serves without it; health says why anchoring waits), then
 * answers proofs, chain reads and the ledger's anchor records. Built by {@link
 * AnchorConfiguration}.
 */
public final class Anchoring implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Anchoring.class);

  /** Connects to the chain and starts a service; throws AnchorException while the node is down. */
  interface Connector {
    Connected connect();
  }

  /** A started service and a read-only view of the same contract. */
  record Connected(AnchorService service, AnchorChain reader) {}

  private final Connector connector;
  private final LedgerAnchorRecorder recorder;
  private final FileAnchorStore store;
  private final Runnable onClose;
  private final Duration retry;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread starter;

  private volatile Connected connected;
  private volatile RuntimeException startFailure;

  Anchoring(
      Connector connector,
      LedgerAnchorRecorder recorder,
      FileAnchorStore store,
      Runnable onClose,
      Duration retry) {
    this.connector = connector;
    this.recorder = recorder;
    this.store = store;
    this.onClose = onClose;
    this.retry = retry;
    this.starter = Thread.ofPlatform().name("xl-anchor-start").daemon().unstarted(this::connect);
  }

  /** Starts connecting (in the background). */
  void start() {
    starter.start();
  }

  private void connect() {
    while (closed.getCount() > 0) {
      try {
        connected = connector.connect();
        startFailure = null;
        LOG.info("anchoring started on chain {}", connected.reader().chainId());
        return;
      } catch (AnchorException e) {
        startFailure = e;
        if (!e.retryable()) {
          LOG.error("anchoring cannot start: {}", e.getMessage());
          return;
        }
        LOG.warn("anchoring waits for the EVM node ({}); retrying in {}", e.getMessage(), retry);
      } catch (RuntimeException e) {
        startFailure = e;
        LOG.error("anchoring cannot start: {}", e.getMessage(), e);
        return;
      }
      try {
        if (closed.await(retry.toMillis(), TimeUnit.MILLISECONDS)) {
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The running service, once connected. */
  public Optional<AnchorService> service() {
    Connected now = connected;
    return now == null ? Optional.empty() : Optional.of(now.service());
  }

  /** Why the component has not started (yet), if it has not. */
  public Optional<RuntimeException> startFailure() {
    return connected == null ? Optional.ofNullable(startFailure) : Optional.empty();
  }

  /** The proof of an anchored transaction, if its checkpoint is anchored. */
  Optional<TxProof> proofOfTransaction(String txId) {
    return running().service().proof(txId);
  }

  /** The proof of a published disclosure's leaf, if its checkpoint is anchored. */
  Optional<TxProof> proofOfPublication(String publicationId) {
    return running().service().proofOfPublication(publicationId);
  }

  /** The anchor the chain holds for a Fabric block, read now through the configured node. */
  Optional<OnChainAnchor> anchorOnChain(long fabricBlock) {
    return running().reader().anchorHolding(fabricBlock);
  }

  /** The read-only chain, for verifying proofs. */
  AnchorChain chain() {
    return running().reader();
  }

  /** The anchor records of the local store (with their leaves), in block order. */
  List<AnchorRecord> records() {
    return store.records();
  }

  /** The Fabric ledger's record of an anchor, if recorded. */
  Optional<JsonNode> ledgerRecord(long anchorIndex) {
    return recorder.read(anchorIndex);
  }

  private Connected running() {
    Connected now = connected;
    if (now == null) {
      throw new AnchorException(
          AnchorException.Code.CHAIN_UNAVAILABLE,
          "anchoring has not started"
              + (startFailure == null ? " yet" : ": " + startFailure.getMessage()));
    }
    return now;
  }

  @Override
  public void close() {
    closed.countDown();
    try {
      starter.join(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      Connected now = connected;
      if (now != null) {
        now.service().close();
      }
    } finally {
      onClose.run();
      store.close();
    }
  }
}
