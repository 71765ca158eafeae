package cn.xianglian.ledger.embedded;

import cn.xianglian.ledger.Identity;
import cn.xianglian.ledger.Proposal;
import cn.xianglian.ledger.Submitted;
import java.nio.file.Path;
import java.util.ArrayList;

/**
 * The child process of {@link CrashTest}: submits transactions from four threads until killed and
 * prints {@code ACK <txId>} for each, after {@code submit} returned, flushing every line.
 */
public final class CrashSubmitter {

  private CrashSubmitter() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    EmbeddedCa ca = EmbeddedCa.open(dir.resolve("ca"));
    Identity producer = TestLedgers.producer(ca);
    EmbeddedLedger ledger = EmbeddedLedger.open(TestLedgers.config(dir), ca);
    var threads = new ArrayList<Thread>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (long i = 0; ; i++) {
                      Submitted done =
                          ledger.submit(
                              producer,
                              Proposal.of("probe", "put", "t" + thread + "-" + i, "v" + i));
                      synchronized (System.out) {
                        System.out.println("ACK " + done.txId());
                        System.out.flush();
                      }
                    }
                  }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
  }
}
