package cn.xianglian.ledger;

/** A committed, valid transaction: its id, the block that holds it and the chaincode's result. */
public record Submitted(String txId, long blockNumber, byte[] result) {

  public String resultText() {
    return new String(result, java.nio.charset.StandardCharsets.UTF_8);
  }
}
