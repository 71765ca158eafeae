package cn.xianglian.chaincode.finance.domain;

import static cn.xianglian.chaincode.domain.ErrorCode.AMOUNT_INVALID;
import static cn.xianglian.chaincode.domain.ErrorCode.INVALID_STATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.xianglian.chaincode.domain.RegionCode;
import cn.xianglian.chaincode.domain.XlException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Dividend allocation (FLOOR_THEN_LARGEST_REMAINDER)")
class DistributionTest {

  private static final RegionCode VILLAGE = RegionCode.of("520122100201");

  private static CooperativeMember member(String id, long shares) {
    return new CooperativeMember(
        "COOP", id, VILLAGE, "h".repeat(64), shares, LocalDate.of(2020, 1, 1), "p", "tx", null);
  }

  private static List<Long> amounts(long total, CooperativeMember... members) {
    return Distribution.allocate(total, List.of(members)).stream()
        .map(Distribution.Allocation::amountFen)
        .toList();
  }

  @Test
  @DisplayName("the odd fen goes to the largest remainder: 100 000 over 3, 3, 1 shares")
  void largestRemainder() {
    // 300 000 / 7 = 42 857 r 1 (twice); 100 000 / 7 = 14 285 r 5 → the 1-share member gets it
    assertThat(amounts(100_000, member("A", 3), member("B", 3), member("C", 1)))
        .containsExactly(42_857L, 42_857L, 14_286L);
  }

  @Test
  @DisplayName("equal remainders: more shares first, then the smaller member id")
  void ties() {
    // 2 fen over 1 and 3 shares: 2/4 = 0 r 2, 6/4 = 1 r 2 → tie on remainder, B has more shares
    assertThat(amounts(2, member("A", 1), member("B", 3))).containsExactly(0L, 2L);
    // 1 fen over two equal members: tie on remainder and shares → member id A
    assertThat(amounts(1, member("B", 1), member("A", 1))).containsExactly(1L, 0L);
  }

  @Test
  @DisplayName("allocations always add up to the total, in member-id order")
  void addsUp() {
    for (long total : new long[] {1, 7, 99_999, 3_600_000, 123_456_789}) {
      List<CooperativeMember> members = new ArrayList<>();
      for (int i = 1; i <= 37; i++) {
        members.add(member("M%03d".formatted(i), 1 + (i * 7L) % 11));
      }
      List<Distribution.Allocation> allocations = Distribution.allocate(total, members);
      assertThat(allocations.stream().mapToLong(Distribution.Allocation::amountFen).sum())
          .as("total " + total)
          .isEqualTo(total);
      assertThat(allocations.get(0).memberId()).isEqualTo("M001");
    }
  }

  @Test
  @DisplayName("a dividend must be positive and needs members")
  void refusals() {
    assertThat(
            catchThrowableOfType(
                    XlException.class, () -> Distribution.allocate(0, List.of(member("A", 1))))
                .code())
        .isEqualTo(AMOUNT_INVALID);
    assertThat(
            catchThrowableOfType(XlException.class, () -> Distribution.allocate(100, List.of()))
                .code())
        .isEqualTo(INVALID_STATE);
  }
}
