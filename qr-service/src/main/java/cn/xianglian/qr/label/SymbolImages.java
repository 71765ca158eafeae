package cn.xianglian.qr.label;

import com.google.zxing.common.BitMatrix;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import javax.imageio.ImageIO;

/**
 * Writes a symbol as a 1-bit PNG ({@code pixelsPerModule} pixels per module, so edges stay sharp)
 * or as an SVG whose unit is one module (one path of horizontal runs, crisp edges), and packs it as
 * the raw 1-bit rows a PDF image holds.
 */
public final class SymbolImages {

  private SymbolImages() {}

  public static void png(BitMatrix symbol, int pixelsPerModule, OutputStream out) {
    if (pixelsPerModule < 1 || pixelsPerModule > 40) {
      throw new IllegalArgumentException("pixelsPerModule must be 1..40");
    }
    int size = symbol.getWidth() * pixelsPerModule;
    var image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
    WritableRaster raster = image.getRaster();
    int[] white = new int[pixelsPerModule * pixelsPerModule];
    java.util.Arrays.fill(white, 1);
    for (int y = 0; y < symbol.getHeight(); y++) {
      for (int x = 0; x < symbol.getWidth(); x++) {
        if (!symbol.get(x, y)) {
          raster.setPixels(
              x * pixelsPerModule, y * pixelsPerModule, pixelsPerModule, pixelsPerModule, white);
        }
      }
    }
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void svg(BitMatrix symbol, double sizeMm, Writer out) {
    int n = symbol.getWidth();
    var path = new StringBuilder(n * n);
    for (int y = 0; y < n; y++) {
      int x = 0;
      while (x < n) {
        if (!symbol.get(x, y)) {
          x++;
          continue;
        }
        int run = 0;
        while (x + run < n && symbol.get(x + run, y)) {
          run++;
        }
        path.append('M').append(x).append(' ').append(y).append('h').append(run).append("v1h-");
        path.append(run).append('z');
        x += run;
      }
    }
    try {
      out.write(
          "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%smm\" height=\"%smm\" shape-rendering=\"crispEdges\"><rect width=\"%d\" height=\"%d\" fill=\"#fff\"/><path fill=\"#000\" d=\"%s\"/></svg>"
              .formatted(n, n, fmt(sizeMm), fmt(sizeMm), n, n, path));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rows of 1 bit per module, padded to whole bytes, 1 = white (PDF DeviceGray, 1 bpc). */
  public static byte[] packedRows(BitMatrix symbol) {
    int n = symbol.getWidth();
    int stride = (n + 7) / 8;
    byte[] data = new byte[stride * symbol.getHeight()];
    for (int y = 0; y < symbol.getHeight(); y++) {
      for (int x = 0; x < n; x++) {
        if (!symbol.get(x, y)) {
          data[y * stride + x / 8] |= (byte) (0x80 >>> (x % 8));
        }
      }
    }
    return data;
  }

  private static String fmt(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
