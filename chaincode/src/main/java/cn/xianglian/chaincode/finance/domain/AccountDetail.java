package cn.xianglian.chaincode.finance.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The detail ledger (明细账) of one account and its sub-accounts for a month: the opening balance,
 * every posted entry with the voucher and the transaction behind it and the running balance, and
 * the closing balance; amounts in 分, balances debit-positive.
 */
public record AccountDetail(
    RegionCode village,
    String account,
    String name,
    String period,
    long openingFen,
    List<Entry> entries,
    long debitFen,
    long creditFen,
    long closingFen) {

  /** One posted entry. */
  public record Entry(
      String voucherId,
      String postedTxId,
      LocalDate date,
      String account,
      String summary,
      long debitFen,
      long creditFen,
      long balanceFen) {}

  /** Computes the detail of {@code account} from the village's posted vouchers (any order). */
  public static AccountDetail compute(
      RegionCode village, String account, String period, Books books, List<Voucher> posted) {
    long opening = 0;
    long debit = 0;
    long credit = 0;
    List<Entry> entries = new ArrayList<>();
    long balance = 0;
    for (Voucher voucher : TrialBalance.sorted(posted)) {
      int order = voucher.period().compareTo(period);
      if (order > 0) {
        continue;
      }
      for (VoucherLine line : voucher.lines()) {
        if (!line.account().startsWith(account)) {
          continue;
        }
        long net = Money.add(line.debitFen(), Money.negate(line.creditFen()));
        if (order < 0) {
          opening = Money.add(opening, net);
          balance = opening;
        } else {
          debit = Money.add(debit, line.debitFen());
          credit = Money.add(credit, line.creditFen());
          balance = Money.add(balance, net);
          entries.add(
              new Entry(
                  voucher.voucherId(),
                  voucher.step(VoucherStatus.POSTED).map(VoucherStep::txId).orElse(null),
                  voucher.date(),
                  line.account(),
                  line.summary() == null ? voucher.summary() : line.summary(),
                  line.debitFen(),
                  line.creditFen(),
                  balance));
        }
      }
    }
    return new AccountDetail(
        village,
        account,
        books.account(account).map(Account::name).orElse(null),
        period,
        opening,
        entries,
        debit,
        credit,
        Money.add(opening, Money.add(debit, Money.negate(credit))));
  }
}
