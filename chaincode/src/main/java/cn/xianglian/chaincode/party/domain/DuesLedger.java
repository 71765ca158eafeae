package cn.xianglian.chaincode.party.domain;

import static cn.xianglian.chaincode.domain.ErrorCode.AMOUNT_INVALID;

import cn.xianglian.chaincode.domain.Require;
import cn.xianglian.chaincode.domain.XlException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The amount a month's dues must have, and the months members still owe. */
public final class DuesLedger {

  /** Consecutive unpaid months after which a member counts as lapsed (连续六个月不交纳党费). */
  public static final int LAPSE_MONTHS = 6;

  private DuesLedger() {}

  /** A member's unpaid months up to a month; {@code lapsed} after six in a row at the end. */
  public record Arrears(String memberId, List<String> unpaidMonths, int trailing, boolean lapsed) {}

  /**
   * The salaried amount: {@code baseFen × rate} of the bracket holding the base, rounded half up to
   * a 分.
   */
  public static long salaried(PartyRules rules, long baseFen) {
    for (PartyRules.DuesBracket bracket : rules.duesBrackets()) {
      if (bracket.upToFen() == null || baseFen <= bracket.upToFen()) {
        return BigDecimal.valueOf(baseFen)
            .multiply(BigDecimal.valueOf(bracket.basisPoints()))
            .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP)
            .longValueExact();
      }
    }
    throw new IllegalStateException("the last bracket has no upper bound");
  }

  /** AMOUNT_INVALID unless {@code amountFen} is what the rules ask of this category and base. */
  public static void requireAmount(
      PartyRules rules, Dues.Category category, Long baseFen, long amountFen) {
    if (category == Dues.Category.SALARIED) {
      long due = salaried(rules, baseFen);
      XlException.check(
          amountFen == due,
          AMOUNT_INVALID,
          "dues on a base of " + baseFen + " fen are " + due + " fen, not " + amountFen);
      return;
    }
    PartyRules.FlatDues flat =
        rules
            .flat(category)
            .orElseThrow(
                () ->
                    new XlException(
                        AMOUNT_INVALID, "rules v" + rules.version() + " have no " + category));
    XlException.check(
        amountFen >= flat.minFen() && amountFen <= flat.maxFen(),
        AMOUNT_INVALID,
        category + " dues are " + flat.minFen() + ".." + flat.maxFen() + " fen, not " + amountFen);
  }

  /**
   * The months from the member's first dues month (or {@code from}, when later; null for none)
   * through {@code through} without a payment.
   */
  public static Arrears arrears(Member member, List<Dues> paid, YearMonth from, YearMonth through) {
    Require.present("through", through);
    List<String> unpaid = new ArrayList<>();
    int trailing = 0;
    if (member.stage().isMember()) {
      Set<String> months = new HashSet<>();
      paid.forEach(d -> months.add(d.month()));
      YearMonth month = member.duesFrom().orElseThrow();
      if (from != null && from.isAfter(month)) {
        month = from;
      }
      for (; !month.isAfter(through); month = month.plusMonths(1)) {
        if (months.contains(month.toString())) {
          trailing = 0;
        } else {
          unpaid.add(month.toString());
          trailing++;
        }
      }
    }
    return new Arrears(member.memberId(), unpaid, trailing, trailing >= LAPSE_MONTHS);
  }
}
