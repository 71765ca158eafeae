package cn.xianglian.ledger;

import java.time.Instant;

/**
 * What the ledger records about one transaction: the block holding it, its validation result, the
 * organisation (MSP) that signed it and the timestamp the client put in its header.
 */
public record TransactionInfo(
    String txId,
    long blockNumber,
    int indexInBlock,
    ValidationCode validationCode,
    String creatorMspId,
    Instant timestamp,
    String function) {

  public boolean valid() {
    return validationCode == ValidationCode.VALID;
  }
}
