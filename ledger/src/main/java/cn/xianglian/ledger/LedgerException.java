package cn.xianglian.ledger;

import java.util.Optional;

/**
 * A transaction that did not complete. {@link #stage()} says where it failed; for a rejection by
 * the chaincode, {@link #errorCode()} is the stable code the contract raised (e.g. {@code
 * BATCH_NOT_FOUND}), parsed from the chaincode message {@code CODE: text}.
 */
public class LedgerException extends RuntimeException {

  /** Where a transaction failed, in the order a transaction passes them. */
  public enum Stage {
    /** The chaincode rejected the proposal, or endorsement failed. Nothing was written. */
    ENDORSE,
    /** The transaction could not be handed to ordering. Outcome unknown to the caller. */
    SUBMIT,
    /** The commit status could not be obtained in time. Outcome unknown: check before retrying. */
    COMMIT_STATUS,
    /** The transaction was committed as invalid (e.g. MVCC conflict). Nothing was written. */
    COMMIT,
    /** A read-only evaluation failed. */
    EVALUATE
  }

  private final Stage stage;
  private final String errorCode;
  private final String txId;

  public LedgerException(
      Stage stage, String errorCode, String message, String txId, Throwable cause) {
    super(message, cause);
    this.stage = stage;
    this.errorCode = errorCode;
    this.txId = txId;
  }

  public Stage stage() {
    return stage;
  }

  /** The chaincode's stable error code, when the chaincode gave one. */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  public Optional<String> txId() {
    return Optional.ofNullable(txId);
  }

  /**
   * Splits a chaincode message of the form {@code CODE: text} into its code; messages that do not
   * contain an upper-case code with an underscore give null. Fabric wraps chaincode messages (e.g.
   * {@code chaincode response 500, BATCH_NOT_FOUND: ...}), so the code is found anywhere.
   */
  public static String codeOf(String chaincodeMessage) {
    if (chaincodeMessage == null) {
      return null;
    }
    var matcher = CODE.matcher(chaincodeMessage);
    return matcher.find() ? matcher.group(1) : null;
  }

  private static final java.util.regex.Pattern CODE =
      java.util.regex.Pattern.compile("(?<![A-Za-z0-9_])([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+): ");
}
