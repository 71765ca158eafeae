package cn.xianglian.ledger.fabric;

import cn.xianglian.ledger.BlockEvent;
import cn.xianglian.ledger.ChaincodeEvent;
import cn.xianglian.ledger.Identity;
import cn.xianglian.ledger.LedgerClient;
import cn.xianglian.ledger.LedgerException;
import cn.xianglian.ledger.LedgerException.Stage;
import cn.xianglian.ledger.Proposal;
import cn.xianglian.ledger.Submitted;
import cn.xianglian.ledger.Subscription;
import cn.xianglian.ledger.TransactionInfo;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.CallOptions;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Status.Code;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.FileCheckpointer;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockchainInfo;
import org.hyperledger.fabric.protos.peer.ProcessedTransaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * {@link LedgerClient} on fabric-gateway. One gRPC connection to the gateway peer is shared by one
 * {@link Gateway} per identity (a gateway signs as exactly one identity).
 *
 * <pre>{@code
 * try (var ledger = FabricLedger.connect(FabricLedgerConfig.defaults("127.0.0.1:7051", tlsCa, "peer0.county"),
 *     readerIdentity)) {
 *   Submitted done = ledger.submit(producer, Proposal.of("trace", "createBatch", json));
 * }
 * }</pre>
 */
public final class FabricLedger implements LedgerClient {

  private static final Logger LOG = Logger.getLogger(FabricLedger.class.getName());
  private static final String QSCC = "qscc";

  private final FabricLedgerConfig config;
  private final ManagedChannel channel;
  private final Identity reader;
  private final Map<String, Gateway> gateways = new ConcurrentHashMap<>();

  private FabricLedger(FabricLedgerConfig config, ManagedChannel channel, Identity reader) {
    this.config = config;
    this.channel = channel;
    this.reader = reader;
  }

  /**
   * Opens the connection to the gateway peer. {@code reader} is the identity used for ledger
   * metadata queries ({@link #transaction}, {@link #height}) and event delivery.
   */
  public static FabricLedger connect(FabricLedgerConfig config, Identity reader) {
    try {
      var credentials =
          TlsChannelCredentials.newBuilder()
              .trustManager(config.tlsCaCertificate().toFile())
              .build();
      var builder = Grpc.newChannelBuilder(config.peerEndpoint(), credentials);
      if (config.serverNameOverride() != null && !config.serverNameOverride().isBlank()) {
        builder.overrideAuthority(config.serverNameOverride());
      }
      return new FabricLedger(config, builder.build(), reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read TLS CA " + config.tlsCaCertificate(), e);
    }
  }

  @Override
  public Submitted submit(Identity caller, Proposal proposal) {
    Transaction transaction = endorse(caller, proposal);
    String txId = transaction.getTransactionId();
    Status status = commitStatusOf(submitWithRetry(transaction), txId);
    if (status.isSuccessful()) {
      return new Submitted(txId, status.getBlockNumber(), transaction.getResult());
    }
    if (status.getCode() == TxValidationCode.DUPLICATE_TXID) {
      // Our own retry reached the orderer twice: the first copy's outcome is the one that counts.
      Optional<TransactionInfo> first = transaction(txId);
      if (first.isPresent() && first.get().valid()) {
        return new Submitted(txId, first.get().blockNumber(), transaction.getResult());
      }
    }
    throw new LedgerException(
        Stage.COMMIT,
        status.getCode().name(),
        "transaction " + txId + " was committed as invalid: " + status.getCode(),
        txId,
        null);
  }

  private Transaction endorse(Identity caller, Proposal proposal) {
    var request =
        contract(caller)
            .newProposal(proposal.function())
            .addArguments(proposal.arguments().toArray(String[]::new))
            .putAllTransient(proposal.transientData())
            .build();
    try {
      return request.endorse(deadline(config.endorseTimeout().toMillis()));
    } catch (EndorseException e) {
      String message = detailMessage(e);
      throw new LedgerException(
          Stage.ENDORSE, codeOf(e, message), message, e.getTransactionId(), e);
    }
  }

  private SubmittedTransaction submitWithRetry(Transaction transaction) {
    SubmitException last = null;
    for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
      try {
        return transaction.submitAsync(deadline(config.submitTimeout().toMillis()));
      } catch (SubmitException e) {
        last = e;
        if (!retryable(e.getStatus().getCode())) {
          break;
        }
        LOG.log(
            Level.WARNING,
            "submit of {0} failed (attempt {1}): {2}; retrying the same transaction",
            new Object[] {transaction.getTransactionId(), attempt, e.getStatus()});
        pause(attempt);
      }
    }
    throw new LedgerException(
        Stage.SUBMIT,
        null,
        "could not hand transaction " + transaction.getTransactionId() + " to ordering: " + last,
        transaction.getTransactionId(),
        last);
  }

  private Status commitStatusOf(SubmittedTransaction submitted, String txId) {
    CommitStatusException last = null;
    for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
      try {
        return submitted.getStatus(deadline(config.commitStatusTimeout().toMillis()));
      } catch (CommitStatusException e) {
        last = e;
        if (!retryable(e.getStatus().getCode())) {
          break;
        }
        pause(attempt);
      }
    }
    throw new LedgerException(
        Stage.COMMIT_STATUS,
        null,
        "commit status of " + txId + " unknown (check transaction(" + txId + ") before retrying)",
        txId,
        last);
  }

  @Override
  public byte[] evaluate(Identity caller, Proposal proposal) {
    try {
      return contract(caller)
          .newProposal(proposal.function())
          .addArguments(proposal.arguments().toArray(String[]::new))
          .putAllTransient(proposal.transientData())
          .build()
          .evaluate(deadline(config.evaluateTimeout().toMillis()));
    } catch (GatewayException e) {
      String message = detailMessage(e);
      throw new LedgerException(Stage.EVALUATE, codeOf(e, message), message, null, e);
    }
  }

  @Override
  public Optional<TransactionInfo> transaction(String txId) {
    byte[] processed;
    byte[] block;
    try {
      processed = query("GetTransactionByID", txId);
      block = query("GetBlockByTxID", txId);
    } catch (GatewayException e) {
      if (detailMessage(e).contains("not found") || e.getStatus().getCode() == Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw new LedgerException(Stage.EVALUATE, null, detailMessage(e), txId, e);
    }
    try {
      var transaction = ProcessedTransaction.parseFrom(processed);
      var parsedBlock = Block.parseFrom(block);
      return Optional.of(FabricBlocks.transactionInfo(parsedBlock, txId, transaction));
    } catch (InvalidProtocolBufferException e) {
      throw new LedgerException(Stage.EVALUATE, null, "unreadable qscc answer", txId, e);
    }
  }

  @Override
  public long height() {
    try {
      return BlockchainInfo.parseFrom(query("GetChainInfo")).getHeight();
    } catch (GatewayException e) {
      throw new LedgerException(Stage.EVALUATE, null, detailMessage(e), null, e);
    } catch (InvalidProtocolBufferException e) {
      throw new LedgerException(Stage.EVALUATE, null, "unreadable chain info", null, e);
    }
  }

  @Override
  public Subscription onBlocks(long fromBlock, Consumer<BlockEvent> listener) {
    CloseableIterator<Block> blocks =
        network(reader).newBlockEventsRequest().startBlock(fromBlock).build().getEvents();
    return EventPump.start(
        "xl-fabric-blocks", blocks, block -> listener.accept(FabricBlocks.toBlockEvent(block)));
  }

  @Override
  public Subscription onChaincodeEvents(long fromBlock, Consumer<ChaincodeEvent> listener) {
    var events =
        network(reader)
            .newChaincodeEventsRequest(config.chaincodeName())
            .startBlock(fromBlock)
            .build()
            .getEvents();
    return EventPump.start("xl-fabric-cc-events", events, event -> listener.accept(toEvent(event)));
  }

  /**
   * Follows chaincode events from a checkpoint file, so that after a restart delivery resumes just
   * after the last event the listener finished (at least once: an event whose listener did not
   * return before a crash is delivered again). A missing file starts at {@code fromBlock}.
   */
  public Subscription followChaincodeEvents(
      Path checkpointFile, long fromBlock, Consumer<ChaincodeEvent> listener) {
    FileCheckpointer checkpointer;
    try {
      checkpointer = new FileCheckpointer(checkpointFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open checkpoint " + checkpointFile, e);
    }
    var events =
        network(reader)
            .newChaincodeEventsRequest(config.chaincodeName())
            .startBlock(fromBlock)
            .checkpoint(checkpointer)
            .build()
            .getEvents();
    Subscription pump =
        EventPump.start(
            "xl-fabric-cc-follow",
            events,
            event -> {
              listener.accept(toEvent(event));
              try {
                checkpointer.checkpointChaincodeEvent(event);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    return () -> {
      pump.close();
      try {
        checkpointer.close();
      } catch (IOException e) {
        LOG.log(Level.WARNING, "closing checkpoint " + checkpointFile, e);
      }
    };
  }

  @Override
  public void close() {
    gateways.values().forEach(Gateway::close);
    gateways.clear();
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private byte[] query(String function, String... args) throws GatewayException {
    String[] all = new String[args.length + 1];
    all[0] = config.channel();
    System.arraycopy(args, 0, all, 1, args.length);
    return network(reader)
        .getContract(QSCC)
        .newProposal(function)
        .addArguments(all)
        .build()
        .evaluate(deadline(config.evaluateTimeout().toMillis()));
  }

  private Contract contract(Identity caller) {
    return network(caller).getContract(config.chaincodeName());
  }

  private Network network(Identity caller) {
    return gateway(caller).getNetwork(config.channel());
  }

  private Gateway gateway(Identity caller) {
    return gateways.computeIfAbsent(caller.label() + "@" + caller.mspId(), k -> newGateway(caller));
  }

  private Gateway newGateway(Identity caller) {
    try {
      var certificate = Identities.readX509Certificate(caller.certificatePem());
      return Gateway.newInstance()
          .identity(new X509Identity(caller.mspId(), certificate))
          .signer(Signers.newPrivateKeySigner(caller.privateKey()))
          .connection(channel)
          .evaluateOptions(deadline(config.evaluateTimeout().toMillis()))
          .endorseOptions(deadline(config.endorseTimeout().toMillis()))
          .submitOptions(deadline(config.submitTimeout().toMillis()))
          .commitStatusOptions(deadline(config.commitStatusTimeout().toMillis()))
          .connect();
    } catch (CertificateException e) {
      throw new IllegalArgumentException(
          "identity " + caller + " has an unreadable certificate", e);
    }
  }

  private static ChaincodeEvent toEvent(org.hyperledger.fabric.client.ChaincodeEvent event) {
    return new ChaincodeEvent(
        event.getBlockNumber(),
        event.getTransactionId(),
        event.getChaincodeName(),
        event.getEventName(),
        event.getPayload());
  }

  private static UnaryOperator<CallOptions> deadline(long millis) {
    return options -> options.withDeadlineAfter(millis, TimeUnit.MILLISECONDS);
  }

  /** The first endorsing peer's message carries the chaincode's {@code CODE: text}. */
  private static String detailMessage(GatewayException e) {
    var text = new StringBuilder(String.valueOf(e.getMessage()));
    e.getDetails()
        .forEach(d -> text.append("; ").append(d.getMspId()).append(": ").append(d.getMessage()));
    return text.toString();
  }

  /**
   * The chaincode's code when the chaincode answered; {@code LEDGER_UNAVAILABLE} when the peer
   * could not be reached or did not answer in time (nothing was endorsed, a retry is safe).
   */
  static String codeOf(GatewayException e, String message) {
    String code = LedgerException.codeOf(message);
    if (code == null
        && retryable(e.getStatus().getCode())
        && e.getStatus().getCode() != Code.ABORTED) {
      return UNAVAILABLE;
    }
    return code;
  }

  /** The code of a failure to reach the peer at all. */
  public static final String UNAVAILABLE = "LEDGER_UNAVAILABLE";

  private static boolean retryable(Code code) {
    return code == Code.UNAVAILABLE || code == Code.DEADLINE_EXCEEDED || code == Code.ABORTED;
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(200L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
