package cn.xianglian.chaincode.finance.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The trial balance (试算平衡表) of a village for a month, computed from posted vouchers only: per
 * account the opening balance, the month's debits and credits and the closing balance, all in 分 and
 * signed debit-positive. Leaf rows carry the entries; parent rows sum their sub-accounts. {@code
 * vouchers} lists every voucher behind the month's figures with its posting transaction.
 */
public record TrialBalance(
    RegionCode village,
    String period,
    List<Row> rows,
    long openingDebitFen,
    long openingCreditFen,
    long debitFen,
    long creditFen,
    long closingDebitFen,
    long closingCreditFen,
    boolean balanced,
    List<Source> vouchers) {

  /** One account's figures; balances are debit-positive (a credit balance is negative). */
  public record Row(
      String code,
      String name,
      Side side,
      boolean leaf,
      long openingFen,
      long debitFen,
      long creditFen,
      long closingFen) {}

  /** A posted voucher behind the figures, and the transaction that posted it. */
  public record Source(String voucherId, LocalDate date, String postedTxId) {}

  /**
   * Computes the trial balance of {@code period} from {@code posted} (posted vouchers of the
   * village in {@code period} and before, any order; later ones are ignored).
   */
  public static TrialBalance compute(
      RegionCode village, String period, Books books, List<Voucher> posted) {
    return compute(village, period, books, java.util.Optional.empty(), posted);
  }

  /**
   * As {@link #compute(RegionCode, String, Books, List)}, starting from the closing balances of
   * {@code snapshot} (a close before {@code period}); vouchers of its period and earlier are
   * ignored, so {@code posted} needs only the vouchers after it.
   */
  public static TrialBalance compute(
      RegionCode village,
      String period,
      Books books,
      java.util.Optional<PeriodClose> snapshot,
      List<Voucher> posted) {
    Map<String, long[]> leaves = new TreeMap<>();
    String from = snapshot.map(PeriodClose::period).orElse("");
    snapshot.ifPresent(
        close -> {
          if (close.period().compareTo(period) >= 0) {
            throw new IllegalArgumentException(
                "snapshot " + close.period() + " is not before " + period);
          }
          close.balances().forEach(b -> leaves.put(b.account(), new long[] {b.closingFen(), 0, 0}));
        });
    List<Source> sources = new ArrayList<>();
    for (Voucher voucher : sorted(posted)) {
      int order = voucher.period().compareTo(period);
      if (order > 0 || voucher.period().compareTo(from) <= 0) {
        continue;
      }
      if (order == 0) {
        sources.add(
            new Source(
                voucher.voucherId(),
                voucher.date(),
                voucher.step(VoucherStatus.POSTED).map(VoucherStep::txId).orElse(null)));
      }
      for (VoucherLine line : voucher.lines()) {
        long[] figures = leaves.computeIfAbsent(line.account(), code -> new long[3]);
        long net = Money.add(line.debitFen(), Money.negate(line.creditFen()));
        if (order < 0) {
          figures[0] = Money.add(figures[0], net);
        } else {
          figures[1] = Money.add(figures[1], line.debitFen());
          figures[2] = Money.add(figures[2], line.creditFen());
        }
      }
    }
    Map<String, Row> rows = new TreeMap<>();
    long[] totals = new long[6];
    for (Map.Entry<String, long[]> entry : leaves.entrySet()) {
      long[] f = entry.getValue();
      long closing = Money.add(f[0], Money.add(f[1], Money.negate(f[2])));
      totals[f[0] >= 0 ? 0 : 1] = Money.add(totals[f[0] >= 0 ? 0 : 1], Money.abs(f[0]));
      totals[2] = Money.add(totals[2], f[1]);
      totals[3] = Money.add(totals[3], f[2]);
      totals[closing >= 0 ? 4 : 5] = Money.add(totals[closing >= 0 ? 4 : 5], Money.abs(closing));
      for (String code = entry.getKey(); code != null; code = Account.parentOf(code)) {
        boolean leaf = code.equals(entry.getKey());
        Row before = rows.get(code);
        Account account = books.account(code).orElse(null);
        rows.put(
            code,
            new Row(
                code,
                account == null ? null : account.name(),
                account == null ? null : account.side(),
                leaf,
                Money.add(before == null ? 0 : before.openingFen(), f[0]),
                Money.add(before == null ? 0 : before.debitFen(), f[1]),
                Money.add(before == null ? 0 : before.creditFen(), f[2]),
                Money.add(before == null ? 0 : before.closingFen(), closing)));
      }
    }
    return new TrialBalance(
        village,
        period,
        List.copyOf(rows.values()),
        totals[0],
        totals[1],
        totals[2],
        totals[3],
        totals[4],
        totals[5],
        totals[0] == totals[1] && totals[2] == totals[3] && totals[4] == totals[5],
        sources);
  }

  /** The closing balances of every leaf row (the snapshot a month close keeps). */
  public List<PeriodClose.Balance> closingBalances() {
    return rows.stream()
        .filter(Row::leaf)
        .map(row -> new PeriodClose.Balance(row.code(), row.closingFen()))
        .toList();
  }

  /** Posted vouchers in date order, then by id: the order of the books. */
  static List<Voucher> sorted(List<Voucher> posted) {
    return posted.stream()
        .sorted(java.util.Comparator.comparing(Voucher::date).thenComparing(Voucher::voucherId))
        .toList();
  }
}
