package cn.xianglian.chaincode.finance.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The book balance of one account (and its sub-accounts) on a day, debit-positive in 分: the closing
 * balances a month close kept, plus the posted vouchers after that close dated up to the day. The
 * vouchers that moved the account are listed so the figure can be traced.
 *
 * @param account the account code
 * @param asOf the day (inclusive)
 * @param balanceFen the balance, debit-positive
 * @param fromClose the period of the close the balance started from, or null
 * @param voucherIds the posted vouchers after that close that moved the account, in book order
 */
public record FundBalance(
    String account, LocalDate asOf, long balanceFen, String fromClose, List<String> voucherIds) {

  public FundBalance {
    voucherIds = List.copyOf(voucherIds);
  }

  /**
   * Computes the balance; {@code snapshot} must be a close of a month before {@code asOf}'s month
   * and {@code posted} the posted vouchers after it (others are ignored).
   */
  public static FundBalance of(
      String account, LocalDate asOf, Optional<PeriodClose> snapshot, List<Voucher> posted) {
    long balance = 0;
    String from = snapshot.map(PeriodClose::period).orElse("");
    if (snapshot.isPresent()) {
      for (PeriodClose.Balance b : snapshot.get().balances()) {
        if (within(b.account(), account)) {
          balance = Money.add(balance, b.closingFen());
        }
      }
    }
    List<String> voucherIds = new ArrayList<>();
    for (Voucher voucher : TrialBalance.sorted(posted)) {
      if (voucher.period().compareTo(from) <= 0 || voucher.date().isAfter(asOf)) {
        continue;
      }
      long moved = 0;
      boolean touched = false;
      for (VoucherLine line : voucher.lines()) {
        if (within(line.account(), account)) {
          moved = Money.add(moved, Money.add(line.debitFen(), Money.negate(line.creditFen())));
          touched = true;
        }
      }
      if (touched) {
        balance = Money.add(balance, moved);
        voucherIds.add(voucher.voucherId());
      }
    }
    return new FundBalance(
        account, asOf, balance, snapshot.map(PeriodClose::period).orElse(null), voucherIds);
  }

  /** Whether {@code code} is {@code account} or one of its sub-accounts. */
  static boolean within(String code, String account) {
    return code.startsWith(account);
  }
}
