package cn.xianglian.chaincode.finance.domain;

import static cn.xianglian.chaincode.domain.ErrorCode.AMOUNT_INVALID;
import static cn.xianglian.chaincode.domain.ErrorCode.INVALID_STATE;

import cn.xianglian.chaincode.domain.RegionCode;
import cn.xianglian.chaincode.domain.XlException;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A dividend distribution (分红) of a shareholding co-operative, computed from the members' shares
 * and tied to the posted voucher that booked it (收益分配 debited). Allocation rule {@value #RULE}:
 * each member first gets {@code floor(totalFen × shares ÷ totalShares)} 分; the fen left over (fewer
 * than the number of members) go one each to the members with the largest remainders of that
 * division, ties broken by more shares, then by member id in ascending order. The allocations
 * therefore add up exactly to {@code totalFen}, and the same members and total always give the same
 * figures.
 */
public record Distribution(
    String distributionId,
    String cooperativeId,
    RegionCode village,
    String year,
    long totalFen,
    String voucherId,
    String voucherPostedTxId,
    long totalShares,
    String rule,
    List<Allocation> allocations,
    String distributedBy,
    String txId,
    OffsetDateTime distributedAt) {

  /** The name of the allocation rule, stored with every distribution. */
  public static final String RULE = "FLOOR_THEN_LARGEST_REMAINDER";

  public Distribution {
    allocations = List.copyOf(allocations);
  }

  /** One member's dividend. */
  public record Allocation(String memberId, long shares, long amountFen) {}

  /**
   * Splits {@code totalFen} over {@code members} by {@link #RULE}; AMOUNT_INVALID unless {@code
   * totalFen} > 0, INVALID_STATE when there are no members (or no shares).
   */
  public static List<Allocation> allocate(long totalFen, List<CooperativeMember> members) {
    XlException.check(totalFen > 0, AMOUNT_INVALID, "a dividend must be > 0");
    long totalShares = 0;
    for (CooperativeMember member : members) {
      totalShares = Money.add(totalShares, member.shares());
    }
    XlException.check(totalShares > 0, INVALID_STATE, "the co-operative has no members");
    BigInteger total = BigInteger.valueOf(totalFen);
    BigInteger shares = BigInteger.valueOf(totalShares);
    record Share(CooperativeMember member, long floorFen, BigInteger remainder) {}
    List<Share> computed = new ArrayList<>();
    long allocated = 0;
    for (CooperativeMember member : members) {
      BigInteger[] qr =
          total.multiply(BigInteger.valueOf(member.shares())).divideAndRemainder(shares);
      long floor = qr[0].longValueExact();
      allocated = Money.add(allocated, floor);
      computed.add(new Share(member, floor, qr[1]));
    }
    long left = totalFen - allocated;
    List<Share> byRemainder =
        computed.stream()
            .sorted(
                Comparator.comparing(Share::remainder, Comparator.reverseOrder())
                    .thenComparing(s -> s.member().shares(), Comparator.reverseOrder())
                    .thenComparing(s -> s.member().memberId()))
            .toList();
    java.util.Set<String> extra = new java.util.HashSet<>();
    for (int i = 0; i < left; i++) {
      extra.add(byRemainder.get(i).member().memberId());
    }
    return computed.stream()
        .sorted(Comparator.comparing(s -> s.member().memberId()))
        .map(
            s ->
                new Allocation(
                    s.member().memberId(),
                    s.member().shares(),
                    s.floorFen() + (extra.contains(s.member().memberId()) ? 1 : 0)))
        .toList();
  }
}
