package cn.xianglian.ledger.anchor.evm;

import io.reactivex.Flowable;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.protocol.websocket.events.Notification;

/**
 * The transport between Web3j and the real node, with faults injected into {@code
 * eth_sendRawTransaction} on demand: the node itself is real; only what reaches it, or what comes
 * back, is disturbed.
 */
@SuppressWarnings("rawtypes") // Web3jService declares raw Request and Response
final class FaultyWeb3jService implements Web3jService {

  /** What happens to the next raw transaction sent. */
  enum Fault {
    /** The request fails before it leaves: the node never sees the transaction. */
    FAIL_BEFORE_SEND,
    /** The node accepts the transaction but the answer is lost (a timeout to the caller). */
    LOSE_RESPONSE,
    /** Accepted and a hash returned, but the transaction never reaches the node (dropped). */
    DROP
  }

  private final Web3jService delegate;
  private final Deque<Fault> faults = new ArrayDeque<>();
  private final AtomicInteger forwarded = new AtomicInteger();
  private volatile boolean mineOnBlockNumber;

  FaultyWeb3jService(Web3jService delegate) {
    this.delegate = delegate;
  }

  synchronized void inject(Fault... next) {
    faults.addAll(java.util.List.of(next));
  }

  /**
   * From now on, every {@code eth_blockNumber} first mines an empty block ({@code evm_mine}): the
   * chain grows exactly as fast as the caller looks at it, so confirmations can be tested without
   * timers.
   */
  void mineOnEveryBlockNumber() {
    mineOnBlockNumber = true;
  }

  /** Starts counting forwarded sends from zero (after a test's set-up transactions). */
  void resetCount() {
    forwarded.set(0);
  }

  /** Raw transactions that reached the node. */
  int forwardedSends() {
    return forwarded.get();
  }

  private synchronized Fault nextFault() {
    return faults.pollFirst();
  }

  @Override
  public <T extends Response> T send(Request request, Class<T> responseType) throws IOException {
    if (mineOnBlockNumber && "eth_blockNumber".equals(request.getMethod())) {
      delegate.send(
          new Request<>("evm_mine", java.util.List.of(), delegate, VoidResponse.class),
          VoidResponse.class);
    }
    if (!"eth_sendRawTransaction".equals(request.getMethod())) {
      return delegate.send(request, responseType);
    }
    Fault fault = nextFault();
    if (fault == Fault.FAIL_BEFORE_SEND) {
      throw new IOException("injected: connection reset before the request was sent");
    }
    if (fault == Fault.DROP) {
      String signed = (String) request.getParams().get(0);
      T response;
      try {
        response = responseType.getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException e) {
        throw new IOException(e);
      }
      @SuppressWarnings("unchecked")
      Response<String> typed = (Response<String>) response;
      typed.setResult(Hash.sha3(signed));
      return response;
    }
    T response = delegate.send(request, responseType);
    forwarded.incrementAndGet();
    if (fault == Fault.LOSE_RESPONSE) {
      throw new IOException("injected: read timed out after the node accepted the transaction");
    }
    return response;
  }

  @Override
  public <T extends Response> CompletableFuture<T> sendAsync(
      Request request, Class<T> responseType) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return send(request, responseType);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  @Override
  public BatchResponse sendBatch(BatchRequest batchRequest) throws IOException {
    return delegate.sendBatch(batchRequest);
  }

  @Override
  public CompletableFuture<BatchResponse> sendBatchAsync(BatchRequest batchRequest) {
    return delegate.sendBatchAsync(batchRequest);
  }

  @Override
  public <T extends Notification<?>> Flowable<T> subscribe(
      Request request, String unsubscribeMethod, Class<T> responseType) {
    return delegate.subscribe(request, unsubscribeMethod, responseType);
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }
}
