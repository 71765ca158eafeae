package cn.xianglian.qr.resolve;

import cn.xianglian.qr.QrError;
import cn.xianglian.qr.QrException;
import cn.xianglian.qr.digitallink.DigitalLink;
import cn.xianglian.qr.digitallink.ProductKey;
import cn.xianglian.qr.digitallink.Serial;
import cn.xianglian.qr.issuance.Aggregation;
import cn.xianglian.qr.issuance.CodeRun;
import cn.xianglian.qr.issuance.CodeRunRegistry;
import cn.xianglian.qr.issuance.SerialRange;
import cn.xianglian.qr.signing.CodeSigner;
import cn.xianglian.qr.signing.KeyRing;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides what a scanned code is, in this order (the first failure is the answer):
 *
 * <ol>
 *   <li>the path is a Digital Link ({@code INVALID_LINK}, {@code CHECK_DIGIT_MISMATCH});
 *   <li>the signature verifies offline with the issuer's public key ({@code SIGNATURE_MISSING},
 *       {@code KEY_UNKNOWN}, {@code SIGNATURE_INVALID});
 *   <li>a run was issued for the product and lot ({@code CODE_UNKNOWN}) and holds the serial
 *       ({@code SERIAL_NOT_ISSUED}), and the code's key is the run's key ({@code
 *       SIGNATURE_INVALID}: a retired key cannot sign codes for newer runs);
 *   <li>the batch is on the ledger ({@code BATCH_NOT_FOUND}, {@code LEDGER_UNAVAILABLE}).
 * </ol>
 *
 * Three bounded caches keep hot codes off the ledger and the CPU: verified signatures, a lot's runs
 * (immutable once issued; re-read after {@code runTtl} so new runs appear) and batch views (dropped
 * at once by {@link #invalidateBatches} when a ledger event names the batch).
 */
public final class CodeResolver {

  private record LotKey(ProductKey product, String lot) {}

  /** A cached signature check: {@code error} is null for a genuine signature. */
  private record Verdict(QrError error) {}

  private final Supplier<KeyRing> keys;
  private final CodeRunRegistry registry;
  private final TraceReader reader;
  private final Cache<String, Verdict> verdicts;
  private final Cache<LotKey, List<CodeRun>> runs;
  private final Cache<String, BatchView> batches;

  public CodeResolver(
      Supplier<KeyRing> keys,
      CodeRunRegistry registry,
      TraceReader reader,
      int batchEntries,
      Duration batchTtl,
      Duration runTtl,
      int signatureEntries) {
    this.keys = keys;
    this.registry = registry;
    this.reader = reader;
    this.verdicts = Caffeine.newBuilder().maximumSize(signatureEntries).build();
    this.runs = Caffeine.newBuilder().maximumSize(batchEntries).expireAfterWrite(runTtl).build();
    this.batches =
        Caffeine.newBuilder().maximumSize(batchEntries).expireAfterWrite(batchTtl).build();
  }

  public Resolution resolve(String rawPath, String keyId, String signature) {
    DigitalLink link = DigitalLink.parsePath(rawPath);
    verifySignature(rawPath, link, keyId, signature);
    List<CodeRun> lotRuns = runs.get(new LotKey(link.product(), link.lot()), this::loadRuns);
    if (lotRuns.isEmpty()) {
      throw new QrException(QrError.CODE_UNKNOWN, "no run for " + link.product().pathSegment());
    }
    Serial serial =
        Serial.parse(link.serial())
            .orElseThrow(
                () ->
                    new QrException(
                        QrError.SERIAL_NOT_ISSUED, "serial " + link.serial() + " not in scheme"));
    CodeRun run =
        lotRuns.stream()
            .filter(r -> r.issued(serial))
            .findFirst()
            .orElseThrow(
                () ->
                    new QrException(
                        QrError.SERIAL_NOT_ISSUED, "serial " + serial + " outside issued ranges"));
    if (!run.keyId().equals(keyId)) {
      throw new QrException(
          QrError.SIGNATURE_INVALID, "run " + run.runId() + " is signed with another key");
    }
    BatchView batch = batches.get(run.batchId(), this::loadBatch);
    Optional<Serial> packedIn =
        Aggregation.packerOf(run, lotRuns).map(parent -> Aggregation.parentOf(parent, run, serial));
    Optional<SerialRange> contents =
        run.containment()
            .flatMap(
                c -> lotRuns.stream().filter(r -> r.runId().equals(c.childRunId())).findFirst())
            .map(child -> Aggregation.contentsOf(run, child, serial));
    return new Resolution(link, serial, run, batch, packedIn, contents);
  }

  /** Drops cached views of these batches (a recall, a warning, any new event). */
  public void invalidateBatches(Collection<String> batchIds) {
    batches.invalidateAll(batchIds);
  }

  /** Forgets a lot's runs, so a run issued a moment ago resolves at once. */
  public void invalidateRuns(ProductKey product, String lot) {
    runs.invalidate(new LotKey(product, lot));
  }

  private void verifySignature(String rawPath, DigitalLink link, String keyId, String signature) {
    if (keyId == null || signature == null || keyId.isEmpty() || signature.isEmpty()) {
      throw new QrException(QrError.SIGNATURE_MISSING, "code has no k and s parameters");
    }
    if (keyId.length() > 8 || signature.length() > 100) {
      throw new QrException(QrError.SIGNATURE_INVALID, "k or s too long");
    }
    String cacheKey = rawPath + '\n' + keyId + '\n' + signature;
    Verdict verdict =
        verdicts.get(
            cacheKey,
            ignored -> {
              try {
                CodeSigner.verify(keys.get(), link, keyId, signature);
                return new Verdict(null);
              } catch (QrException e) {
                return new Verdict(e.error());
              }
            });
    if (verdict.error() != null) {
      throw new QrException(verdict.error(), "signature check failed");
    }
  }

  private List<CodeRun> loadRuns(LotKey key) {
    return List.copyOf(registry.runsOf(key.product(), key.lot()));
  }

  private BatchView loadBatch(String batchId) {
    return reader
        .batch(batchId)
        .orElseThrow(() -> new QrException(QrError.BATCH_NOT_FOUND, "batch " + batchId));
  }
}
