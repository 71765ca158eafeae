package cn.xianglian.ledger.anchor.evm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.crypto.Hash;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The hand-written wrapper against the ABI the build compiled: no selector may drift. */
class AnchorContractTest {

  static Map<String, String> compiledSignatures() throws Exception {
    JsonNode abi;
    try (InputStream in = AnchorContract.class.getResourceAsStream(AnchorContract.ABI_RESOURCE)) {
      assertThat(in).as("the build writes " + AnchorContract.ABI_RESOURCE).isNotNull();
      abi = JsonMapper.builder().build().readTree(in);
    }
    Map<String, String> signatures = new HashMap<>();
    for (JsonNode entry : abi) {
      if (!entry.has("name")) {
        continue;
      }
      StringJoiner types = new StringJoiner(",", "(", ")");
      for (JsonNode input : entry.get("inputs")) {
        types.add(input.get("type").stringValue());
      }
      signatures.put(
          entry.get("type").stringValue() + " " + entry.get("name").stringValue(),
          entry.get("name").stringValue() + types);
    }
    return signatures;
  }

  static String selector(String signature) {
    return Hash.sha3String(signature).substring(0, 10);
  }

  @Test
  @DisplayName("every function the wrapper encodes has the selector of the compiled contract")
  void selectorsMatchCompiledAbi() throws Exception {
    Map<String, String> compiled = compiledSignatures();
    Function[] wrapped = {
      AnchorContract.anchor(new byte[32], 0, 1),
      AnchorContract.setAnchorer("0x0000000000000000000000000000000000000001", true),
      AnchorContract.isAnchorer("0x0000000000000000000000000000000000000001"),
      AnchorContract.nextBlock(),
      AnchorContract.anchorCount(),
      AnchorContract.anchorAt(0),
      AnchorContract.anchorIndexOf(0),
      AnchorContract.owner()
    };
    for (Function function : wrapped) {
      String signature = compiled.get("function " + function.getName());
      assertThat(signature).as(function.getName() + " in the ABI").isNotNull();
      assertThat(FunctionEncoder.encode(function)).startsWith(selector(signature));
    }
  }

  @Test
  @DisplayName("the Anchored event topic is the compiled event's signature hash")
  void eventTopicMatches() throws Exception {
    assertThat(AnchorContract.ANCHORED_TOPIC)
        .isEqualTo(Hash.sha3String(compiledSignatures().get("event Anchored")));
  }

  @Test
  @DisplayName(
      "the creation bytecode is on the class path and takes the first block as its argument")
  void bytecode() {
    String bin = AnchorContract.binary();
    assertThat(bin).matches("[0-9a-f]+").hasSizeGreaterThan(1_000);
    assertThat(AnchorContract.deployData(7)).endsWith("0".repeat(63) + "7");
  }
}
