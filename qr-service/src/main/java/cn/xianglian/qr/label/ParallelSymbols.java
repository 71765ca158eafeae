package cn.xianglian.qr.label;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongFunction;

/**
 * Signs and encodes the symbols of a sheet on several threads and hands them to the (sequential)
 * PDF writer in order. QR encoding is most of a label's cost (ZXing tries all eight masks; about
 * 0.7 ms CPU for a version-9 symbol), the PDF writer only copies ~200 bytes per label, so a sheet
 * is as fast as the cores can encode. Works a window of {@value #WINDOW_PER_THREAD} labels per
 * thread at a time, so memory stays bounded (a few MB) however long the sheet.
 */
public final class ParallelSymbols implements AutoCloseable {

  /** Receives the symbols in label order. */
  @FunctionalInterface
  public interface Sink {
    void accept(long index, BitMatrix symbol);
  }

  static final int WINDOW_PER_THREAD = 64;

  private final int threads;
  private final ExecutorService pool;

  /** A pool of {@code threads} daemon threads (one per core is right). */
  public ParallelSymbols(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1");
    }
    this.threads = threads;
    this.pool =
        Executors.newFixedThreadPool(
            threads, Thread.ofPlatform().name("xl-label-encoder-", 0).daemon().factory());
  }

  /** Encodes {@code content(i)} for {@code i} in {@code from..from+count-1}, in order to sink. */
  public void encode(
      long from, long count, LongFunction<String> content, ErrorCorrectionLevel ec, Sink sink) {
    int window = WINDOW_PER_THREAD * threads;
    BitMatrix[] symbols = new BitMatrix[window];
    for (long start = from; start < from + count; start += window) {
      int n = (int) Math.min(window, from + count - start);
      long first = start;
      List<Future<?>> parts = new ArrayList<>(threads);
      for (int t = 0; t < threads; t++) {
        int offset = t;
        parts.add(
            pool.submit(
                () -> {
                  for (int k = offset; k < n; k += threads) {
                    symbols[k] = QrSymbols.encode(content.apply(first + k), ec);
                  }
                }));
      }
      for (Future<?> part : parts) {
        await(part);
      }
      for (int k = 0; k < n; k++) {
        sink.accept(first + k, symbols[k]);
        symbols[k] = null;
      }
    }
  }

  private static void await(Future<?> part) {
    try {
      part.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while encoding labels", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
