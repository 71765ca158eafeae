package cn.xianglian.chaincode.domain;

import java.time.OffsetDateTime;
import java.util.Objects;

/** The transaction a decision runs in: its id and its (client-signed) timestamp. */
public record Tx(String txId, OffsetDateTime time) {

  public Tx {
    Objects.requireNonNull(txId, "txId");
    Objects.requireNonNull(time, "time");
  }
}
