package cn.xianglian.chaincode.finance.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A contract's payments against its schedule on a day: money settled through posted vouchers whose
 * cash or bank lines name the contract (receipts for INCOME, payments for EXPENSE) is allocated to
 * installments in due-date order; an installment due before today and not fully settled is overdue
 * (逾期); a contract ending within {@link #EXPIRING_DAYS} days is expiring (即将到期).
 */
public record ContractStatus(
    VillageContract contract,
    long settledFen,
    List<InstallmentStatus> installments,
    long overdueFen,
    boolean expiring,
    List<String> voucherIds) {

  /** Days before its end date from which a contract counts as expiring. */
  public static final int EXPIRING_DAYS = 30;

  /** One installment and what of it is settled. */
  public record InstallmentStatus(
      LocalDate dueOn, long amountFen, long settledFen, boolean overdue) {}

  public static ContractStatus of(VillageContract contract, List<Voucher> posted, LocalDate today) {
    long settled = 0;
    List<String> voucherIds = new ArrayList<>();
    for (Voucher voucher : TrialBalance.sorted(posted)) {
      long moved = 0;
      for (VoucherLine line : voucher.lines()) {
        if (contract.contractId().equals(line.contractId())
            && (line.account().startsWith("101") || line.account().startsWith("102"))) {
          moved =
              Money.add(
                  moved,
                  contract.direction() == VillageContract.Direction.INCOME
                      ? Money.add(line.debitFen(), Money.negate(line.creditFen()))
                      : Money.add(line.creditFen(), Money.negate(line.debitFen())));
        }
      }
      if (moved != 0) {
        settled = Money.add(settled, moved);
        voucherIds.add(voucher.voucherId());
      }
    }
    List<InstallmentStatus> installments = new ArrayList<>();
    long left = Math.max(0, settled);
    long overdue = 0;
    for (VillageContract.Installment installment : contract.schedule()) {
      long covered = Math.min(left, installment.amountFen());
      left -= covered;
      boolean late = installment.dueOn().isBefore(today) && covered < installment.amountFen();
      if (late) {
        overdue = Money.add(overdue, installment.amountFen() - covered);
      }
      installments.add(
          new InstallmentStatus(installment.dueOn(), installment.amountFen(), covered, late));
    }
    boolean expiring =
        !today.isAfter(contract.endDate())
            && !today.plusDays(EXPIRING_DAYS).isBefore(contract.endDate());
    return new ContractStatus(contract, settled, installments, overdue, expiring, voucherIds);
  }
}
