package cn.xianglian.app.integrity;

import java.util.List;

/**
 * The outcome of verifying one projected record against the ledger.
 *
 * @param type the record type ({@code batch}, {@code event}, ...)
 * @param id the record id
 * @param status the verdict
 * @param txId the transaction that last wrote the record, as projected
 * @param blockNumber the block holding that transaction, as projected
 * @param blockHash that block's hash on the ledger (hex), or null if it could not be read
 * @param valueSha256 SHA-256 of the record's value on the ledger (hex), or null
 * @param checks every check made, in order
 */
public record Verification(
    String type,
    String id,
    Status status,
    String txId,
    long blockNumber,
    String blockHash,
    String valueSha256,
    List<Check> checks) {

  public Verification {
    checks = List.copyOf(checks);
  }

  /** The verdict; {@code verify.status.<name>} in the message bundles says it to people. */
  public enum Status {
    /** The row, its hash and its columns agree with the ledger, and the chain is intact. */
    VERIFIED,
    /**
     * The row disagrees with the ledger (or with its own hash): it was changed outside the ledger.
     */
    TAMPERED,
    /** The ledger holds a newer value the projection has not reached yet. */
    STALE
  }

  /** One check: its name, whether it passed, and what was compared. */
  public record Check(String name, boolean passed, String detail) {}
}
