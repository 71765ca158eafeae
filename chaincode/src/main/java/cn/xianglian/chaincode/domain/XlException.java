package cn.xianglian.chaincode.domain;

import java.util.Objects;

/**
 * A rejection with a stable {@link ErrorCode}. Domain code throws it; the contract layer turns it
 * into the shim's {@code ChaincodeException} (see {@link ChaincodeErrors}). Pure Java, so the
 * framework-free domain may use it.
 */
public final class XlException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  public XlException(ErrorCode code, String explanation) {
    super(Objects.requireNonNull(code, "code").name() + ": " + explanation);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }

  /** The explanation without the code prefix. */
  public String explanation() {
    return getMessage().substring(code.name().length() + 2);
  }

  /** Throws a rejection with {@code code} unless {@code condition} holds. */
  public static void check(boolean condition, ErrorCode code, String explanation) {
    if (!condition) {
      throw new XlException(code, explanation);
    }
  }
}
