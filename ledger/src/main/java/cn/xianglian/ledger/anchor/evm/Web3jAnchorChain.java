package cn.xianglian.ledger.anchor.evm;

import cn.xianglian.ledger.anchor.AnchorChain;
import cn.xianglian.ledger.anchor.AnchorException;
import cn.xianglian.ledger.anchor.AnchorException.Code;
import cn.xianglian.ledger.anchor.OnChainAnchor;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * The {@link AnchorChain} on an EVM node through Web3j: reads the anchoring contract with {@code
 * eth_call} and its {@code Anchored} logs, and signs legacy transactions locally.
 *
 * <p>Nonces: one anchoring account sends one transaction at a time (checkpoints are anchored in
 * order), so every attempt takes the account's <em>confirmed</em> nonce ({@code
 * eth_getTransactionCount(…, "latest")}). A retry after a timeout therefore reuses the nonce of the
 * stuck or dropped attempt and pays {@code 25 %} more gas price per attempt, so it replaces that
 * attempt instead of queueing behind it; if the earlier attempt was mined meanwhile, the node
 * answers "nonce too low" and the service finds the anchor on its next read. Signing is done here
 * (not by {@code RawTransactionManager}, which fetches the pending nonce itself) to keep that rule.
 */
@SuppressWarnings("rawtypes") // Web3j's FunctionReturnDecoder speaks raw List<Type>
public final class Web3jAnchorChain implements AnchorChain {

  /**
   * Gas for {@code anchor(...)}: measured 138,673 for the first anchor, 104,497 after (ganache).
   */
  static final BigInteger ANCHOR_GAS_LIMIT = BigInteger.valueOf(200_000);

  static final BigInteger DEPLOY_GAS_LIMIT = BigInteger.valueOf(2_000_000);

  private final Web3j web3j;
  private final String contract;
  private final Credentials credentials;
  private final long chainId;

  private Web3jAnchorChain(Web3j web3j, String contract, Credentials credentials, long chainId) {
    this.web3j = web3j;
    this.contract = contract;
    this.credentials = credentials;
    this.chainId = chainId;
  }

  /** A chain that reads and anchors as {@code credentials} (which the contract must authorise). */
  public static Web3jAnchorChain connect(Web3j web3j, String contract, Credentials credentials) {
    return new Web3jAnchorChain(web3j, contract, credentials, readChainId(web3j));
  }

  /** A chain that only reads (for verifiers). */
  public static Web3jAnchorChain readOnly(Web3j web3j, String contract) {
    return new Web3jAnchorChain(web3j, contract, null, readChainId(web3j));
  }

  /**
   * Deploys the anchoring contract with {@code owner} as its owner and {@code firstBlock} as the
   * first Fabric block to anchor; waits for the receipt and returns the contract address.
   */
  public static String deploy(Web3j web3j, Credentials owner, long firstBlock, Duration timeout) {
    long chainId = readChainId(web3j);
    RawTransaction tx =
        RawTransaction.createContractTransaction(
            confirmedNonce(web3j, owner.getAddress()),
            gasPrice(web3j, 0),
            DEPLOY_GAS_LIMIT,
            BigInteger.ZERO,
            AnchorContract.deployData(firstBlock));
    TransactionReceipt receipt = awaitMined(web3j, sendSigned(web3j, tx, chainId, owner), timeout);
    if (!receipt.isStatusOK() || receipt.getContractAddress() == null) {
      throw new AnchorException(Code.SEND_REJECTED, "contract deployment failed: " + receipt);
    }
    return receipt.getContractAddress();
  }

  /** Lets (or stops) {@code account} anchor; only the owner may. Waits for the receipt. */
  public static void setAnchorer(
      Web3j web3j,
      String contract,
      Credentials owner,
      String account,
      boolean allowed,
      Duration timeout) {
    long chainId = readChainId(web3j);
    RawTransaction tx =
        RawTransaction.createTransaction(
            confirmedNonce(web3j, owner.getAddress()),
            gasPrice(web3j, 0),
            ANCHOR_GAS_LIMIT,
            contract,
            AnchorContract.encode(AnchorContract.setAnchorer(account, allowed)));
    TransactionReceipt receipt = awaitMined(web3j, sendSigned(web3j, tx, chainId, owner), timeout);
    if (!receipt.isStatusOK()) {
      throw new AnchorException(Code.NOT_AUTHORISED, "setAnchorer reverted: " + receipt);
    }
  }

  @Override
  public String chainId() {
    return Long.toString(chainId);
  }

  @Override
  public String contractAddress() {
    return contract;
  }

  @Override
  public long nextBlock() {
    return ((Uint64) call(AnchorContract.nextBlock()).get(0)).getValue().longValueExact();
  }

  /** Number of anchors the contract holds. */
  public long anchorCount() {
    return ((Uint256) call(AnchorContract.anchorCount()).get(0)).getValue().longValueExact();
  }

  /** Whether the contract lets {@code account} anchor. */
  public boolean isAnchorer(String account) {
    return ((Bool) call(AnchorContract.isAnchorer(account)).get(0)).getValue();
  }

  @Override
  public Optional<OnChainAnchor> anchorHolding(long blockNumber) {
    if (anchorCount() == 0 || blockNumber >= nextBlock()) {
      return Optional.empty();
    }
    Optional<List<Type>> index = tryCall(AnchorContract.anchorIndexOf(blockNumber));
    if (index.isEmpty()) {
      return Optional.empty(); // below the first anchored block
    }
    return Optional.of(anchorAt(((Uint256) index.get().get(0)).getValue().longValueExact()));
  }

  /** Anchor {@code index} with the transaction that wrote it (from the contract's logs). */
  public OnChainAnchor anchorAt(long index) {
    List<Type> values = call(AnchorContract.anchorAt(index));
    byte[] root = ((Bytes32) values.get(0)).getValue();
    long from = ((Uint64) values.get(1)).getValue().longValueExact();
    long to = ((Uint64) values.get(2)).getValue().longValueExact();
    String emitter = ((Address) values.get(3)).getValue();
    long time = ((Uint64) values.get(4)).getValue().longValueExact();
    Log log = anchoredLog(index);
    return new OnChainAnchor(
        index,
        root,
        from,
        to,
        emitter,
        Instant.ofEpochSecond(time),
        log == null ? null : log.getTransactionHash(),
        log == null ? -1 : log.getBlockNumber().longValueExact());
  }

  private Log anchoredLog(long index) {
    EthFilter filter =
        new EthFilter(
                DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, contract)
            .addSingleTopic(AnchorContract.ANCHORED_TOPIC)
            .addSingleTopic(Numeric.toHexStringWithPrefixZeroPadded(BigInteger.valueOf(index), 64));
    EthLog logs = rpc(() -> web3j.ethGetLogs(filter).send(), "eth_getLogs");
    for (EthLog.LogResult<?> result : logs.getLogs()) {
      if (result.get() instanceof Log log && !log.isRemoved()) {
        return log;
      }
    }
    return null;
  }

  @Override
  public String send(byte[] root, long fromBlock, long toBlock, int attempt) {
    if (credentials == null) {
      throw new IllegalStateException("a read-only chain cannot send");
    }
    if (!isAnchorer(credentials.getAddress())) {
      throw new AnchorException(
          Code.NOT_AUTHORISED,
          credentials.getAddress() + " may not anchor in contract " + contract);
    }
    RawTransaction tx =
        RawTransaction.createTransaction(
            confirmedNonce(web3j, credentials.getAddress()),
            gasPrice(web3j, attempt),
            ANCHOR_GAS_LIMIT,
            contract,
            AnchorContract.encode(AnchorContract.anchor(root, fromBlock, toBlock)));
    return sendSigned(web3j, tx, chainId, credentials);
  }

  @Override
  public Optional<AnchorReceipt> receipt(String txHash, int confirmations) {
    Optional<TransactionReceipt> receipt =
        rpc(() -> web3j.ethGetTransactionReceipt(txHash).send(), "eth_getTransactionReceipt")
            .getTransactionReceipt();
    if (receipt.isEmpty() || receipt.get().getBlockNumber() == null) {
      return Optional.empty();
    }
    long block = receipt.get().getBlockNumber().longValueExact();
    long head =
        rpc(() -> web3j.ethBlockNumber().send(), "eth_blockNumber")
            .getBlockNumber()
            .longValueExact();
    if (head - block + 1 < confirmations) {
      return Optional.empty();
    }
    return Optional.of(new AnchorReceipt(txHash, receipt.get().isStatusOK(), block));
  }

  private List<Type> call(Function function) {
    return tryCall(function)
        .orElseThrow(
            () ->
                new AnchorException(
                    Code.CHAIN_UNAVAILABLE,
                    function.getName()
                        + " reverted on contract "
                        + contract
                        + " (is it deployed?)"));
  }

  @SuppressWarnings("unchecked")
  private Optional<List<Type>> tryCall(Function function) {
    EthCall result =
        rpc(
            () ->
                web3j
                    .ethCall(
                        Transaction.createEthCallTransaction(
                            null, contract, AnchorContract.encode(function)),
                        DefaultBlockParameterName.LATEST)
                    .send(),
            "eth_call " + function.getName());
    if (result.hasError() || result.isReverted() || result.getValue() == null) {
      return Optional.empty();
    }
    List decoded = FunctionReturnDecoder.decode(result.getValue(), function.getOutputParameters());
    if (decoded.isEmpty()) {
      return Optional.empty(); // no code at that address
    }
    return Optional.of((List<Type>) decoded);
  }

  private static String sendSigned(Web3j web3j, RawTransaction tx, long chainId, Credentials from) {
    String signed = Numeric.toHexString(TransactionEncoder.signMessage(tx, chainId, from));
    String hash = Hash.sha3(signed);
    EthSendTransaction response;
    try {
      response = web3j.ethSendRawTransaction(signed).send();
    } catch (IOException | RuntimeException e) {
      throw new AnchorException(
          Code.SEND_FAILED, "eth_sendRawTransaction " + hash + " outcome unknown: " + e, e);
    }
    if (response.hasError()) {
      String message = response.getError().getMessage();
      String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
      if (lower.contains("already known")
          || lower.contains("already imported")
          || lower.contains("known transaction")) {
        return hash; // the node has this very transaction
      }
      throw new AnchorException(Code.SEND_REJECTED, "the node refused " + hash + ": " + message);
    }
    return hash;
  }

  private static TransactionReceipt awaitMined(Web3j web3j, String txHash, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<TransactionReceipt> receipt =
          rpc(() -> web3j.ethGetTransactionReceipt(txHash).send(), "eth_getTransactionReceipt")
              .getTransactionReceipt();
      if (receipt.isPresent()) {
        return receipt.get();
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AnchorException(Code.CHAIN_UNAVAILABLE, "interrupted", e);
      }
    }
    throw new AnchorException(
        Code.CHAIN_UNAVAILABLE, "no receipt for " + txHash + " in " + timeout);
  }

  private static BigInteger confirmedNonce(Web3j web3j, String address) {
    return rpc(
            () -> web3j.ethGetTransactionCount(address, DefaultBlockParameterName.LATEST).send(),
            "eth_getTransactionCount")
        .getTransactionCount();
  }

  /** The node's gas price, 25 % more for each retry so a resend replaces a stuck attempt. */
  static BigInteger gasPrice(Web3j web3j, int attempt) {
    BigInteger base = rpc(() -> web3j.ethGasPrice().send(), "eth_gasPrice").getGasPrice();
    return base.multiply(BigInteger.valueOf(4L + attempt)).divide(BigInteger.valueOf(4));
  }

  private static long readChainId(Web3j web3j) {
    return rpc(() -> web3j.ethChainId().send(), "eth_chainId").getChainId().longValueExact();
  }

  private interface Rpc<T> {
    T call() throws IOException;
  }

  private static <T extends org.web3j.protocol.core.Response<?>> T rpc(Rpc<T> rpc, String what) {
    T response;
    try {
      response = rpc.call();
    } catch (IOException | RuntimeException e) {
      throw new AnchorException(Code.CHAIN_UNAVAILABLE, what + " failed: " + e, e);
    }
    if (response.hasError() && !what.startsWith("eth_call")) {
      throw new AnchorException(
          Code.CHAIN_UNAVAILABLE, what + " failed: " + response.getError().getMessage());
    }
    return response;
  }
}
