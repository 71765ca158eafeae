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
 * @param ledger {@code embedded} (in-process peer under {@code <dataDir>/ledger}) or {@code fabric}
 *     (fabric-gateway, {@code xl.qr.fabric.*}); code runs are always recorded on it (the code
 *     contract)
 * @param walletDir wallet files ({@code <label>.id}) of the identities users act as; empty: {@code
 *     <dataDir>/wallet}. Users are in {@code <dataDir>/users.json}
 * @param readerLabel the wallet identity queries are evaluated as (on the embedded ledger enrolled
 *     at start as a county {@code auditor}; with Fabric it must be in the wallet)
 * @param fabric the gateway peer, for {@code ledger=fabric}
 * @param keyAlgorithm algorithm of the first issuer key and default for rotation
 * @param maxRequestBytes largest request body accepted
 * @param demo on the embedded ledger, write a demo producer and batches (one recalled) and issue
 *     their code runs at start-up; logs sample URIs
 */
@ConfigurationProperties("xl.qr")
public record QrProperties(
    @DefaultValue("http://127.0.0.1:8081") String resolverBase,
    @DefaultValue("./data-qr") Path dataDir,
    @DefaultValue("embedded") String ledger,
    @DefaultValue("") String walletDir,
    @DefaultValue("qr-reader") String readerLabel,
    @DefaultValue Fabric fabric,
    @DefaultValue("ECDSA_P256_SHA256") SignatureAlgorithm keyAlgorithm,
    @DefaultValue("65536") int maxRequestBytes,
    @DefaultValue("false") boolean demo,
    @DefaultValue Label label,
    @DefaultValue Cache cache,
    @DefaultValue Scan scan) {

  /** The wallet directory, {@code <dataDir>/wallet} unless set. */
  public Path wallet() {
    return walletDir.isBlank() ? dataDir.resolve("wallet") : Path.of(walletDir);
  }

  /**
   * Where the Fabric gateway peer is, for {@code xl.qr.ledger=fabric} (as the client-app's {@code
   * xl.fabric.*}; docs/operations.md).
   *
   * @param peerEndpoint {@code host:port} of a peer with the gateway service
   * @param tlsCaCertificate PEM of the CA that issued the peer's TLS certificate
   * @param serverNameOverride the TLS host name of the peer's certificate, if not the endpoint's
   * @param channel the channel
   * @param chaincode the chaincode name
   * @param evaluateTimeout deadline of a query
   * @param endorseTimeout deadline of endorsement
   * @param submitTimeout deadline of handing a transaction to ordering
   * @param commitStatusTimeout deadline of waiting for the commit
   * @param maxAttempts attempts of the submit and commit-status stages
   */
  public record Fabric(
      @DefaultValue("127.0.0.1:7051") String peerEndpoint,
      Path tlsCaCertificate,
      String serverNameOverride,
      @DefaultValue("xifeng") String channel,
      @DefaultValue("xianglian") String chaincode,
      @DefaultValue("5s") Duration evaluateTimeout,
      @DefaultValue("15s") Duration endorseTimeout,
      @DefaultValue("5s") Duration submitTimeout,
      @DefaultValue("60s") Duration commitStatusTimeout,
      @DefaultValue("3") int maxAttempts) {}

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
