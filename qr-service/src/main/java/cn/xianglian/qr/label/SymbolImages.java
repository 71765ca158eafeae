package cn.xianglian.qr.label;

import com.google.zxing.common.BitMatrix;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes a symbol as a 1-bit PNG ({@code pixelsPerModule} pixels per module, so edges stay sharp)
 * or as an SVG whose unit is one module (one path of horizontal runs, crisp edges), and packs it as
 * the raw 1-bit rows a PDF image holds.
 */
public final class SymbolImages {

  private SymbolImages() {}

  /**
   * A 1-bit greyscale PNG (colour type 0, bit depth 1), written directly: the packed module rows
   * are widened to {@code pixelsPerModule} pixels, each image row repeated, filter type 0, one zlib
   * IDAT. Much cheaper than going through {@code BufferedImage} and ImageIO, whose per-pixel work
   * was most of the cost of a label.
   */
  public static void png(BitMatrix symbol, int pixelsPerModule, OutputStream out) {
    if (pixelsPerModule < 1 || pixelsPerModule > 40) {
      throw new IllegalArgumentException("pixelsPerModule must be 1..40");
    }
    int modules = symbol.getWidth();
    int size = modules * pixelsPerModule;
    int stride = (size + 7) / 8;
    byte[] row = new byte[1 + stride];
    var raw = new Deflater(Deflater.BEST_SPEED);
    var idat = new ByteArrayOutputStream(stride * 4 + 256);
    try (var zlib = new DeflaterOutputStream(idat, raw, 8192)) {
      for (int y = 0; y < symbol.getHeight(); y++) {
        java.util.Arrays.fill(row, (byte) 0);
        for (int x = 0; x < modules; x++) {
          if (!symbol.get(x, y)) {
            for (int p = x * pixelsPerModule, e = p + pixelsPerModule; p < e; p++) {
              row[1 + (p >>> 3)] |= (byte) (0x80 >>> (p & 7));
            }
          }
        }
        for (int repeat = 0; repeat < pixelsPerModule; repeat++) {
          zlib.write(row);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      raw.end();
    }
    try {
      var png = new DataOutputStream(out);
      png.write(PNG_SIGNATURE);
      var header = ByteBuffer.allocate(13).putInt(size).putInt(size);
      header.put((byte) 1).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
      chunk(png, "IHDR", header.array());
      chunk(png, "IDAT", idat.toByteArray());
      chunk(png, "IEND", new byte[0]);
      png.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    var crc = new CRC32();
    crc.update(name);
    crc.update(data);
    out.writeInt(data.length);
    out.write(name);
    out.write(data);
    out.writeInt((int) crc.getValue());
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
