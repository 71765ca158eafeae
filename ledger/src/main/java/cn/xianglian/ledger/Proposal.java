package cn.xianglian.ledger;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A transaction to run: contract name, transaction name, string arguments and transient data (which
 * reaches the chaincode but is never written to a block, for private data).
 */
public record Proposal(
    String contract,
    String transaction,
    List<String> arguments,
    Map<String, byte[]> transientData) {

  public Proposal {
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(transaction, "transaction");
    arguments = List.copyOf(arguments);
    transientData = Map.copyOf(transientData);
  }

  public static Proposal of(String contract, String transaction, String... arguments) {
    return new Proposal(contract, transaction, List.of(arguments), Map.of());
  }

  /** A copy that also carries the given transient entry. */
  public Proposal withTransient(String key, String value) {
    var copy = new java.util.HashMap<>(transientData);
    copy.put(key, value.getBytes(StandardCharsets.UTF_8));
    return new Proposal(contract, transaction, arguments, copy);
  }

  /** The fully qualified function name the chaincode routes on, e.g. {@code trace:createBatch}. */
  public String function() {
    return contract + ":" + transaction;
  }
}
