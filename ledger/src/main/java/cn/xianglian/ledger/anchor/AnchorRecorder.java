package cn.xianglian.ledger.anchor;

/**
 * Where confirmed anchors are written back on the Fabric ledger (port): the chaincode contract
 * {@code anchor} (docs/contract-anchor.md), so members and auditors see what is anchored without an
 * EVM node. The client-app's adapter submits {@code anchor:recordAnchor} through the {@code
 * LedgerClient}.
 *
 * <p>Both calls may be repeated safely: {@link #record} of a record the ledger already holds with
 * the same content changes nothing. Failures are {@link AnchorException}s; the service retries
 * later, never skipping a record (the contract accepts only contiguous ranges).
 */
public interface AnchorRecorder {

  /** Records nothing (anchoring without the write-back). */
  AnchorRecorder NONE =
      new AnchorRecorder() {
        @Override
        public boolean isRecorded(AnchorRecord record) {
          return true;
        }

        @Override
        public void record(AnchorRecord record) {}
      };

  /**
   * True when the ledger holds this anchor with the same content, false when it holds no anchor of
   * that index; another content there is an {@link AnchorException} with code {@link
   * AnchorException.Code#RECORD_CONFLICT}.
   */
  boolean isRecorded(AnchorRecord record);

  /** Writes the record on the ledger and returns once it is committed. */
  void record(AnchorRecord record);
}
