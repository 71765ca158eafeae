package cn.xianglian.ledger.anchor.evm;

import cn.xianglian.ledger.anchor.AnchorException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * Sets up the anchoring contract on an EVM chain (docs/operations.md): deploy it, authorise the
 * anchoring account, show its state. The owner's key file is a JSON wallet (password from {@code
 * XL_ANCHOR_KEY_PASSWORD}) or a hex private key.
 *
 * <pre>
 * AnchorAdminCli deploy    --rpc URL --key-file owner.json [--first-block 0]
 * AnchorAdminCli authorise --rpc URL --key-file owner.json --contract 0x… --account 0x… [--revoke]
 * AnchorAdminCli status    --rpc URL --contract 0x… [--account 0x…]
 * </pre>
 *
 * Exit status: 0 done; 1 the chain refused (e.g. not the owner); 2 bad arguments; 3 the chain could
 * not be read.
 */
public final class AnchorAdminCli {

  static final String USAGE =
      """
      usage: AnchorAdminCli deploy    --rpc URL --key-file FILE [--first-block N]
             AnchorAdminCli authorise --rpc URL --key-file FILE --contract 0x… --account 0x… [--revoke]
             AnchorAdminCli status    --rpc URL --contract 0x… [--account 0x…]
      The key file is a JSON wallet (password in XL_ANCHOR_KEY_PASSWORD) or a hex private key.""";

  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private AnchorAdminCli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv("XL_ANCHOR_KEY_PASSWORD"), System.out, System.err));
  }

  /** Runs a command; returns the exit status. */
  public static int run(String[] args, String keyPassword, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
      (args.length == 0 ? err : out).println(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--revoke")) {
        options.put("revoke", "true");
      } else if (args[i].startsWith("--") && i + 1 < args.length) {
        options.put(args[i].substring(2), args[++i]);
      } else {
        err.println("unexpected argument " + args[i] + "\n" + USAGE);
        return 2;
      }
    }
    String rpc = options.get("rpc");
    if (rpc == null) {
      err.println(USAGE);
      return 2;
    }
    Web3j web3j = Web3j.build(new HttpService(rpc));
    try {
      return switch (args[0]) {
        case "deploy" -> {
          Credentials owner = key(options, keyPassword);
          long first = Long.parseLong(options.getOrDefault("first-block", "0"));
          String contract = Web3jAnchorChain.deploy(web3j, owner, first, TIMEOUT);
          out.println(contract);
          yield 0;
        }
        case "authorise" -> {
          Credentials owner = key(options, keyPassword);
          String contract = required(options, "contract");
          String account = required(options, "account");
          boolean allow = !options.containsKey("revoke");
          Web3jAnchorChain.setAnchorer(web3j, contract, owner, account, allow, TIMEOUT);
          out.println((allow ? "authorised " : "revoked ") + account + " on " + contract);
          yield 0;
        }
        case "status" -> {
          Web3jAnchorChain chain = Web3jAnchorChain.readOnly(web3j, required(options, "contract"));
          out.println("chain " + chain.chainId() + ", contract " + chain.contractAddress());
          out.println("anchors " + chain.anchorCount() + ", next block " + chain.nextBlock());
          if (options.containsKey("account")) {
            out.println(
                "account "
                    + options.get("account")
                    + (chain.isAnchorer(options.get("account")) ? " may" : " may not")
                    + " anchor");
          }
          yield 0;
        }
        default -> {
          err.println("unknown command " + args[0] + "\n" + USAGE);
          yield 2;
        }
      };
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 2;
    } catch (AnchorException e) {
      err.println(e.getMessage());
      return e.code() == AnchorException.Code.CHAIN_UNAVAILABLE ? 3 : 1;
    } finally {
      web3j.shutdown();
    }
  }

  private static Credentials key(Map<String, String> options, String password) {
    return AnchorKeys.load(Path.of(required(options, "key-file")), password);
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required\n" + USAGE);
    }
    return value;
  }
}
