package cn.xianglian.ledger.anchor;

/**
 * An anchoring step that failed, with a stable code; {@link #retryable()} says whether to retry.
 */
public class AnchorException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Failure codes. */
  public enum Code {
    /** The chain could not be read (node down, timeout). Retryable. */
    CHAIN_UNAVAILABLE(true),
    /**
     * A send failed in a way that leaves its outcome unknown. Retryable after re-reading the chain.
     */
    SEND_FAILED(true),
    /**
     * The node refused the transaction (e.g. nonce too low, underpriced). Retryable after
     * re-reading.
     */
    SEND_REJECTED(true),
    /**
     * The chain already holds a different root, or another range, where this checkpoint belongs.
     */
    RANGE_CONFLICT(false),
    /** The contract expects another first block than this checkpoint's (a gap or a replay). */
    RANGE_NOT_NEXT(false),
    /** The anchoring account is not authorised by the contract. */
    NOT_AUTHORISED(false),
    /** Every attempt failed. */
    GAVE_UP(false),
    /** The Fabric ledger could not be written or read. Retryable. */
    LEDGER_UNAVAILABLE(true),
    /** The Fabric ledger holds another record under this anchor index. */
    RECORD_CONFLICT(false);

    private final boolean retryable;

    Code(boolean retryable) {
      this.retryable = retryable;
    }
  }

  private final Code code;

  public AnchorException(Code code, String message) {
    this(code, message, null);
  }

  public AnchorException(Code code, String message, Throwable cause) {
    super(code + ": " + message, cause);
    this.code = code;
  }

  public Code code() {
    return code;
  }

  public boolean retryable() {
    return code.retryable;
  }
}
