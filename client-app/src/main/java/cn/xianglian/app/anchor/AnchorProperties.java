package cn.xianglian.app.anchor;

import cn.xianglian.ledger.anchor.evm.Web3jAnchorChain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The anchoring component's {@code xl.anchor.*} settings (client-app/README.md,
 * docs/operations.md).
 *
 * @param enabled whether the application anchors at all (off by default)
 * @param rpcUrl the EVM node's JSON-RPC URL
 * @param chainId the chain id the node must report (0: take the node's)
 * @param contract the address of the deployed {@code XiangLianAnchor} contract
 * @param keyFile the anchoring account's key: a Web3j/Ethereum JSON wallet file (with {@code
 *     keyPassword}) or a file holding the private key in hex
 * @param keyPassword the wallet file's password (prefer an environment variable)
 * @param blocksPerCheckpoint cut a checkpoint after this many blocks …
 * @param maxDelay … or once the oldest pending block has waited this long
 * @param confirmations EVM blocks on top of an anchor before it counts
 * @param receiptTimeout how long to wait for a receipt before re-reading and resending
 * @param maxAttempts sends per checkpoint before anchoring stops with GAVE_UP
 * @param feeMode AUTO (EIP-1559 where the chain has a base fee, else legacy), LEGACY or EIP1559
 * @param storeFile the local anchor store (records with their leaves, for proofs)
 * @param identity the wallet label that signs {@code anchor:recordAnchor} (a {@code county} of
 *     CountyOrgMSP; enrolled on first use when the ledger has a CA)
 * @param channel the channel name written into the ledger records
 * @param disclosureTypes composite-key object types whose writes are disclosure leaves
 */
@ConfigurationProperties("xl.anchor")
public record AnchorProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("http://127.0.0.1:8545") String rpcUrl,
    @DefaultValue("0") long chainId,
    String contract,
    Path keyFile,
    @DefaultValue("") String keyPassword,
    @DefaultValue("1000") int blocksPerCheckpoint,
    @DefaultValue("10m") Duration maxDelay,
    @DefaultValue("3") int confirmations,
    @DefaultValue("2m") Duration receiptTimeout,
    @DefaultValue("10") int maxAttempts,
    @DefaultValue("AUTO") Web3jAnchorChain.FeeMode feeMode,
    @DefaultValue("./data/anchor/anchors.dat") Path storeFile,
    @DefaultValue("anchor-service") String identity,
    @DefaultValue("xifeng") String channel,
    @DefaultValue("xl.fin.publication") List<String> disclosureTypes) {}
