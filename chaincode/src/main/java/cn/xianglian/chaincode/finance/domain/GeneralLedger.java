package cn.xianglian.chaincode.finance.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The general ledger (总账) of a village for a year, from posted vouchers only: per account (leaf
 * accounts and the parents that sum them) and per month the opening balance, the month's debits and
 * credits and the closing balance, in 分 and signed debit-positive as in the {@link TrialBalance}.
 * Every month's figures list the posted vouchers behind them with the transaction that posted each,
 * so each figure can be traced. Months without entries are listed too (their opening equals their
 * closing), so a year always has 12 months per account that has a balance or entries. An optional
 * account narrows the ledger to that account and its sub-accounts.
 */
public record GeneralLedger(
    RegionCode village, String year, String fromClose, List<AccountYear> accounts) {

  /** One account's year. */
  public record AccountYear(
      String code,
      String name,
      Side side,
      boolean leaf,
      long openingFen,
      long debitFen,
      long creditFen,
      long closingFen,
      List<Month> months) {}

  /** One account's month, with the posted vouchers (and their posting tx) behind its figures. */
  public record Month(
      String period,
      long openingFen,
      long debitFen,
      long creditFen,
      long closingFen,
      List<TrialBalance.Source> vouchers) {}

  /**
   * Computes the ledger of {@code year} ({@code yyyy}); {@code snapshot} is a close before the
   * year's first month (or empty) and {@code posted} the posted vouchers after it up to the year's
   * end (vouchers outside that range are ignored).
   */
  public static GeneralLedger compute(
      RegionCode village,
      String year,
      String account,
      Books books,
      Optional<PeriodClose> snapshot,
      List<Voucher> posted) {
    String first = year + "-01";
    String last = year + "-12";
    String from = snapshot.map(PeriodClose::period).orElse("");
    if (from.compareTo(first) >= 0) {
      throw new IllegalArgumentException("snapshot " + from + " is not before " + first);
    }
    // per leaf: opening of the year, then 12 x (debit, credit) and the vouchers of each month
    Map<String, long[]> figures = new TreeMap<>();
    Map<String, List<List<TrialBalance.Source>>> sources = new TreeMap<>();
    snapshot.ifPresent(
        close ->
            close.balances().stream()
                .filter(b -> account == null || FundBalance.within(b.account(), account))
                .forEach(b -> figures.put(b.account(), newFigures(b.closingFen()))));
    for (Voucher voucher : TrialBalance.sorted(posted)) {
      String period = voucher.period();
      if (period.compareTo(from) <= 0 || period.compareTo(last) > 0) {
        continue;
      }
      boolean inYear = period.compareTo(first) >= 0;
      int month = inYear ? Integer.parseInt(period.substring(5)) : 0;
      for (VoucherLine line : voucher.lines()) {
        if (account != null && !FundBalance.within(line.account(), account)) {
          continue;
        }
        long[] f = figures.computeIfAbsent(line.account(), code -> newFigures(0));
        if (!inYear) {
          f[0] = Money.add(f[0], Money.add(line.debitFen(), Money.negate(line.creditFen())));
          continue;
        }
        f[month * 2 - 1] = Money.add(f[month * 2 - 1], line.debitFen());
        f[month * 2] = Money.add(f[month * 2], line.creditFen());
        List<TrialBalance.Source> list =
            sources.computeIfAbsent(line.account(), code -> emptyMonths()).get(month - 1);
        if (list.isEmpty() || !list.get(list.size() - 1).voucherId().equals(voucher.voucherId())) {
          list.add(
              new TrialBalance.Source(
                  voucher.voucherId(),
                  voucher.date(),
                  voucher.step(VoucherStatus.POSTED).map(VoucherStep::txId).orElse(null)));
        }
      }
    }
    // roll leaves up into their parents
    Map<String, long[]> rolled = new TreeMap<>();
    Map<String, List<List<TrialBalance.Source>>> rolledSources = new TreeMap<>();
    Map<String, Boolean> leaf = new TreeMap<>();
    for (Map.Entry<String, long[]> entry : figures.entrySet()) {
      for (String code = entry.getKey(); code != null; code = Account.parentOf(code)) {
        if (account != null && !FundBalance.within(code, account)) {
          break;
        }
        leaf.merge(code, code.equals(entry.getKey()), (a, b) -> a && b);
        long[] sum = rolled.computeIfAbsent(code, c -> newFigures(0));
        for (int i = 0; i < sum.length; i++) {
          sum[i] = Money.add(sum[i], entry.getValue()[i]);
        }
        List<List<TrialBalance.Source>> months =
            rolledSources.computeIfAbsent(code, c -> emptyMonths());
        List<List<TrialBalance.Source>> own = sources.get(entry.getKey());
        if (own != null) {
          for (int m = 0; m < 12; m++) {
            months.get(m).addAll(own.get(m));
          }
        }
      }
    }
    List<AccountYear> accounts = new ArrayList<>();
    for (Map.Entry<String, long[]> entry : rolled.entrySet()) {
      long[] f = entry.getValue();
      Optional<Account> known = books.account(entry.getKey());
      List<Month> months = new ArrayList<>();
      long balance = f[0];
      long debit = 0;
      long credit = 0;
      for (int m = 1; m <= 12; m++) {
        long closing = Money.add(balance, Money.add(f[m * 2 - 1], Money.negate(f[m * 2])));
        List<TrialBalance.Source> behind =
            rolledSources.get(entry.getKey()).get(m - 1).stream()
                .sorted(
                    java.util.Comparator.comparing(TrialBalance.Source::date)
                        .thenComparing(TrialBalance.Source::voucherId))
                .distinct()
                .toList();
        months.add(
            new Month(
                "%s-%02d".formatted(year, m), balance, f[m * 2 - 1], f[m * 2], closing, behind));
        debit = Money.add(debit, f[m * 2 - 1]);
        credit = Money.add(credit, f[m * 2]);
        balance = closing;
      }
      accounts.add(
          new AccountYear(
              entry.getKey(),
              known.map(Account::name).orElse(null),
              known.map(Account::side).orElse(null),
              leaf.get(entry.getKey()),
              f[0],
              debit,
              credit,
              balance,
              months));
    }
    return new GeneralLedger(
        village, year, snapshot.map(PeriodClose::period).orElse(null), accounts);
  }

  private static long[] newFigures(long opening) {
    long[] f = new long[25];
    f[0] = opening;
    return f;
  }

  private static List<List<TrialBalance.Source>> emptyMonths() {
    List<List<TrialBalance.Source>> months = new ArrayList<>();
    for (int m = 0; m < 12; m++) {
      months.add(new ArrayList<>());
    }
    return months;
  }
}
