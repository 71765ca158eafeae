package cn.xianglian.qr.label;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.util.Map;

/**
 * Encodes a code's URI as a QR symbol: one module per matrix cell, quiet zone of 4 modules included
 * (ISO/IEC 18004 minimum). Error correction M (15 %) by default: labels are printed on smooth label
 * stock and scanned at arm's length, so M keeps the symbol one to two versions smaller than Q for
 * the same print size, i.e. larger modules, which matters more for scanning from a phone than the
 * extra redundancy; Q (25 %) is offered for labels on rough or wet surfaces (crates in the cold
 * chain).
 */
public final class QrSymbols {

  public static final int QUIET_ZONE_MODULES = 4;

  private QrSymbols() {}

  /** The symbol with its quiet zone; {@code true} cells are dark. */
  public static BitMatrix encode(String content, ErrorCorrectionLevel level) {
    try {
      QRCode code =
          Encoder.encode(content, level, Map.of(EncodeHintType.CHARACTER_SET, "ISO-8859-1"));
      var matrix = code.getMatrix();
      int size = matrix.getWidth() + 2 * QUIET_ZONE_MODULES;
      BitMatrix out = new BitMatrix(size, size);
      for (int y = 0; y < matrix.getHeight(); y++) {
        for (int x = 0; x < matrix.getWidth(); x++) {
          if (matrix.get(x, y) == 1) {
            out.set(x + QUIET_ZONE_MODULES, y + QUIET_ZONE_MODULES);
          }
        }
      }
      return out;
    } catch (WriterException e) {
      throw new IllegalArgumentException("content does not fit a QR symbol", e);
    }
  }

  /** The QR version (1..40) ZXing chooses for the content. */
  public static int version(String content, ErrorCorrectionLevel level) {
    try {
      return Encoder.encode(content, level, Map.of(EncodeHintType.CHARACTER_SET, "ISO-8859-1"))
          .getVersion()
          .getVersionNumber();
    } catch (WriterException e) {
      throw new IllegalArgumentException("content does not fit a QR symbol", e);
    }
  }
}
