package cn.xianglian.ledger.anchor.evm;

import cn.xianglian.ledger.anchor.AnchorException;
import cn.xianglian.ledger.anchor.TxProof;
import cn.xianglian.ledger.anchor.Verification;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * Checks a XiangLian inclusion proof with nothing but public chain data: an EVM JSON-RPC URL, the
 * anchoring contract's address (which the verifier must know from a source it trusts, not from the
 * proof) and the proof JSON.
 *
 * <pre>
 * java -cp xianglian-ledger.jar:… cn.xianglian.ledger.anchor.evm.VerifyProofCli \
 *     --rpc http://127.0.0.1:8545 --contract 0x… proof.json
 * </pre>
 *
 * A disclosure proof that carries the published record ({@code publication.record}, as the API
 * returns it) has that record checked against the leaf's content hash first (CONTENT_MISMATCH).
 *
 * <p>Exit status: 0 valid; 1 invalid (the reason is printed: ROOT_MISMATCH, ROOT_NOT_ANCHORED, …);
 * 2 bad arguments or unreadable proof; 3 the chain could not be read.
 */
public final class VerifyProofCli {

  static final String USAGE =
      "usage: VerifyProofCli --rpc <EVM JSON-RPC URL> --contract <0x address> <proof.json | ->";

  private VerifyProofCli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the verifier; returns the exit status (for callers that must not exit the JVM). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    String rpc = null;
    String contract = null;
    String file = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rpc" -> rpc = i + 1 < args.length ? args[++i] : null;
        case "--contract" -> contract = i + 1 < args.length ? args[++i] : null;
        case "-h", "--help" -> {
          out.println(USAGE);
          return 0;
        }
        default -> file = args[i];
      }
    }
    if (rpc == null || contract == null || file == null) {
      err.println(USAGE);
      return 2;
    }
    TxProof proof;
    java.util.Optional<String> record;
    try {
      String json =
          file.equals("-")
              ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
              : Files.readString(Path.of(file));
      proof = ProofJson.read(json);
      record = ProofJson.disclosedRecord(json);
    } catch (IOException | IllegalArgumentException e) {
      err.println("MALFORMED_PROOF: " + e.getMessage());
      return 2;
    }
    if (record.isPresent()) {
      Verification content = proof.verifyContent(record.get());
      if (!content.isValid()) {
        out.println("INVALID " + content.failure() + ": " + content.message());
        return 1;
      }
    }
    if (!proof.contractAddress().equalsIgnoreCase(contract)) {
      err.println(
          "note: the proof names contract "
              + proof.contractAddress()
              + "; checking against "
              + contract
              + " as given");
    }
    Web3j web3j = Web3j.build(new HttpService(rpc));
    try {
      Verification result = proof.verifyOnChain(Web3jAnchorChain.readOnly(web3j, contract));
      if (result.isValid()) {
        out.println("VALID: " + result.message());
        return 0;
      }
      out.println("INVALID " + result.failure() + ": " + result.message());
      return 1;
    } catch (AnchorException e) {
      err.println("CHAIN_UNAVAILABLE: " + e.getMessage());
      return 3;
    } finally {
      web3j.shutdown();
    }
  }
}
