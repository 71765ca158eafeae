package cn.xianglian.ledger;

/** An event a valid transaction set with {@code stub.setEvent}. */
public record ChaincodeEvent(
    long blockNumber, String txId, String chaincodeName, String eventName, byte[] payload) {}
