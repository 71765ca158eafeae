package cn.xianglian.chaincode.anchor.domain;

import cn.xianglian.chaincode.domain.Require;
import java.util.regex.Pattern;

/** The argument of {@code recordAnchor}: one anchored checkpoint. */
public record RecordAnchor(
    Long anchorIndex,
    String channel,
    Long fromBlock,
    Long toBlock,
    Long leafCount,
    String root,
    String lastBlockHash,
    EvmAnchor evm) {

  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  public RecordAnchor {
    Require.present("anchorIndex", anchorIndex);
    Require.argument(anchorIndex >= 0, "anchorIndex must not be negative");
    Require.id("channel", channel);
    Require.present("fromBlock", fromBlock);
    Require.present("toBlock", toBlock);
    Require.argument(fromBlock >= 0 && toBlock >= fromBlock, "needs 0 <= fromBlock <= toBlock");
    Require.present("leafCount", leafCount);
    Require.argument(leafCount >= 0, "leafCount must not be negative");
    Require.present("root", root);
    Require.argument(HASH.matcher(root).matches(), "root must be 32 bytes lower-case hex");
    Require.present("lastBlockHash", lastBlockHash);
    Require.argument(
        HASH.matcher(lastBlockHash).matches(), "lastBlockHash must be 32 bytes lower-case hex");
    Require.present("evm", evm);
  }
}
