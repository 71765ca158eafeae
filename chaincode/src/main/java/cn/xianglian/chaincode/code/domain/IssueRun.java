package cn.xianglian.chaincode.code.domain;

import cn.xianglian.chaincode.domain.Require;
import java.util.regex.Pattern;

/** The argument of {@code issueRun}; every field rule of docs/contract-code.md is checked here. */
public record IssueRun(
    String runId,
    String batchId,
    RunProduct product,
    String lot,
    Level level,
    Long serialStart,
    Long serialEnd,
    String keyId,
    String digest,
    Contains contains) {

  /** Largest serial number. */
  public static final long MAX_SERIAL = 999_999_999_999_999_999L;

  /** Largest number of codes in one run. */
  public static final long MAX_COUNT = 10_000_000L;

  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9]{1,8}");
  private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");

  public IssueRun {
    CodeRules.runId("runId", runId);
    Require.id("batchId", batchId);
    Require.present("product", product);
    CodeRules.lot(lot);
    Require.present("level", level);
    Require.present("serialStart", serialStart);
    Require.present("serialEnd", serialEnd);
    Require.argument(
        1 <= serialStart && serialStart <= serialEnd && serialEnd <= MAX_SERIAL,
        "serials must satisfy 1 <= serialStart <= serialEnd <= " + MAX_SERIAL);
    Require.argument(
        serialEnd - serialStart + 1 <= MAX_COUNT, "a run holds at most " + MAX_COUNT + " codes");
    Require.present("keyId", keyId);
    Require.argument(KEY_ID.matcher(keyId).matches(), "keyId must match [A-Za-z0-9]{1,8}");
    Require.present("digest", digest);
    Require.argument(DIGEST.matcher(digest).matches(), "digest must be 64 lower-case hex digits");
    Require.argument(
        contains == null || level != Level.ITEM, "an ITEM run cannot contain another run");
  }

  /** Number of codes in the range. */
  public long count() {
    return serialEnd - serialStart + 1;
  }
}
