package cn.xianglian.chaincode.finance.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import cn.xianglian.chaincode.domain.Require;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A contract (合同) of a village's collective in the contracts register: counterparty, term, amount
 * and payment schedule, the document's hash and the 四议两公开 decision behind it. {@code INCOME}
 * contracts (leases of land, forest, water, buildings) bring money in; {@code EXPENSE} contracts
 * (construction, purchases, services) pay it out. Immutable once registered.
 */
public record VillageContract(
    String contractId,
    RegionCode village,
    Direction direction,
    String counterparty,
    String subject,
    LocalDate startDate,
    LocalDate endDate,
    long amountFen,
    List<Installment> schedule,
    String documentSha256,
    String decisionId,
    String registeredBy,
    String txId,
    OffsetDateTime registeredAt) {

  public VillageContract {
    schedule = List.copyOf(schedule);
  }

  /** Whether the collective receives or pays. */
  public enum Direction {
    INCOME,
    EXPENSE
  }

  /** One scheduled payment. */
  public record Installment(LocalDate dueOn, long amountFen) {
    public Installment {
      Require.present("installment.dueOn", dueOn);
    }
  }
}
