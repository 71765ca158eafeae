package cn.xianglian.chaincode.finance.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Deterministic anomaly rules auditors read for a village's month, each with its evidence (the
 * vouchers or publications behind it). They flag; they never block (blocking rules are errors).
 *
 * <ul>
 *   <li>{@code SPLIT_UNDER_THRESHOLD}: two or more posted payments in the month to one
 *       counterparty, each below the 大额资金 threshold, together at or above it.
 *   <li>{@code ROUND_SUM_CASH_WITHDRAWAL}: a posted withdrawal (debit 101 库存现金, credit a 102 银行存款
 *       account) of at least {@link #ROUND_SUM_MIN_FEN} that is a multiple of {@link
 *       #ROUND_SUM_UNIT_FEN}.
 *   <li>{@code BACK_DATED_ENTRY}: a posted voucher recorded in a later month than its date (an
 *       entry into an already closed month is refused as PERIOD_CLOSED; this flags what was still
 *       open).
 *   <li>{@code LATE_DISCLOSURE}: a publication of the month's disclosure period published after its
 *       due date.
 * </ul>
 *
 * A payment is a voucher with a credit line on 101 库存现金 or a 102 银行存款 account; its counterparty is
 * the first counterparty named on its lines.
 */
public final class Anomalies {

  /** Smallest cash withdrawal the round-sum rule looks at: ¥5,000.00. */
  public static final long ROUND_SUM_MIN_FEN = 500_000;

  /** A round sum is a multiple of ¥1,000.00. */
  public static final long ROUND_SUM_UNIT_FEN = 100_000;

  /** Payments from ¥5,000.00 on are expected to name their contract. */
  public static final long CONTRACT_EXPECTED_FEN = 500_000;

  private Anomalies() {}

  /** One flagged finding and its evidence. */
  public record Anomaly(
      String rule,
      String detail,
      long amountFen,
      String counterparty,
      List<String> voucherIds,
      List<String> publicationIds) {}

  /** The anomalies of a village's month. */
  public record Report(RegionCode village, String period, List<Anomaly> anomalies) {}

  /**
   * Runs every rule over the village's posted vouchers dated in {@code period} and its publications
   * for that period.
   */
  public static Report detect(
      RegionCode village,
      String period,
      List<Voucher> postedInPeriod,
      ApprovalRules rules,
      List<Publication> publications) {
    List<Voucher> vouchers = TrialBalance.sorted(postedInPeriod);
    List<Anomaly> found = new ArrayList<>();
    splitPayments(vouchers, rules, found);
    for (Voucher voucher : vouchers) {
      long withdrawn = cashWithdrawal(voucher);
      if (withdrawn >= ROUND_SUM_MIN_FEN && withdrawn % ROUND_SUM_UNIT_FEN == 0) {
        found.add(
            new Anomaly(
                "ROUND_SUM_CASH_WITHDRAWAL",
                "round-sum cash withdrawal",
                withdrawn,
                null,
                List.of(voucher.voucherId()),
                List.of()));
      }
    }
    for (Voucher voucher : vouchers) {
      LocalDate recorded = voucher.steps().get(0).time().toLocalDate();
      if (Period.of(recorded).compareTo(Period.next(voucher.period())) > 0) {
        found.add(
            new Anomaly(
                "BACK_DATED_ENTRY",
                "dated " + voucher.date() + ", recorded " + recorded,
                voucher.magnitudeFen(),
                null,
                List.of(voucher.voucherId()),
                List.of()));
      }
    }
    for (Voucher voucher : vouchers) {
      long paid = paid(voucher);
      if (voucher.reverses() == null
          && paid >= CONTRACT_EXPECTED_FEN
          && voucher.lines().stream().allMatch(l -> l.contractId() == null)) {
        found.add(
            new Anomaly(
                "PAYMENT_WITHOUT_CONTRACT",
                "payment names no contract",
                paid,
                counterparty(voucher),
                List.of(voucher.voucherId()),
                List.of()));
      }
    }
    for (Publication publication : publications) {
      if (publication.late()) {
        found.add(
            new Anomaly(
                "LATE_DISCLOSURE",
                "item " + publication.itemCode() + " due " + publication.dueOn(),
                0,
                null,
                List.of(),
                List.of(publication.publicationId())));
      }
    }
    return new Report(village, period, found);
  }

  private static void splitPayments(
      List<Voucher> vouchers, ApprovalRules rules, List<Anomaly> found) {
    Map<String, List<Voucher>> byCounterparty = new TreeMap<>();
    for (Voucher voucher : vouchers) {
      String counterparty = counterparty(voucher);
      if (voucher.reverses() == null && counterparty != null && paid(voucher) > 0) {
        byCounterparty.computeIfAbsent(counterparty, c -> new ArrayList<>()).add(voucher);
      }
    }
    byCounterparty.forEach(
        (counterparty, payments) -> {
          if (payments.size() < 2
              || payments.stream().anyMatch(p -> paid(p) >= rules.largeAmountFen())) {
            return;
          }
          long total = 0;
          for (Voucher payment : payments) {
            total = Money.add(total, paid(payment));
          }
          if (total >= rules.largeAmountFen()) {
            found.add(
                new Anomaly(
                    "SPLIT_UNDER_THRESHOLD",
                    payments.size() + " payments each below " + rules.largeAmountFen() + " fen",
                    total,
                    counterparty,
                    payments.stream().map(Voucher::voucherId).toList(),
                    List.of()));
          }
        });
  }

  private static boolean isCash(String account) {
    return account.startsWith("101");
  }

  private static boolean isBank(String account) {
    return account.startsWith("102");
  }

  /** What a voucher paid out of cash and bank accounts together (0 when nothing left them). */
  static long paid(Voucher voucher) {
    long paid = 0;
    for (VoucherLine line : voucher.lines()) {
      if (isCash(line.account()) || isBank(line.account())) {
        paid = Money.add(paid, Money.add(line.creditFen(), Money.negate(line.debitFen())));
      }
    }
    return Math.max(0, paid);
  }

  /** The cash a voucher moved from bank to cash (0 when it is not a withdrawal). */
  static long cashWithdrawal(Voucher voucher) {
    boolean fromBank =
        voucher.lines().stream().anyMatch(l -> isBank(l.account()) && l.creditFen() > 0);
    long toCash = 0;
    for (VoucherLine line : voucher.lines()) {
      if (isCash(line.account())) {
        toCash = Money.add(toCash, line.debitFen());
      }
    }
    return fromBank ? toCash : 0;
  }

  private static String counterparty(Voucher voucher) {
    return voucher.lines().stream()
        .map(VoucherLine::counterparty)
        .filter(c -> c != null)
        .findFirst()
        .orElse(null);
  }
}
