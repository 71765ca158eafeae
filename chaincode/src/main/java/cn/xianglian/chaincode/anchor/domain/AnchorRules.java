package cn.xianglian.chaincode.anchor.domain;

import static cn.xianglian.chaincode.domain.ErrorCode.ACCESS_DENIED;
import static cn.xianglian.chaincode.domain.ErrorCode.ALREADY_EXISTS;
import static cn.xianglian.chaincode.domain.ErrorCode.ANCHOR_RANGE_NOT_NEXT;

import cn.xianglian.chaincode.domain.Actor;
import cn.xianglian.chaincode.domain.Role;
import cn.xianglian.chaincode.domain.Tx;
import cn.xianglian.chaincode.domain.XlException;
import java.util.Optional;

/** The checks of {@code recordAnchor}, in the order docs/contract-anchor.md gives them. */
public final class AnchorRules {

  /** The organisation whose anchoring service records anchors. */
  public static final String COUNTY_MSP = "CountyOrgMSP";

  private AnchorRules() {}

  /** ACCESS_DENIED unless the caller is a {@code county} or {@code admin} of CountyOrgMSP. */
  public static void requireAnchorer(Actor actor) {
    actor.requireRole(Role.COUNTY, Role.ADMIN);
    XlException.check(
        COUNTY_MSP.equals(actor.mspId()), ACCESS_DENIED, "anchors are recorded by " + COUNTY_MSP);
  }

  /** A new record to write, or the existing one of a safe retry. */
  public record Recorded(AnchorRecord record, boolean retry) {}

  /**
   * Decides {@code recordAnchor} after the caller and the argument were checked. {@code last} is
   * the record with the highest {@code toBlock}, if any.
   */
  public static Recorded record(
      RecordAnchor cmd,
      Actor actor,
      Optional<AnchorRecord> existing,
      Optional<AnchorRecord> last,
      Tx tx) {
    if (existing.isPresent() && existing.get().sameContentAs(cmd)) {
      return new Recorded(existing.get(), true);
    }
    last.ifPresent(
        previous ->
            XlException.check(
                cmd.fromBlock() == previous.toBlock() + 1,
                ANCHOR_RANGE_NOT_NEXT,
                "fromBlock must be " + (previous.toBlock() + 1) + ", not " + cmd.fromBlock()));
    XlException.check(
        existing.isEmpty(),
        ALREADY_EXISTS,
        "anchor " + cmd.anchorIndex() + " exists with different content");
    return new Recorded(
        new AnchorRecord(
            cmd.anchorIndex(),
            cmd.channel(),
            cmd.fromBlock(),
            cmd.toBlock(),
            cmd.leafCount(),
            cmd.root(),
            cmd.lastBlockHash(),
            cmd.evm(),
            actor.party(),
            tx.time(),
            tx.txId()),
        false);
  }
}
