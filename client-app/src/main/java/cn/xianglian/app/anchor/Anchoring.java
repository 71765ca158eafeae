package cn.xianglian.app.anchor;

import cn.xianglian.ledger.anchor.AnchorService;
import cn.xianglian.ledger.anchor.FileAnchorStore;
import cn.xianglian.ledger.anchor.OnChainAnchor;
import cn.xianglian.ledger.anchor.TxProof;
import cn.xianglian.ledger.anchor.evm.Web3jAnchorChain;
import java.util.Optional;
import org.web3j.protocol.Web3j;
import tools.jackson.databind.JsonNode;

/**
 * The running anchoring component (only when {@code xl.anchor.enabled=true}): the service that
 * anchors and records, a read-only view of the chain for verification, and the ledger's anchor
 * records. Built by {@link AnchorConfiguration}.
 */
public final class Anchoring implements AutoCloseable {

  private final AnchorService service;
  private final Web3jAnchorChain reader;
  private final LedgerAnchorRecorder recorder;
  private final Web3j web3j;
  private final FileAnchorStore store;

  Anchoring(
      AnchorService service,
      Web3jAnchorChain reader,
      LedgerAnchorRecorder recorder,
      Web3j web3j,
      FileAnchorStore store) {
    this.service = service;
    this.reader = reader;
    this.recorder = recorder;
    this.web3j = web3j;
    this.store = store;
  }

  /** The anchoring service (status, proofs, flush). */
  public AnchorService service() {
    return service;
  }

  /** The proof of an anchored transaction, if its checkpoint is anchored. */
  Optional<TxProof> proofOfTransaction(String txId) {
    return service.proof(txId);
  }

  /** The proof of a published disclosure's leaf, if its checkpoint is anchored. */
  Optional<TxProof> proofOfPublication(String publicationId) {
    return service.proofOfPublication(publicationId);
  }

  /** The anchor the chain holds for a Fabric block, read now through the configured node. */
  Optional<OnChainAnchor> anchorOnChain(long fabricBlock) {
    return reader.anchorHolding(fabricBlock);
  }

  /** The anchor records of the local store (with their leaves), in block order. */
  java.util.List<cn.xianglian.ledger.anchor.AnchorRecord> records() {
    return store.records();
  }

  /** The read-only chain, for verifying proofs. */
  Web3jAnchorChain chain() {
    return reader;
  }

  /** The Fabric ledger's record of an anchor, if recorded. */
  Optional<JsonNode> ledgerRecord(long anchorIndex) {
    return recorder.read(anchorIndex);
  }

  @Override
  public void close() {
    try {
      service.close();
    } finally {
      web3j.shutdown();
      store.close();
    }
  }
}
