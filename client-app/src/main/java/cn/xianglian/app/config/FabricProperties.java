package cn.xianglian.app.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the Fabric gateway peer is, for {@code xl.ledger=fabric} (see docs/operations.md).
 *
 * @param peerEndpoint {@code host:port} of a peer with the gateway service
 * @param tlsCaCertificate PEM of the CA that issued the peer's TLS certificate
 * @param serverNameOverride the TLS host name the peer's certificate carries, if not the endpoint's
 * @param channel the channel
 * @param chaincode the chaincode name
 * @param evaluateTimeout deadline of a query
 * @param endorseTimeout deadline of endorsement
 * @param submitTimeout deadline of handing a transaction to ordering
 * @param commitStatusTimeout deadline of waiting for the commit
 * @param maxAttempts attempts of the submit and commit-status stages
 */
@ConfigurationProperties("xl.fabric")
public record FabricProperties(
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
