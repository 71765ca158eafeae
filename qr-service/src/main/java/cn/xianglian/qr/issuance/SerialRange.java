package cn.xianglian.qr.issuance;

import cn.xianglian.qr.QrError;
import cn.xianglian.qr.QrException;
import cn.xianglian.qr.digitallink.CodeLevel;
import cn.xianglian.qr.digitallink.Serial;

/** The serial numbers {@code start..end} (inclusive) of one level. */
public record SerialRange(CodeLevel level, long start, long end) {

  /** The largest run: ten million codes (a run of 1,000,000 issues in well under a second). */
  public static final long MAX_COUNT = 10_000_000L;

  public SerialRange {
    if (level == null) {
      throw new QrException(QrError.INVALID_ARGUMENT, "level missing");
    }
    if (start < 1 || end < start || end > Serial.MAX_NUMBER) {
      throw new QrException(
          QrError.INVALID_ARGUMENT, "serial range must satisfy 1 <= start <= end <= 10^18-1");
    }
    if (end - start + 1 > MAX_COUNT) {
      throw new QrException(QrError.RANGE_TOO_LARGE, "a run holds at most " + MAX_COUNT + " codes");
    }
  }

  /** A range of {@code count} serials from {@code start}. */
  public static SerialRange ofCount(CodeLevel level, long start, long count) {
    if (count < 1 || count > MAX_COUNT) {
      throw new QrException(QrError.RANGE_TOO_LARGE, "count must be 1.." + MAX_COUNT);
    }
    return new SerialRange(level, start, Math.addExact(start, count - 1));
  }

  public long count() {
    return end - start + 1;
  }

  public boolean contains(Serial serial) {
    return serial.level() == level && serial.number() >= start && serial.number() <= end;
  }

  public boolean overlaps(SerialRange other) {
    return level == other.level && start <= other.end && other.start <= end;
  }

  /** The {@code index}-th serial of the range (0-based). */
  public Serial serial(long index) {
    if (index < 0 || index >= count()) {
      throw new IndexOutOfBoundsException(index);
    }
    return new Serial(level, start + index);
  }
}
