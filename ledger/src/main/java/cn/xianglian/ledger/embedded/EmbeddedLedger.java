package cn.xianglian.ledger.embedded;

import cn.xianglian.ledger.BlockEvent;
import cn.xianglian.ledger.ChaincodeEvent;
import cn.xianglian.ledger.Identities;
import cn.xianglian.ledger.Identity;
import cn.xianglian.ledger.LedgerClient;
import cn.xianglian.ledger.LedgerException;
import cn.xianglian.ledger.Proposal;
import cn.xianglian.ledger.Submitted;
import cn.xianglian.ledger.Subscription;
import cn.xianglian.ledger.TransactionInfo;
import cn.xianglian.ledger.ValidationCode;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * An in-process peer and orderer: the {@link LedgerClient} that runs the contracts on the classpath
 * with Fabric's transaction flow.
 *
 * <ol>
 *   <li><b>Endorse</b>: the proposal is signed with the caller's key; the peer checks that the
 *       creator certificate chains to the {@link EmbeddedCa} root of its MSP, verifies the
 *       signature and the transaction id, rejects known ids, and simulates the transaction through
 *       the shim's {@code ContractRouter} against a {@link SimulationStub}. A chaincode error
 *       (status &ge; 400) fails here with the contract's error code; nothing is ordered.
 *   <li><b>Order</b>: one committer thread cuts blocks of up to {@code maxBlockTransactions}
 *       transactions or whatever arrived within {@code maxBlockWait}.
 *   <li><b>Validate</b>: in block order, a transaction whose reads changed since simulation is
 *       {@code MVCC_READ_CONFLICT}, one whose range reads would now return other keys is {@code
 *       PHANTOM_READ_CONFLICT}, a known id is {@code DUPLICATE_TXID}.
 *   <li><b>Commit</b>: the block is appended to the block file and forced to disk, then applied to
 *       the state store; only then are its transactions acknowledged.
 * </ol>
 *
 * <p>Blocks and chaincode events are delivered to subscribers on one thread per subscription,
 * replayed from the block file and then live. Block 0 is an empty genesis block, so a new ledger
 * has height 1, like a Fabric channel with its configuration block.
 */
public final class EmbeddedLedger implements LedgerClient {

  private static final Logger LOG = Logger.getLogger(EmbeddedLedger.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Not registered globally: used only for this ledger's signatures. */
  private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

  private static final String BLOCK_FILE = "blocks.dat";
  private static final String STATE_FILE = "state.mv.db";
  private static final int STATE_CACHE_MEGABYTES = 16;

  /** Strong references: java.util.logging forgets levels of loggers nobody holds. */
  private static final List<Logger> QUIETED = new ArrayList<>();

  private static volatile ContractRouter sharedRouter;

  private final EmbeddedLedgerConfig config;
  private final EmbeddedCa ca;
  private final BlockFile blocks;
  private final StateStore state;
  private final ContractRouter router;

  /** Creator certificates already checked, by MSP id and PEM, with their Bouncy Castle key. */
  private final Map<String, PublicKey> trustedCreators = new ConcurrentHashMap<>();

  /**
   * Callers' private keys converted to Bouncy Castle keys (whose ECDSA is several times faster).
   */
  private final Map<PrivateKey, PrivateKey> signingKeys = new ConcurrentHashMap<>();

  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Object heightSignal = new Object();

  /** Guards {@code closing} against enqueueing, so nothing is queued after the committer left. */
  private final Object admission = new Object();

  /**
   * Simulations hold the read lock while the chaincode runs; applying a block takes the write lock,
   * so a simulation never sees half a block (as a peer's state lock during commit).
   */
  private final ReentrantReadWriteLock stateLock = new ReentrantReadWriteLock();

  private final AtomicInteger subscriptionCount = new AtomicInteger();
  private final Set<BlockSubscription> subscriptions = ConcurrentHashMap.newKeySet();
  private final Thread committer;
  private volatile long committedHeight;
  private volatile boolean closing;
  private volatile Throwable failure;

  /** An endorsed transaction on its way through ordering and commit. */
  record Pending(
      TxRecord transaction, List<RwSet.PvtWrite> privateWrites, CompletableFuture<Outcome> done) {}

  record Outcome(long blockNumber, ValidationCode code) {}

  private EmbeddedLedger(
      EmbeddedLedgerConfig config,
      EmbeddedCa ca,
      BlockFile blocks,
      StateStore state,
      ContractRouter router) {
    this.config = config;
    this.ca = ca;
    this.blocks = blocks;
    this.state = state;
    this.router = router;
    this.committedHeight = blocks.height();
    this.committer =
        Thread.ofPlatform().name("xl-ledger-committer").daemon().unstarted(this::commitLoop);
  }

  /**
   * Opens the ledger in {@code config.dataDirectory()}, creating it if empty: verifies the block
   * file (cutting a torn last block), brings the state store up to date by replaying the blocks
   * after its savepoint, and starts the committer.
   *
   * @throws IllegalStateException if the block file is corrupt before its last block, or the state
   *     store is ahead of the block file
   */
  public static EmbeddedLedger open(EmbeddedLedgerConfig config, EmbeddedCa ca) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(ca, "ca");
    ContractRouter router = router();
    BlockFile blocks = null;
    StateStore state = null;
    try {
      Files.createDirectories(config.dataDirectory());
      blocks = BlockFile.open(config.dataDirectory().resolve(BLOCK_FILE), config.fsync());
      state = new StateStore(config.dataDirectory().resolve(STATE_FILE), STATE_CACHE_MEGABYTES);
      long savepoint = state.savepoint();
      if (savepoint >= blocks.height()) {
        // Only possible when blocks the state had applied were lost (fsync off, or the file was
        // cut by hand): the state cannot be rolled back, so it is rebuilt from the blocks left.
        long lost = savepoint;
        LOG.warning(
            () ->
                "the state store had applied block "
                    + lost
                    + " but the block file ends before it; rebuilding the state from the block file");
        state.close();
        state = null;
        Files.delete(config.dataDirectory().resolve(STATE_FILE));
        state = new StateStore(config.dataDirectory().resolve(STATE_FILE), STATE_CACHE_MEGABYTES);
        savepoint = state.savepoint();
      }
      for (long number = savepoint + 1; number < blocks.height(); number++) {
        state.apply(blocks.read(number));
      }
      if (savepoint + 1 < blocks.height()) {
        long replayed = blocks.height() - savepoint - 1;
        LOG.info(() -> "replayed " + replayed + " blocks into the state store");
        state.commit();
      }
      if (blocks.height() == 0) {
        var genesis = BlockCodec.seal(0, BlockCodec.GENESIS_PREVIOUS_HASH, List.of(), Map.of());
        blocks.append(genesis);
        state.apply(genesis.block());
        state.commit();
      }
    } catch (IOException e) {
      closeQuietly(blocks, state);
      throw new UncheckedIOException("cannot open the ledger in " + config.dataDirectory(), e);
    } catch (CorruptBlockException e) {
      closeQuietly(blocks, state);
      throw new IllegalStateException(
          "the block file in " + config.dataDirectory() + " is corrupt: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(blocks, state);
      throw e;
    }
    var ledger = new EmbeddedLedger(config, ca, blocks, state, router);
    ledger.committer.start();
    return ledger;
  }

  public EmbeddedLedgerConfig config() {
    return config;
  }

  @Override
  public Submitted submit(Identity caller, Proposal proposal) {
    return submit(sign(caller, proposal));
  }

  @Override
  public byte[] evaluate(Identity caller, Proposal proposal) {
    SignedTransaction signed = sign(caller, proposal);
    String mspId = authenticate(signed, LedgerException.Stage.EVALUATE);
    SimulationStub.Result result = simulate(signed, mspId, LedgerException.Stage.EVALUATE);
    return result.transaction().payload();
  }

  @Override
  public Optional<TransactionInfo> transaction(String txId) {
    return state.transaction(txId);
  }

  @Override
  public long height() {
    return committedHeight;
  }

  @Override
  public Subscription onBlocks(long fromBlock, Consumer<BlockEvent> listener) {
    Objects.requireNonNull(listener, "listener");
    if (fromBlock < 0) {
      throw new IllegalArgumentException("fromBlock must not be negative");
    }
    var subscription = new BlockSubscription(fromBlock, listener);
    subscriptions.add(subscription);
    subscription.thread.start();
    return subscription;
  }

  @Override
  public Subscription onChaincodeEvents(long fromBlock, Consumer<ChaincodeEvent> listener) {
    Objects.requireNonNull(listener, "listener");
    return onBlocks(
        fromBlock,
        block -> {
          for (BlockEvent.BlockTransaction tx : block.transactions()) {
            if (tx.info().valid() && tx.event() != null) {
              listener.accept(tx.event());
            }
          }
        });
  }

  /**
   * Re-reads the whole block file and checks every checksum, data hash, block number and the hash
   * chain; returns the number of blocks verified.
   *
   * @throws IllegalStateException naming the first damaged block
   */
  public long verifyChain() {
    try {
      return blocks.verifyChain();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (CorruptBlockException e) {
      throw new IllegalStateException("block chain verification failed: " + e.getMessage(), e);
    }
  }

  /** Stops accepting transactions, commits those already ordered, and closes the files. */
  @Override
  public void close() {
    synchronized (admission) {
      if (closing) {
        return;
      }
      closing = true;
    }
    try {
      committer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    failAll(
        new LedgerException(
            LedgerException.Stage.SUBMIT,
            "LEDGER_CLOSED",
            "the ledger was closed before the transaction was ordered",
            null,
            null));
    for (BlockSubscription subscription : List.copyOf(subscriptions)) {
      subscription.close();
    }
    synchronized (heightSignal) {
      heightSignal.notifyAll();
    }
    state.close();
    try {
      blocks.close();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "closing the block file", e);
    }
  }

  // --- endorsement ----------------------------------------------------------------------------

  /** Signs a proposal as {@code caller} would (package-private so tests can tamper with it). */
  SignedTransaction sign(Identity caller, Proposal proposal) {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(proposal, "proposal");
    if (caller.privateKey() == null) {
      throw new IllegalArgumentException(caller + " has no private key and cannot sign");
    }
    byte[] creator =
        SerializedIdentity.newBuilder()
            .setMspid(caller.mspId())
            .setIdBytes(ByteString.copyFromUtf8(caller.certificatePem()))
            .build()
            .toByteArray();
    byte[] nonce = new byte[24];
    RANDOM.nextBytes(nonce);
    var unsigned =
        new SignedTransaction(
            config.channel(),
            config.chaincodeName(),
            SignedTransaction.txId(nonce, creator),
            nonce,
            creator,
            Instant.now(),
            proposal,
            new byte[0]);
    try {
      Signature signer = Signature.getInstance("SHA256withECDSA", BOUNCY_CASTLE);
      signer.initSign(signingKey(caller.privateKey()));
      signer.update(unsigned.signedBytes());
      return unsigned.withSignature(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot sign as " + caller + ": " + e.getMessage(), e);
    }
  }

  private PrivateKey signingKey(PrivateKey key) throws GeneralSecurityException {
    if (key.getClass().getName().startsWith("org.bouncycastle.")) {
      return key;
    }
    PrivateKey converted = signingKeys.get(key);
    if (converted == null) {
      converted =
          KeyFactory.getInstance("EC", BOUNCY_CASTLE)
              .generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
      if (signingKeys.size() > 10_000) {
        signingKeys.clear();
      }
      signingKeys.put(key, converted);
    }
    return converted;
  }

  /** Endorses, orders and waits for the commit of a signed transaction. */
  Submitted submit(SignedTransaction signed) {
    CompletableFuture<Submitted> committed = submitAsync(signed);
    try {
      return committed.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LedgerException(
          LedgerException.Stage.COMMIT_STATUS,
          null,
          "interrupted while waiting for the commit of " + signed.txId(),
          signed.txId(),
          e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof LedgerException ledgerException) {
        throw ledgerException;
      }
      throw new LedgerException(
          LedgerException.Stage.COMMIT_STATUS,
          null,
          "the commit status of " + signed.txId() + " is unknown: " + e.getCause(),
          signed.txId(),
          e.getCause());
    }
  }

  /**
   * Endorses in the calling thread (failures are thrown at once) and hands the transaction to the
   * committer; the future completes when its block is on disk. Package-private: tests use it to
   * order transactions deterministically.
   */
  CompletableFuture<Submitted> submitAsync(SignedTransaction signed) {
    return order(endorse(signed));
  }

  /**
   * Authenticates and simulates a transaction: the endorsement, with its read-write set, not yet
   * ordered. Package-private so tests can let other blocks commit between endorsement and ordering.
   */
  Pending endorse(SignedTransaction signed) {
    if (closing) {
      throw new LedgerException(
          LedgerException.Stage.SUBMIT,
          "LEDGER_CLOSED",
          "the ledger is closed",
          signed.txId(),
          null);
    }
    String mspId = authenticate(signed, LedgerException.Stage.ENDORSE);
    if (state.knows(signed.txId()) || !inFlight.add(signed.txId())) {
      throw new LedgerException(
          LedgerException.Stage.ENDORSE,
          "DUPLICATE_TXID",
          "DUPLICATE_TXID: transaction " + signed.txId() + " was already submitted",
          signed.txId(),
          null);
    }
    try {
      SimulationStub.Result result = simulate(signed, mspId, LedgerException.Stage.ENDORSE);
      TxRecord tx = withCertificate(result.transaction(), signed);
      return new Pending(tx, result.privateWrites(), new CompletableFuture<>());
    } catch (RuntimeException e) {
      inFlight.remove(signed.txId());
      throw e;
    }
  }

  /**
   * Hands an endorsed transaction to the committer; the future completes when its block is on disk,
   * exceptionally with a {@link LedgerException} (stage COMMIT) if it was committed invalid.
   */
  CompletableFuture<Submitted> order(Pending pending) {
    String txId = pending.transaction().txId();
    synchronized (admission) {
      Throwable broken = failure;
      if (broken != null || closing) {
        inFlight.remove(txId);
        throw new LedgerException(
            LedgerException.Stage.SUBMIT,
            "LEDGER_CLOSED",
            broken == null ? "the ledger is closed" : "the ledger stopped: " + broken,
            txId,
            broken);
      }
      queue.add(pending);
    }
    return pending
        .done()
        .thenApply(
            outcome -> {
              if (outcome.code() != ValidationCode.VALID) {
                throw new LedgerException(
                    LedgerException.Stage.COMMIT,
                    outcome.code().name(),
                    "transaction "
                        + txId
                        + " was committed in block "
                        + outcome.blockNumber()
                        + " as invalid: "
                        + outcome.code(),
                    txId,
                    null);
              }
              return new Submitted(txId, outcome.blockNumber(), pending.transaction().payload());
            });
  }

  /** A block as stored (package-private, for tests). */
  Block block(long number) {
    try {
      return blocks.read(number);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (CorruptBlockException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** Checks creator, certificate chain, transaction id and signature; returns the MSP id. */
  private String authenticate(SignedTransaction signed, LedgerException.Stage stage) {
    SerializedIdentity creator;
    try {
      creator = SerializedIdentity.parseFrom(signed.creator());
    } catch (InvalidProtocolBufferException e) {
      throw rejected(
          stage, "CREATOR_INVALID", "the creator is not a SerializedIdentity", signed, e);
    }
    String mspId = creator.getMspid();
    String pem = creator.getIdBytes().toStringUtf8();
    PublicKey publicKey = trustedCreators.get(mspId + '\n' + pem);
    if (publicKey == null) {
      try {
        X509Certificate certificate = Identities.readCertificate(pem);
        ca.verifyMember(mspId, certificate);
        publicKey =
            KeyFactory.getInstance("EC", BOUNCY_CASTLE)
                .generatePublic(new X509EncodedKeySpec(certificate.getPublicKey().getEncoded()));
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        throw rejected(
            stage,
            "CREATOR_NOT_TRUSTED",
            "the creator certificate is not trusted by MSP " + mspId + ": " + e.getMessage(),
            signed,
            e);
      }
      trustedCreators.put(mspId + '\n' + pem, publicKey);
    }
    if (!signed.txId().equals(SignedTransaction.txId(signed.nonce(), signed.creator()))) {
      throw rejected(
          stage,
          "TXID_MISMATCH",
          "the transaction id is not SHA-256(nonce || creator)",
          signed,
          null);
    }
    boolean valid;
    try {
      Signature verifier = Signature.getInstance("SHA256withECDSA", BOUNCY_CASTLE);
      verifier.initVerify(publicKey);
      verifier.update(signed.signedBytes());
      valid = verifier.verify(signed.signature());
    } catch (GeneralSecurityException e) {
      valid = false;
    }
    if (!valid) {
      throw rejected(
          stage,
          "SIGNATURE_INVALID",
          "the proposal signature does not verify against the creator certificate",
          signed,
          null);
    }
    return mspId;
  }

  private static LedgerException rejected(
      LedgerException.Stage stage,
      String code,
      String message,
      SignedTransaction signed,
      Throwable cause) {
    return new LedgerException(stage, code, code + ": " + message, signed.txId(), cause);
  }

  private SimulationStub.Result simulate(
      SignedTransaction signed, String mspId, LedgerException.Stage stage) {
    Proposal proposal = signed.proposal();
    var stub =
        new SimulationStub(
            state,
            new SimulationStub.Invocation(
                config.channel(),
                config.chaincodeName(),
                signed.txId(),
                signed.timestamp(),
                signed.creator(),
                mspId,
                proposal.function(),
                proposal.arguments(),
                proposal.transientData()));
    Chaincode.Response response;
    stateLock.readLock().lock();
    try {
      response = router.invoke(stub);
    } catch (RuntimeException e) {
      throw new LedgerException(
          stage,
          LedgerException.codeOf(e.getMessage()),
          "chaincode failed: " + e,
          signed.txId(),
          e);
    } finally {
      stateLock.readLock().unlock();
    }
    if (response.getStatusCode() >= 400) {
      String message = response.getMessage();
      String code = LedgerException.codeOf(message);
      if (code == null && response.getPayload() != null) {
        code = LedgerException.codeOf(new String(response.getPayload(), StandardCharsets.UTF_8));
      }
      throw new LedgerException(
          stage,
          code,
          "chaincode response " + response.getStatusCode() + ", " + message,
          signed.txId(),
          null);
    }
    byte[] payload = response.getPayload() == null ? new byte[0] : response.getPayload();
    return stub.result(response.getStatusCode(), payload);
  }

  private static TxRecord withCertificate(TxRecord tx, SignedTransaction signed) {
    String pem;
    try {
      pem = SerializedIdentity.parseFrom(signed.creator()).getIdBytes().toStringUtf8();
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
    return new TxRecord(
        tx.txId(),
        tx.creatorMspId(),
        pem,
        tx.function(),
        tx.arguments(),
        tx.timestamp(),
        null,
        tx.reads(),
        tx.rangeReads(),
        tx.writes(),
        tx.pvtReads(),
        tx.pvtWrites(),
        tx.eventName(),
        tx.eventPayload(),
        tx.status(),
        tx.payload());
  }

  // --- ordering, validation and commit --------------------------------------------------------

  private void commitLoop() {
    var batch = new ArrayList<Pending>(config.maxBlockTransactions());
    try {
      while (true) {
        Pending first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          if (closing && queue.isEmpty()) {
            return;
          }
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, config.maxBlockTransactions() - batch.size());
        long deadline = System.nanoTime() + config.maxBlockWait().toNanos();
        while (batch.size() < config.maxBlockTransactions()) {
          long remaining = deadline - System.nanoTime();
          if (remaining <= 0) {
            break;
          }
          Pending next = queue.poll(remaining, TimeUnit.NANOSECONDS);
          if (next == null) {
            break;
          }
          batch.add(next);
          queue.drainTo(batch, config.maxBlockTransactions() - batch.size());
        }
        commit(batch);
        batch.clear();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException | Error e) {
      failure = e;
      LOG.log(Level.SEVERE, "the committer stopped; the ledger accepts no more transactions", e);
      var unknown =
          new LedgerException(
              LedgerException.Stage.COMMIT_STATUS,
              null,
              "the block could not be committed (" + e + "); check the transaction after restart",
              null,
              e);
      for (Pending pending : batch) {
        pending.done().completeExceptionally(unknown);
      }
      synchronized (admission) {
        closing = true;
      }
      failAll(unknown);
    }
  }

  private void commit(List<Pending> batch) throws IOException {
    long number = blocks.height();
    var validated = new ArrayList<TxRecord>(batch.size());
    var privateWrites = new HashMap<Integer, List<RwSet.PvtWrite>>();
    var writtenInBlock = new HashSet<String>();
    var privateWrittenInBlock = new HashSet<String>();
    var idsInBlock = new HashSet<String>();
    for (int index = 0; index < batch.size(); index++) {
      Pending pending = batch.get(index);
      TxRecord tx = pending.transaction();
      ValidationCode code = validate(tx, idsInBlock, writtenInBlock, privateWrittenInBlock);
      if (code == ValidationCode.VALID) {
        for (RwSet.Write write : tx.writes()) {
          writtenInBlock.add(write.key());
        }
        for (RwSet.PvtHashedWrite write : tx.pvtWrites()) {
          privateWrittenInBlock.add(privateKey(write.collection(), write.keyHash()));
        }
        if (!pending.privateWrites().isEmpty()) {
          privateWrites.put(index, pending.privateWrites());
        }
      }
      validated.add(tx.withValidationCode(code));
    }
    BlockCodec.Sealed sealed = BlockCodec.seal(number, blocks.lastHash(), validated, privateWrites);
    blocks.append(sealed);
    stateLock.writeLock().lock();
    try {
      state.apply(sealed.block());
    } finally {
      stateLock.writeLock().unlock();
    }
    synchronized (heightSignal) {
      committedHeight = number + 1;
      heightSignal.notifyAll();
    }
    for (int index = 0; index < batch.size(); index++) {
      Pending pending = batch.get(index);
      inFlight.remove(pending.transaction().txId());
      pending.done().complete(new Outcome(number, validated.get(index).validationCode()));
    }
  }

  private ValidationCode validate(
      TxRecord tx, Set<String> idsInBlock, Set<String> writtenInBlock, Set<String> pvtInBlock) {
    if (!idsInBlock.add(tx.txId()) || state.knows(tx.txId())) {
      return ValidationCode.DUPLICATE_TXID;
    }
    for (RwSet.KeyRead read : tx.reads()) {
      if (writtenInBlock.contains(read.key()) || !sameVersion(read.key(), read.version())) {
        return ValidationCode.MVCC_READ_CONFLICT;
      }
    }
    for (RwSet.PvtRead read : tx.pvtReads()) {
      String key = privateKey(read.collection(), read.keyHash());
      StateStore.Versioned current = state.privateHash(read.collection(), read.keyHash());
      if (pvtInBlock.contains(key)
          || !Objects.equals(current == null ? null : current.version(), read.version())) {
        return ValidationCode.MVCC_READ_CONFLICT;
      }
    }
    for (RwSet.RangeRead range : tx.rangeReads()) {
      for (String key : writtenInBlock) {
        if (range.covers(key)) {
          return ValidationCode.PHANTOM_READ_CONFLICT;
        }
      }
      if (!rangeUnchanged(range)) {
        return ValidationCode.PHANTOM_READ_CONFLICT;
      }
    }
    return ValidationCode.VALID;
  }

  private boolean sameVersion(String key, Version seen) {
    StateStore.Versioned current = state.get(key);
    return Objects.equals(current == null ? null : current.version(), seen);
  }

  /**
   * Re-runs a range read on committed state up to where the simulation stopped reading: the same
   * keys at the same versions, and no other key.
   */
  private boolean rangeUnchanged(RwSet.RangeRead range) {
    List<RwSet.KeyRead> reads = range.reads();
    var source = state.from(range.start());
    int index = 0;
    while (source.hasNext()) {
      var entry = source.next();
      String key = entry.getKey();
      boolean beyond =
          range.prefix()
              ? !key.startsWith(range.start())
              : !range.end().isEmpty() && key.compareTo(range.end()) >= 0;
      if (!range.exhausted()) {
        beyond |= reads.isEmpty() || key.compareTo(reads.getLast().key()) > 0;
      }
      if (beyond) {
        break;
      }
      if (index >= reads.size()) {
        return false;
      }
      RwSet.KeyRead read = reads.get(index++);
      if (!read.key().equals(key) || !Objects.equals(read.version(), entry.getValue().version())) {
        return false;
      }
    }
    return index == reads.size();
  }

  private static String privateKey(String collection, byte[] keyHash) {
    return collection + '\0' + java.util.HexFormat.of().formatHex(keyHash);
  }

  private void failAll(LedgerException cause) {
    Pending pending;
    while ((pending = queue.poll()) != null) {
      inFlight.remove(pending.transaction().txId());
      pending.done().completeExceptionally(cause);
    }
  }

  // --- delivery -------------------------------------------------------------------------------

  private BlockEvent toEvent(Block block) {
    var transactions = new ArrayList<BlockEvent.BlockTransaction>(block.transactions().size());
    List<TxRecord> txs = block.transactions();
    for (int index = 0; index < txs.size(); index++) {
      TxRecord tx = txs.get(index);
      var info =
          new TransactionInfo(
              tx.txId(),
              block.number(),
              index,
              tx.validationCode(),
              tx.creatorMspId(),
              tx.timestamp(),
              tx.function());
      var writes = new ArrayList<BlockEvent.KeyWrite>();
      ChaincodeEvent event = null;
      if (tx.valid()) {
        for (RwSet.Write write : tx.writes()) {
          writes.add(
              new BlockEvent.KeyWrite(
                  config.chaincodeName(), write.key(), write.value(), write.delete()));
        }
        if (tx.eventName() != null) {
          event =
              new ChaincodeEvent(
                  block.number(),
                  tx.txId(),
                  config.chaincodeName(),
                  tx.eventName(),
                  tx.eventPayload());
        }
      }
      transactions.add(new BlockEvent.BlockTransaction(info, writes, event));
    }
    return new BlockEvent(block.number(), block.hash(), block.previousHash(), transactions);
  }

  /** One subscriber: a thread that reads blocks from the file in order and waits for new ones. */
  private final class BlockSubscription implements Subscription {
    private final Consumer<BlockEvent> listener;
    private final Thread thread;
    private volatile boolean open = true;
    private long next;

    BlockSubscription(long from, Consumer<BlockEvent> listener) {
      this.listener = listener;
      this.next = from;
      this.thread =
          Thread.ofPlatform()
              .name("xl-ledger-delivery-" + subscriptionCount.incrementAndGet())
              .daemon()
              .unstarted(this::deliver);
    }

    private void deliver() {
      try {
        while (open) {
          while (open && next < committedHeight) {
            BlockEvent event = toEvent(blocks.read(next));
            listener.accept(event);
            next++;
          }
          synchronized (heightSignal) {
            while (open && next >= committedHeight && !closing) {
              heightSignal.wait();
            }
          }
          if (closing && next >= committedHeight) {
            return;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException | CorruptBlockException | RuntimeException e) {
        if (open) {
          LOG.log(
              Level.SEVERE,
              "block delivery stopped at block "
                  + next
                  + " (the listener or the block file failed)",
              e);
        }
      } finally {
        subscriptions.remove(this);
      }
    }

    @Override
    public void close() {
      open = false;
      synchronized (heightSignal) {
        heightSignal.notifyAll();
      }
    }
  }

  // --- the shared contract router -------------------------------------------------------------

  /**
   * The shim's router over every {@code @Contract} class on the classpath, found once per JVM (the
   * classpath scan is slow and contracts hold no state), with the shim's per-call INFO logging
   * quieted.
   */
  private static ContractRouter router() {
    ContractRouter router = sharedRouter;
    if (router != null) {
      return router;
    }
    synchronized (EmbeddedLedger.class) {
      if (sharedRouter == null) {
        quietShimLogging();
        var created = new ContractRouter(new String[] {"--id", "xianglian:1"});
        try {
          Method find = ContractRouter.class.getDeclaredMethod("findAllContracts");
          find.setAccessible(true);
          find.invoke(created);
        } catch (InvocationTargetException e) {
          throw new IllegalStateException("the contracts cannot be loaded", e.getCause());
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(
              "this fabric-chaincode-shim has no ContractRouter.findAllContracts()", e);
        }
        quietShimLogging();
        filterDeliberateRejections();
        sharedRouter = created;
      }
      return sharedRouter;
    }
  }

  /**
   * The shim's logger that reports every chaincode error response with its stack trace (a private
   * static field of {@code ResponseUtils}, not registered with the LogManager), if this shim has
   * it.
   */
  static Optional<Logger> shimResponseLogger() {
    try {
      Field field =
          Class.forName("org.hyperledger.fabric.shim.ResponseUtils").getDeclaredField("logger");
      field.setAccessible(true);
      return Optional.ofNullable((Logger) field.get(null));
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.FINE, "the shim's ResponseUtils logger was not found", e);
      return Optional.empty();
    }
  }

  /**
   * Drops the shim's SEVERE stack trace for {@code ChaincodeException}s: they are the contracts'
   * deliberate rejections (e.g. {@code BATCH_NOT_FOUND}), reported to the caller as {@link
   * LedgerException}s. Unexpected contract failures are still logged.
   */
  private static void filterDeliberateRejections() {
    String rejection = ChaincodeException.class.getName();
    shimResponseLogger()
        .ifPresent(
            responses -> {
              responses.setFilter(
                  record ->
                      !(record.getThrown() instanceof ChaincodeException)
                          && (record.getMessage() == null
                              || !record.getMessage().contains(rejection)));
              QUIETED.add(responses);
            });
  }

  private static void quietShimLogging() {
    for (String name :
        List.of(
            "org.hyperledger",
            "org.hyperledger.fabric",
            "org.hyperledger.fabric.contract",
            "org.hyperledger.fabric.shim",
            "org.hyperledger.fabric.contract.ContractRouter",
            "org.hyperledger.fabric.contract.execution.impl.ContractExecutionService")) {
      Logger logger = Logger.getLogger(name);
      logger.setLevel(Level.WARNING);
      if (!QUIETED.contains(logger)) {
        QUIETED.add(logger);
      }
    }
  }

  private static void closeQuietly(BlockFile blocks, StateStore state) {
    if (state != null) {
      state.close();
    }
    if (blocks != null) {
      try {
        blocks.close();
      } catch (IOException e) {
        LOG.log(Level.FINE, "closing the block file", e);
      }
    }
  }
}
