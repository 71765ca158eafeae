package cn.xianglian.chaincode.grid.domain;

import cn.xianglian.chaincode.domain.Actor;
import java.time.OffsetDateTime;

/**
 * A grid worker (网格员), pseudonymous on the ledger: id, MSP, current grid and the salted hash of the
 * personal data held in the private collection.
 */
public record GridWorker(
    String workerId,
    String mspId,
    String gridId,
    String personalHash,
    String assignedBy,
    OffsetDateTime assignedAt,
    String txId) {

  /** True when {@code actor} is this worker (same MSP and party id). */
  public boolean is(Actor actor) {
    return actor.mspId().equals(mspId) && actor.partyId().equals(workerId);
  }
}
