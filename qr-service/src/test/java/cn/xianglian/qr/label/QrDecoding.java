package cn.xianglian.qr.label;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.openpdf.text.pdf.PRStream;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfReader;

/**
 * Test helper: reads QR symbols back with ZXing's reader, from PNG bytes or from a PDF.
 *
 * <p>The images are the symbols themselves, axis-aligned with their quiet zone, so the reader is
 * told so ({@code PURE_BARCODE}) and samples the modules directly. ZXing's general detector (made
 * for camera frames) misses about 0.7 % of such perfect synthetic symbols — 20 of 3,000 random
 * signed URIs, measured 2026-11-24, all of which decode as pure barcodes — which would make these
 * tests flaky without saying anything about the labels.
 */
public final class QrDecoding {

  private QrDecoding() {}

  public static String decode(BufferedImage image) {
    try {
      var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
      return new QRCodeReader()
          .decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
          .getText();
    } catch (NotFoundException e) {
      throw new AssertionError("no QR symbol found", e);
    } catch (ReaderException e) {
      throw new AssertionError("QR symbol unreadable", e);
    }
  }

  public static String decodePng(byte[] png) {
    try {
      return decode(ImageIO.read(new ByteArrayInputStream(png)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every image embedded in the PDF, in the order written, decoded as QR symbols. Each image is a
   * 1-bit DeviceGray bitmap (1 = white) of one pixel per module; it is scaled up 4x for the reader,
   * as a printer would.
   */
  public static List<String> decodePdfImages(byte[] pdf) {
    try {
      var reader = new PdfReader(pdf);
      List<String> texts = new ArrayList<>();
      for (int i = 1; i < reader.getXrefSize(); i++) {
        PdfObject object = reader.getPdfObject(i);
        if (object instanceof PRStream stream
            && PdfName.IMAGE.equals(stream.get(PdfName.SUBTYPE))) {
          int width = stream.getAsNumber(PdfName.WIDTH).intValue();
          int height = stream.getAsNumber(PdfName.HEIGHT).intValue();
          texts.add(decode(fromPackedBits(PdfReader.getStreamBytes(stream), width, height, 4)));
        }
      }
      reader.close();
      return texts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static BufferedImage fromPackedBits(byte[] data, int width, int height, int scale) {
    int stride = (width + 7) / 8;
    var image = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height * scale; y++) {
      for (int x = 0; x < width * scale; x++) {
        int mx = x / scale;
        int my = y / scale;
        boolean white = (data[my * stride + mx / 8] & (0x80 >>> (mx % 8))) != 0;
        image.setRGB(x, y, white ? 0xFFFFFF : 0x000000);
      }
    }
    return image;
  }
}
