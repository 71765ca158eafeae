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
 * eth_call} and its {@code Anchored} logs, and signs transactions locally: EIP-1559 (type 2) where
 * the chain has a base fee (London and later; ganache 7 does), legacy otherwise ({@link FeeMode}).
 *
 * <p>Fees: type 2 pays {@code maxPriorityFeePerGas} = the node's {@code eth_maxPriorityFeePerGas}
 * (1 gwei if the node does not answer it) and {@code maxFeePerGas} = 2 × the latest base fee + that
 * tip; legacy pays {@code eth_gasPrice}. Either grows 25 % per attempt.
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

  /** Which transaction type to send. */
  public enum FeeMode {
    /** EIP-1559 (type 2) when the latest block has a base fee, else legacy. */
    AUTO,
    /** Always legacy (type 0, {@code gasPrice}). */
    LEGACY,
    /** Always EIP-1559; a chain without a base fee is an error. */
    EIP1559
  }

  /** The tip when the node does not answer {@code eth_maxPriorityFeePerGas}: 1 gwei. */
  static final BigInteger DEFAULT_TIP = BigInteger.valueOf(1_000_000_000L);

  private final Web3j web3j;
  private final String contract;
  private final Credentials credentials;
  private final long chainId;
  private final FeeMode feeMode;

  private Web3jAnchorChain(
      Web3j web3j, String contract, Credentials credentials, long chainId, FeeMode feeMode) {
    this.web3j = web3j;
    this.contract = contract;
    this.credentials = credentials;
    this.chainId = chainId;
    this.feeMode = feeMode;
  }

  /** A chain that reads and anchors as {@code credentials} (which the contract must authorise). */
  public static Web3jAnchorChain connect(Web3j web3j, String contract, Credentials credentials) {
    return connect(web3j, contract, credentials, FeeMode.AUTO);
  }

  /** As {@link #connect(Web3j, String, Credentials)}, sending transactions of {@code feeMode}. */
  public static Web3jAnchorChain connect(
      Web3j web3j, String contract, Credentials credentials, FeeMode feeMode) {
    return new Web3jAnchorChain(web3j, contract, credentials, readChainId(web3j), feeMode);
  }

  /** A chain that only reads (for verifiers). */
  public static Web3jAnchorChain readOnly(Web3j web3j, String contract) {
    return new Web3jAnchorChain(web3j, contract, null, readChainId(web3j), FeeMode.AUTO);
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
    BigInteger nonce = confirmedNonce(web3j, credentials.getAddress());
    String data = AnchorContract.encode(AnchorContract.anchor(root, fromBlock, toBlock));
    Optional<BigInteger> baseFee = feeMode == FeeMode.LEGACY ? Optional.empty() : baseFee(web3j);
    if (feeMode == FeeMode.EIP1559 && baseFee.isEmpty()) {
      throw new AnchorException(
          Code.SEND_REJECTED, "the chain has no base fee: EIP-1559 transactions are not supported");
    }
    RawTransaction tx =
        baseFee.isPresent()
            ? eip1559(nonce, data, baseFee.get(), attempt)
            : RawTransaction.createTransaction(
                nonce, gasPrice(web3j, attempt), ANCHOR_GAS_LIMIT, contract, data);
    return sendSigned(web3j, tx, chainId, credentials);
  }

  private RawTransaction eip1559(BigInteger nonce, String data, BigInteger baseFee, int attempt) {
    BigInteger tip = bump(maxPriorityFee(web3j), attempt);
    BigInteger maxFee = bump(baseFee.shiftLeft(1), attempt).add(tip);
    return RawTransaction.createTransaction(
        chainId, nonce, ANCHOR_GAS_LIMIT, contract, BigInteger.ZERO, data, tip, maxFee);
  }

  /** The latest block's base fee, empty before London (or on chains without one). */
  static Optional<BigInteger> baseFee(Web3j web3j) {
    var block =
        rpc(
                () -> web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send(),
                "eth_getBlockByNumber")
            .getBlock();
    if (block == null || block.getBaseFeePerGasRaw() == null) {
      return Optional.empty();
    }
    return Optional.of(block.getBaseFeePerGas());
  }

  private static BigInteger maxPriorityFee(Web3j web3j) {
    try {
      var response = web3j.ethMaxPriorityFeePerGas().send();
      if (!response.hasError() && response.getResult() != null) {
        return response.getMaxPriorityFeePerGas();
      }
    } catch (IOException | RuntimeException e) {
      // fall through: not every node answers it
    }
    return DEFAULT_TIP;
  }

  private static BigInteger bump(BigInteger value, int attempt) {
    return value.multiply(BigInteger.valueOf(4L + attempt)).divide(BigInteger.valueOf(4));
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
    byte[] bytes =
        tx.getType().isLegacy()
            ? TransactionEncoder.signMessage(tx, chainId, from)
            : TransactionEncoder.signMessage(tx, from);
    String signed = Numeric.toHexString(bytes);
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
    return bump(rpc(() -> web3j.ethGasPrice().send(), "eth_gasPrice").getGasPrice(), attempt);
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
