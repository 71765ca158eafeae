package cn.xianglian.qr.resolve;

import cn.xianglian.qr.scan.CodeStats;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders the consumer page and keeps the HTML, so a hot code is served without running the
 * template. A page depends only on the batch view, the code and its first-scan time (and whether it
 * has been scanned suspiciously often), so those are the key. The batch view is keyed by identity:
 * when a ledger event invalidates a batch the resolver loads a new view object, and pages rendered
 * from the old one are never served again (they are also dropped at once).
 */
public final class ConsumerPages {

  private static final class Key {
    final BatchView view;
    final String code;
    final String firstScan;
    final boolean oftenScanned;

    Key(BatchView view, String code, String firstScan, boolean oftenScanned) {
      this.view = view;
      this.code = code;
      this.firstScan = firstScan;
      this.oftenScanned = oftenScanned;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && key.view == view
          && key.code.equals(code)
          && key.firstScan.equals(firstScan)
          && key.oftenScanned == oftenScanned;
    }

    @Override
    public int hashCode() {
      return (System.identityHashCode(view) * 31 + code.hashCode()) * 31
          + firstScan.hashCode()
          + (oftenScanned ? 1 : 0);
    }
  }

  private final ITemplateEngine engine;
  private final int oftenScannedFrom;
  private final Cache<Key, byte[]> pages;

  public ConsumerPages(ITemplateEngine engine, int maxPages, Duration ttl, int oftenScannedFrom) {
    this.engine = engine;
    this.oftenScannedFrom = oftenScannedFrom;
    this.pages = Caffeine.newBuilder().maximumSize(maxPages).expireAfterWrite(ttl).build();
  }

  /**
   * The page of a genuine code as UTF-8 bytes (kept encoded: a hot page is written out without
   * re-encoding 4 KB of Chinese text per request); {@code stats} is what was known before this
   * scan, or null.
   */
  public byte[] render(Resolution resolution, CodeStats stats) {
    String code = resolution.link().path();
    String firstScan = stats == null ? "" : ChinaTimes.INSTANCE.of(stats.firstScanAt());
    boolean often = stats != null && stats.scanCount() >= oftenScannedFrom;
    return pages.get(
        new Key(resolution.batch(), code, firstScan, often),
        key -> {
          var context = new Context(Locale.SIMPLIFIED_CHINESE);
          context.setVariables(
              Map.of(
                  "r",
                  resolution,
                  "b",
                  resolution.batch(),
                  "firstScan",
                  firstScan,
                  "t",
                  ChinaTimes.INSTANCE,
                  "oftenScanned",
                  often,
                  "complaintUrl",
                  "/complaint?code=" + code));
          return engine.process("product", context).getBytes(StandardCharsets.UTF_8);
        });
  }

  /** Drops the pages of these batches (their views were invalidated). */
  public void invalidateBatches(Collection<String> batchIds) {
    Set<String> ids = Set.copyOf(batchIds);
    pages.asMap().keySet().removeIf(key -> ids.contains(key.view.batchId()));
  }
}
