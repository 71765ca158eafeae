package cn.xianglian.ledger.anchor.evm;

import cn.xianglian.ledger.anchor.AnchorPolicy;
import cn.xianglian.ledger.anchor.AnchorRecord;
import cn.xianglian.ledger.anchor.AnchorService;
import cn.xianglian.ledger.anchor.Checkpoint;
import cn.xianglian.ledger.anchor.InMemoryAnchorStore;
import cn.xianglian.ledger.anchor.TxLeaf;
import cn.xianglian.ledger.anchor.TxProof;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * Anchoring benchmark (not a unit test), on one thread:
 *
 * <ol>
 *   <li>gas per anchored checkpoint on a real ganache node (started like the tests do);
 *   <li>proofs generated ({@code AnchorService.proof(txId)}: store look-up, cached tree, audit
 *       path) and verified ({@code TxProof.verifyAgainstOwnRoot}: leaf encoding, leaf hash, path)
 *       per second over a checkpoint of {@code leaves} transactions.
 * </ol>
 *
 * <pre>
 * java -cp ... cn.xianglian.ledger.anchor.evm.AnchorBenchmark [leaves=100000] [seconds=10]
 * </pre>
 */
public final class AnchorBenchmark {

  private AnchorBenchmark() {}

  public static void main(String[] args) throws Exception {
    int leaves = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Path dir = Files.createTempDirectory("xl-anchor-bench");
    try (GanacheNode ganache = GanacheNode.start(dir.resolve("ganache"))) {
      Web3j web3j = Web3j.build(new HttpService(ganache.url()));
      Duration timeout = Duration.ofSeconds(30);
      String contract = Web3jAnchorChain.deploy(web3j, GanacheNode.OWNER, 0, timeout);
      Web3jAnchorChain.setAnchorer(
          web3j, contract, GanacheNode.OWNER, GanacheNode.ANCHORER.getAddress(), true, timeout);
      Web3jAnchorChain chain = Web3jAnchorChain.connect(web3j, contract, GanacheNode.ANCHORER);
      InMemoryAnchorStore store = new InMemoryAnchorStore(0);
      AnchorService service =
          new AnchorService(
              null,
              chain,
              store,
              new AnchorPolicy(
                  1000,
                  Duration.ofMinutes(1),
                  1,
                  Duration.ofSeconds(10),
                  Duration.ofMillis(20),
                  3,
                  Duration.ofMillis(100)),
              Clock.systemUTC());

      // Checkpoints: 5 small ones then the big one, all anchored for real.
      long block = 0;
      List<Checkpoint> checkpoints = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        checkpoints.add(checkpoint(block, block + 999, 1_000));
        block += 1_000;
      }
      long buildStart = System.nanoTime();
      Checkpoint big = checkpoint(block, block + 999, leaves);
      long rootStart = System.nanoTime();
      big.tree();
      long rootNanos = System.nanoTime() - rootStart;
      checkpoints.add(big);
      System.out.printf(
          Locale.ROOT,
          "checkpoint of %,d leaves: leaves built in %d ms, tree (root) in %d ms%n",
          leaves,
          (rootStart - buildStart) / 1_000_000,
          rootNanos / 1_000_000);
      for (Checkpoint cp : checkpoints) {
        AnchorRecord record = service.anchor(cp);
        var receipt = web3j.ethGetTransactionReceipt(record.evmTxHash()).send().getResult();
        var sent =
            web3j.ethGetTransactionByHash(record.evmTxHash()).send().getTransaction().orElseThrow();
        System.out.printf(
            Locale.ROOT,
            "anchor #%d blocks %d..%d (%,d tx): type %s, gas used %,d, effective gas price %s wei%n",
            record.anchorIndex(),
            cp.fromBlock(),
            cp.toBlock(),
            cp.leaves().size(),
            sent.getType(),
            receipt.getGasUsed(),
            org.web3j.utils.Numeric.decodeQuantity(receipt.getEffectiveGasPrice()));
      }

      List<String> txIds = big.leaves().stream().map(TxLeaf::txId).toList();
      SplittableRandom random = new SplittableRandom(1);
      // warm-up
      runProofs(service, txIds, random, 2);
      long[] counts = runProofs(service, txIds, random, seconds);
      System.out.printf(
          Locale.ROOT,
          "one thread, %d s: %,d proofs generated and verified = %,.0f per second (%d invalid)%n",
          seconds,
          counts[0],
          counts[0] / (double) seconds,
          counts[1]);
      web3j.shutdown();
    }
  }

  private static long[] runProofs(
      AnchorService service, List<String> txIds, SplittableRandom random, int seconds) {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long done = 0;
    long invalid = 0;
    while (System.nanoTime() < end) {
      for (int i = 0; i < 1_000; i++) {
        TxProof proof = service.proof(txIds.get(random.nextInt(txIds.size()))).orElseThrow();
        if (!proof.verifyAgainstOwnRoot().isValid()) {
          invalid++;
        }
        done++;
      }
    }
    return new long[] {done, invalid};
  }

  private static Checkpoint checkpoint(long from, long to, int leaves) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    List<TxLeaf> list = new ArrayList<>(leaves);
    long blocks = to - from + 1;
    for (int i = 0; i < leaves; i++) {
      long b = from + (i * blocks) / leaves;
      byte[] hash = sha.digest(("block " + b).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String txId =
          java.util.HexFormat.of()
              .formatHex(
                  sha.digest(
                      ("tx " + from + "." + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      list.add(new TxLeaf(b, hash, txId));
    }
    return new Checkpoint(
        from,
        to,
        sha.digest(("block " + to).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        list);
  }
}
