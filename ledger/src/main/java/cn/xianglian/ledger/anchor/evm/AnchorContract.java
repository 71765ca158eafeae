package cn.xianglian.ledger.anchor.evm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;

/**
 * The Web3j wrapper of {@code XiangLianAnchor.sol}, written by hand: Web3j's code generator is not
 * available for 6.0.0, and the contract has seven functions and one event. The creation bytecode
 * and ABI are the ones the build compiled with solc-js ({@code src/main/solidity}); a test checks
 * every selector here against that ABI, so the wrapper cannot drift from the contract.
 */
final class AnchorContract {

  static final String BIN_RESOURCE = "XiangLianAnchor.bin";
  static final String ABI_RESOURCE = "XiangLianAnchor.abi.json";

  /**
   * {@code Anchored(uint256 indexed index, bytes32 indexed root, uint64, uint64, address indexed,
   * uint64)}.
   */
  static final Event ANCHORED =
      new Event(
          "Anchored",
          List.of(
              new TypeReference<Uint256>(true) {},
              new TypeReference<Bytes32>(true) {},
              new TypeReference<Uint64>() {},
              new TypeReference<Uint64>() {},
              new TypeReference<Address>(true) {},
              new TypeReference<Uint64>() {}));

  static final String ANCHORED_TOPIC = EventEncoder.encode(ANCHORED);

  private AnchorContract() {}

  /** Creation bytecode plus the encoded constructor argument {@code firstBlock}. */
  static String deployData(long firstBlock) {
    return "0x" + binary() + FunctionEncoder.encodeConstructor(List.of(new Uint64(firstBlock)));
  }

  static String binary() {
    try (InputStream in = AnchorContract.class.getResourceAsStream(BIN_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            BIN_RESOURCE + " is missing from the class path: the build compiles it with solc-js");
      }
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Function anchor(byte[] root, long fromBlock, long toBlock) {
    return new Function(
        "anchor",
        List.of(new Bytes32(root), new Uint64(fromBlock), new Uint64(toBlock)),
        List.of(new TypeReference<Uint256>() {}));
  }

  static Function setAnchorer(String account, boolean allowed) {
    return new Function("setAnchorer", List.of(new Address(account), new Bool(allowed)), List.of());
  }

  static Function isAnchorer(String account) {
    return new Function(
        "isAnchorer", List.of(new Address(account)), List.of(new TypeReference<Bool>() {}));
  }

  static Function nextBlock() {
    return new Function("nextBlock", List.of(), List.of(new TypeReference<Uint64>() {}));
  }

  static Function anchorCount() {
    return new Function("anchorCount", List.of(), List.of(new TypeReference<Uint256>() {}));
  }

  static Function anchorAt(long index) {
    return new Function(
        "anchorAt",
        List.of(new Uint256(index)),
        List.of(
            new TypeReference<Bytes32>() {},
            new TypeReference<Uint64>() {},
            new TypeReference<Uint64>() {},
            new TypeReference<Address>() {},
            new TypeReference<Uint64>() {}));
  }

  static Function anchorIndexOf(long blockNumber) {
    return new Function(
        "anchorIndexOf",
        List.of(new Uint64(blockNumber)),
        List.of(new TypeReference<Uint256>() {}));
  }

  static Function owner() {
    return new Function("owner", List.of(), List.of(new TypeReference<Address>() {}));
  }

  static String encode(Function function) {
    return FunctionEncoder.encode(function);
  }
}
