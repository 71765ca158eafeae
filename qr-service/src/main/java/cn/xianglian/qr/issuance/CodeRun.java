package cn.xianglian.qr.issuance;

import cn.xianglian.qr.QrError;
import cn.xianglian.qr.QrException;
import cn.xianglian.qr.digitallink.Ai82;
import cn.xianglian.qr.digitallink.DigitalLink;
import cn.xianglian.qr.digitallink.ProductKey;
import cn.xianglian.qr.digitallink.Serial;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One label run as recorded on the ledger: which batch, product and lot, which level and serial
 * range, the key its labels are signed with, the SHA-256 of its codes ({@link RangeDigest}) and,
 * for cases and pallets, what each code contains.
 */
public record CodeRun(
    String runId,
    String batchId,
    ProductKey product,
    String lot,
    SerialRange range,
    String keyId,
    String digest,
    Containment contains) {

  /** Run ids as the ledger accepts client-chosen ids: 1 to 64 of {@code A-Z a-z 0-9 - _ .}. */
  public static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public CodeRun {
    if (runId == null || !RUN_ID.matcher(runId).matches()) {
      throw new QrException(QrError.INVALID_ARGUMENT, "runId must match " + RUN_ID);
    }
    if (batchId == null || batchId.isBlank() || batchId.length() > 64) {
      throw new QrException(QrError.INVALID_ARGUMENT, "batchId missing or too long");
    }
    if (product == null || range == null || keyId == null || digest == null) {
      throw new QrException(QrError.INVALID_ARGUMENT, "product, range, keyId, digest required");
    }
    try {
      Ai82.require("10", lot);
    } catch (QrException e) {
      throw new QrException(QrError.INVALID_ARGUMENT, "lot: " + e.getMessage());
    }
    if (contains != null && range.level().contains().isEmpty()) {
      throw new QrException(QrError.INVALID_ARGUMENT, "item runs contain nothing");
    }
  }

  public long count() {
    return range.count();
  }

  /** The link of the {@code index}-th code (0-based). */
  public DigitalLink link(long index) {
    return new DigitalLink(product, lot, range.serial(index).text());
  }

  public boolean issued(Serial serial) {
    return range.contains(serial);
  }

  /** Index of a serial within this run. */
  public long indexOf(Serial serial) {
    if (!issued(serial)) {
      throw new IllegalArgumentException(serial + " not in run " + runId);
    }
    return serial.number() - range.start();
  }

  public Optional<Containment> containment() {
    return Optional.ofNullable(contains);
  }
}
