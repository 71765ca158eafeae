package cn.xianglian.chaincode.common;

import cn.xianglian.chaincode.domain.XlException;
import java.util.Map;
import java.util.function.Supplier;
import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * Turns rejections into the shim's {@link ChaincodeException}, the only exception whose message and
 * payload reach the client (anything else becomes "Unexpected error"). Message {@code CODE:
 * explanation}; payload {@code {"code":"CODE","message":"explanation"}} in UTF-8.
 */
public final class ChaincodeErrors {

  private ChaincodeErrors() {}

  public static ChaincodeException toChaincodeException(XlException rejection) {
    byte[] payload =
        CanonicalJson.bytes(
            Map.of("code", rejection.code().name(), "message", rejection.explanation()));
    return new ChaincodeException(rejection.getMessage(), payload);
  }

  /** Runs a transaction body, mapping its rejection to a {@link ChaincodeException}. */
  public static <T> T guard(Supplier<T> body) {
    try {
      return body.get();
    } catch (XlException rejection) {
      throw toChaincodeException(rejection);
    }
  }
}
