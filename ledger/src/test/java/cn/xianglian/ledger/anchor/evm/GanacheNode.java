package cn.xianglian.ledger.anchor.evm;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.web3j.crypto.Credentials;

/**
 * A real ganache EVM node on 127.0.0.1, started from the npm packages the build installed ({@code
 * target/solidity/node_modules}, from {@code src/main/solidity/package-lock.json}). Deterministic
 * accounts; every transaction is mined at once into its own block. Failing to start is an error
 * with the node's output, never a skipped test. Public for client-app's tests (ledger's test jar).
 */
public final class GanacheNode implements AutoCloseable {

  /** Ganache's deterministic account 0 (owner) and 1 (anchorer), 2 (a stranger). */
  public static final Credentials OWNER =
      Credentials.create("0x4f3edf983ac636a65a842ce7c78d9aa706d3b113bce9c46f30d7d21715b23b1d");

  public static final Credentials ANCHORER =
      Credentials.create("0x6cbed15c793ce57650b9877cf6fa156fbef513c4e6134f022a85b1ffdd59b2a1");

  public static final Credentials STRANGER =
      Credentials.create("0x6370fd033278c143179d81c5526140625662b8daa446c22ee2d73db3707e620c");

  private final Process process;
  private final Path log;
  private final String url;

  private GanacheNode(Process process, Path log, String url) {
    this.process = process;
    this.log = log;
    this.url = url;
  }

  public static GanacheNode start(Path workDir) throws IOException, InterruptedException {
    String nodeModules =
        System.getProperty("xl.anchor.nodeModules", "target/solidity/node_modules");
    String node = System.getProperty("xl.anchor.node", "node");
    Path cli = Path.of(nodeModules, "ganache", "dist", "node", "cli.js");
    if (!Files.isRegularFile(cli)) {
      throw new IllegalStateException(
          "ganache is not installed at "
              + cli.toAbsolutePath()
              + ": run the build (./mvnw -pl ledger test), whose npm ci installs it");
    }
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    Files.createDirectories(workDir);
    Path log = workDir.resolve("ganache.log");
    Process process =
        new ProcessBuilder(
                List.of(
                    node,
                    cli.toString(),
                    "--server.host",
                    "127.0.0.1",
                    "--server.port",
                    Integer.toString(port),
                    "--wallet.deterministic",
                    "--chain.chainId",
                    "1337",
                    "--chain.hardfork",
                    "london",
                    "--database.dbPath",
                    workDir.resolve("chain").toString(),
                    "--logging.quiet"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    String url = "http://127.0.0.1:" + port;
    GanacheNode ganache = new GanacheNode(process, log, url);
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "ganache exited with " + process.exitValue() + ":\n" + Files.readString(log));
      }
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create(url))
                    .header("content-type", "application/json")
                    .timeout(Duration.ofSeconds(2))
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("0x539")) {
          return ganache;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    ganache.close();
    throw new IllegalStateException(
        "ganache did not answer on " + url + " within 90 s:\n" + Files.readString(log));
  }

  public String url() {
    return url;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  public Path log() {
    return log;
  }
}
