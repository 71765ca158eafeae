package cn.xianglian.chaincode.common;

import static cn.xianglian.chaincode.domain.ErrorCode.INVALID_ARGUMENT;

import cn.xianglian.chaincode.domain.XlException;
import java.nio.charset.StandardCharsets;

/** Size limits of what callers send. */
public final class Payloads {

  /** Largest argument (or transient value) accepted, in bytes: 64 KiB. */
  public static final int MAX_BYTES = 64 * 1024;

  private Payloads() {}

  /** INVALID_ARGUMENT when {@code argument} is missing or over {@link #MAX_BYTES} in UTF-8. */
  public static String limited(String name, String argument) {
    XlException.check(argument != null, INVALID_ARGUMENT, name + " is missing");
    XlException.check(
        argument.length() <= MAX_BYTES
            && argument.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES,
        INVALID_ARGUMENT,
        name + " exceeds " + MAX_BYTES + " bytes");
    return argument;
  }

  public static byte[] limited(String name, byte[] value) {
    XlException.check(
        value == null || value.length <= MAX_BYTES,
        INVALID_ARGUMENT,
        name + " exceeds " + MAX_BYTES + " bytes");
    return value;
  }
}
