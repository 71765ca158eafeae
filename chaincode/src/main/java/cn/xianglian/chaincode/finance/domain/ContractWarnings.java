package cn.xianglian.chaincode.finance.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The contract warnings (合同预警) of a village on a day: every contract with an overdue installment
 * (逾期未收/未付), with the installments, their unpaid amounts and days overdue, and every contract
 * expiring within {@link ContractStatus#EXPIRING_DAYS} days (即将到期, time to renew or re-let). The
 * evidence is the schedule and the posted vouchers that settled it ({@code voucherIds}). Contracts
 * without either warning are left out.
 */
public record ContractWarnings(RegionCode village, LocalDate asOf, List<Warning> warnings) {

  public ContractWarnings {
    warnings = List.copyOf(warnings);
  }

  /** One contract's warning. */
  public record Warning(
      String contractId,
      VillageContract.Direction direction,
      String counterparty,
      String subject,
      LocalDate endDate,
      long amountFen,
      long settledFen,
      long overdueFen,
      List<Overdue> overdueInstallments,
      boolean expiring,
      List<String> voucherIds) {}

  /** An installment due before today and not fully settled. */
  public record Overdue(LocalDate dueOn, long amountFen, long unpaidFen, long daysOverdue) {}

  /** The warnings from each contract's status today (see {@link ContractStatus}). */
  public static ContractWarnings of(
      RegionCode village, List<ContractStatus> statuses, LocalDate today) {
    List<Warning> warnings = new ArrayList<>();
    for (ContractStatus status : statuses) {
      List<Overdue> overdue = new ArrayList<>();
      for (ContractStatus.InstallmentStatus installment : status.installments()) {
        if (installment.overdue()) {
          overdue.add(
              new Overdue(
                  installment.dueOn(),
                  installment.amountFen(),
                  installment.amountFen() - installment.settledFen(),
                  ChronoUnit.DAYS.between(installment.dueOn(), today)));
        }
      }
      if (overdue.isEmpty() && !status.expiring()) {
        continue;
      }
      VillageContract contract = status.contract();
      warnings.add(
          new Warning(
              contract.contractId(),
              contract.direction(),
              contract.counterparty(),
              contract.subject(),
              contract.endDate(),
              contract.amountFen(),
              status.settledFen(),
              status.overdueFen(),
              overdue,
              status.expiring(),
              status.voucherIds()));
    }
    return new ContractWarnings(village, today, warnings);
  }
}
