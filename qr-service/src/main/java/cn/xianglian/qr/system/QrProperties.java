package cn.xianglian.qr.system;

import cn.xianglian.qr.signing.SignatureAlgorithm;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every {@code xl.qr.*} setting (documented in qr-service/README.md).
 *
 * @param resolverBase the scheme and host printed in every code, without trailing slash
 * @param dataDir keys, embedded ledger and CA, scan database
 * @param ledger {@code embedded} (in-process peer) or, later, {@code fabric}
 * @param registry where code runs are recorded: {@code ledger} (the code contract) or {@code
 *     memory} (tests and demos; lost on restart)
 * @param keyAlgorithm algorithm of the first issuer key and default for rotation
 * @param adminToken bearer token for issuance, labels, key rotation and the regulator API; empty
 *     disables those endpoints
 * @param maxRequestBytes largest request body accepted
 * @param demo on the embedded ledger, write a demo producer and batches (one recalled) and issue
 *     their code runs at start-up; logs sample URIs
 */
@ConfigurationProperties("xl.qr")
public record QrProperties(
    @DefaultValue("http://127.0.0.1:8081") String resolverBase,
    @DefaultValue("./data-qr") Path dataDir,
    @DefaultValue("embedded") String ledger,
    @DefaultValue("ledger") String registry,
    @DefaultValue("ECDSA_P256_SHA256") SignatureAlgorithm keyAlgorithm,
    @DefaultValue("") String adminToken,
    @DefaultValue("65536") int maxRequestBytes,
    @DefaultValue("false") boolean demo,
    @DefaultValue Label label,
    @DefaultValue Cache cache,
    @DefaultValue Scan scan) {

  /**
   * @param fontFile CJK TrueType font embedded in PDF labels; empty: look in the usual places
   * @param errorCorrection QR error correction level, {@code M} or {@code Q}
   * @param maxSheetLabels largest PDF sheet request
   */
  public record Label(
      @DefaultValue("") String fontFile,
      @DefaultValue("M") String errorCorrection,
      @DefaultValue("100000") int maxSheetLabels) {}

  /**
   * @param batchEntries batch views kept for resolution
   * @param batchTtl how long a batch view lives without an invalidating event
   * @param runTtl how long a lot's run list is trusted before a new run is looked up
   * @param signatureEntries verified codes remembered (so a hot code is verified once)
   */
  public record Cache(
      @DefaultValue("10000") int batchEntries,
      @DefaultValue("5m") Duration batchTtl,
      @DefaultValue("10s") Duration runTtl,
      @DefaultValue("200000") int signatureEntries) {}

  /**
   * @param farApartKm two scans further apart than this ...
   * @param farApartWithin ... within this time raise {@code FAR_APART}
   * @param tooManyScans scans of one code that raise {@code SCANNED_TOO_OFTEN}
   * @param queueCapacity scans waiting to be written; beyond it scans are counted as dropped
   */
  public record Scan(
      @DefaultValue("100") double farApartKm,
      @DefaultValue("6h") Duration farApartWithin,
      @DefaultValue("50") int tooManyScans,
      @DefaultValue("100000") int queueCapacity) {}
}
