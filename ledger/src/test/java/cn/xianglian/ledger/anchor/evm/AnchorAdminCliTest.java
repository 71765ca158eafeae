package cn.xianglian.ledger.anchor.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;

/** Setting up the anchoring contract from the command line, against a real ganache node. */
class AnchorAdminCliTest {

  @TempDir static Path dir;
  static GanacheNode ganache;

  @BeforeAll
  static void startNode() throws Exception {
    ganache = GanacheNode.start(dir.resolve("ganache"));
  }

  @AfterAll
  static void stopNode() {
    if (ganache != null) {
      ganache.close();
    }
  }

  record Run(int status, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        AnchorAdminCli.run(
            args,
            "secret",
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        status, out.toString(StandardCharsets.UTF_8).strip(), err.toString(StandardCharsets.UTF_8));
  }

  static Path hexKey(Credentials account, String name) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, account.getEcKeyPair().getPrivateKey().toString(16) + "\n");
    return file;
  }

  @Test
  @DisplayName(
      "deploy prints the contract address, authorise lets the anchoring account anchor, status"
          + " shows it; a stranger cannot authorise (exit 1)")
  void deployAuthoriseStatus() throws Exception {
    String owner = hexKey(GanacheNode.OWNER, "owner.key").toString();
    String url = ganache.url();

    Run deployed = run("deploy", "--rpc", url, "--key-file", owner, "--first-block", "0");
    assertThat(deployed.status()).as(deployed.err()).isZero();
    String contract = deployed.out();
    assertThat(contract).matches("0x[0-9a-fA-F]{40}");

    String anchorer = GanacheNode.ANCHORER.getAddress();
    Run authorised =
        run(
            "authorise",
            "--rpc",
            url,
            "--key-file",
            owner,
            "--contract",
            contract,
            "--account",
            anchorer);
    assertThat(authorised.status()).as(authorised.err()).isZero();

    Run status = run("status", "--rpc", url, "--contract", contract, "--account", anchorer);
    assertThat(status.status()).isZero();
    assertThat(status.out())
        .contains("chain 1337")
        .contains("anchors 0, next block 0")
        .contains(anchorer + " may anchor");

    String stranger = hexKey(GanacheNode.STRANGER, "stranger.key").toString();
    Run refused =
        run(
            "authorise",
            "--rpc",
            url,
            "--key-file",
            stranger,
            "--contract",
            contract,
            "--account",
            GanacheNode.STRANGER.getAddress());
    assertThat(refused.status()).isEqualTo(1);
    assertThat(
            run(
                    "status",
                    "--rpc",
                    url,
                    "--contract",
                    contract,
                    "--account",
                    GanacheNode.STRANGER.getAddress())
                .out())
        .contains("may not anchor");
  }

  @Test
  @DisplayName("missing or unknown arguments exit 2 with the usage")
  void badArguments() {
    assertThat(run().status()).isEqualTo(2);
    assertThat(run("deploy", "--rpc", ganache.url()).status()).isEqualTo(2);
    Run unknown = run("explode", "--rpc", ganache.url());
    assertThat(unknown.status()).isEqualTo(2);
    assertThat(unknown.err()).contains("usage:");
  }

  @Test
  @DisplayName("a JSON wallet file is read with its password; a wrong password is refused")
  void jsonWallet() throws Exception {
    Path wallets = Files.createDirectories(dir.resolve("wallets"));
    String name =
        WalletUtils.generateWalletFile(
            "secret", GanacheNode.ANCHORER.getEcKeyPair(), wallets.toFile(), false);
    Path file = wallets.resolve(name);

    assertThat(AnchorKeys.load(file, "secret").getAddress())
        .isEqualTo(GanacheNode.ANCHORER.getAddress());
    assertThatThrownBy(() -> AnchorKeys.load(file, "wrong"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
