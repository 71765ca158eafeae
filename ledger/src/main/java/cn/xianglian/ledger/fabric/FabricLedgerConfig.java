package cn.xianglian.ledger.fabric;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the gateway peer is and how long each stage may take.
 *
 * @param peerEndpoint {@code host:port} of a peer with the gateway service enabled
 * @param tlsCaCertificate PEM file of the CA that issued the peer's TLS certificate
 * @param serverNameOverride the TLS host name to verify (the peer's certificate names it), or null
 * @param channel the channel, {@code xifeng}
 * @param chaincodeName the chaincode, {@code xianglian}
 * @param evaluateTimeout deadline of an evaluation
 * @param endorseTimeout deadline of endorsement
 * @param submitTimeout deadline of handing the endorsed transaction to ordering
 * @param commitStatusTimeout deadline of waiting for the commit status
 * @param maxAttempts attempts of the submit and commit-status stages (at least 1)
 */
public record FabricLedgerConfig(
    String peerEndpoint,
    Path tlsCaCertificate,
    String serverNameOverride,
    String channel,
    String chaincodeName,
    Duration evaluateTimeout,
    Duration endorseTimeout,
    Duration submitTimeout,
    Duration commitStatusTimeout,
    int maxAttempts) {

  public FabricLedgerConfig {
    Objects.requireNonNull(peerEndpoint, "peerEndpoint");
    Objects.requireNonNull(tlsCaCertificate, "tlsCaCertificate");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(chaincodeName, "chaincodeName");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  /** The XiangLian defaults: channel {@code xifeng}, chaincode {@code xianglian}, 3 attempts. */
  public static FabricLedgerConfig defaults(
      String peerEndpoint, Path tlsCaCertificate, String serverNameOverride) {
    return new FabricLedgerConfig(
        peerEndpoint,
        tlsCaCertificate,
        serverNameOverride,
        "xifeng",
        "xianglian",
        Duration.ofSeconds(5),
        Duration.ofSeconds(15),
        Duration.ofSeconds(5),
        Duration.ofMinutes(1),
        3);
  }
}
