package cn.xianglian.chaincode.finance.domain;

import static cn.xianglian.chaincode.domain.ErrorCode.ALREADY_EXISTS;
import static cn.xianglian.chaincode.domain.ErrorCode.AMOUNT_INVALID;
import static cn.xianglian.chaincode.domain.ErrorCode.COOPERATIVE_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.FUND_ACCOUNT_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.INVALID_STATE;
import static cn.xianglian.chaincode.domain.ErrorCode.VOUCHER_NOT_FOUND;

import cn.xianglian.chaincode.domain.Actor;
import cn.xianglian.chaincode.domain.Require;
import cn.xianglian.chaincode.domain.Role;
import cn.xianglian.chaincode.domain.Tx;
import cn.xianglian.chaincode.domain.XlException;
import cn.xianglian.chaincode.finance.domain.RegisterCommands.DistributeDividend;
import cn.xianglian.chaincode.finance.domain.RegisterCommands.ReconcileFund;
import cn.xianglian.chaincode.finance.domain.RegisterCommands.RegisterCooperative;
import cn.xianglian.chaincode.finance.domain.RegisterCommands.RegisterFundAccount;
import cn.xianglian.chaincode.finance.domain.RegisterCommands.RegisterMember;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The decisions of the funds register and the shareholding co-operatives (the village's 报账员 records
 * them). Each checks in the order of the error catalogue and returns what to write.
 */
public final class RegisterRules {

  /** The chart account a dividend voucher debits: 322 收益分配 (or one of its sub-accounts). */
  public static final String PROFIT_DISTRIBUTION = "322";

  private RegisterRules() {}

  // ---- funds ------------------------------------------------------------------------------

  /**
   * A fund account tied to a leaf book account below 101/102 that no other fund account uses;
   * opened no later than today.
   */
  public static FundAccount registerFundAccount(
      RegisterFundAccount cmd,
      Actor actor,
      Books books,
      Optional<String> fundOnAccount,
      boolean taken,
      Tx tx) {
    Require.argument(!cmd.openedOn().isAfter(tx.time().toLocalDate()), "openedOn is in the future");
    actor.requireRole(Role.VILLAGE);
    actor.requireInScope(cmd.village());
    books.require(cmd.account());
    XlException.check(!taken, ALREADY_EXISTS, "fund account " + cmd.fundAccountId() + " exists");
    books.requireLeaf(cmd.account());
    XlException.check(
        fundOnAccount.isEmpty(),
        INVALID_STATE,
        "account " + cmd.account() + " is already fund account " + fundOnAccount.orElse(""));
    return new FundAccount(
        cmd.fundAccountId(),
        cmd.village(),
        cmd.kind(),
        cmd.account(),
        cmd.name(),
        cmd.bankName(),
        cmd.accountNoLast4(),
        cmd.openedOn(),
        actor.party(),
        tx.txId(),
        tx.time());
  }

  /**
   * A reconciliation on a day between the account's opening and today; the statement (or count) is
   * not negative; {@code book} is the balance computed from posted vouchers up to that day.
   */
  public static FundReconciliation reconcileFund(
      ReconcileFund cmd,
      Actor actor,
      Optional<FundAccount> loaded,
      Function<FundAccount, FundBalance> book,
      boolean taken,
      Tx tx) {
    Require.argument(!cmd.asOf().isAfter(tx.time().toLocalDate()), "asOf is in the future");
    actor.requireRole(Role.VILLAGE);
    FundAccount fund =
        loaded.orElseThrow(
            () ->
                new XlException(FUND_ACCOUNT_NOT_FOUND, "no fund account " + cmd.fundAccountId()));
    actor.requireInScope(fund.village());
    XlException.check(
        !taken, ALREADY_EXISTS, "reconciliation " + cmd.reconciliationId() + " exists");
    Require.argument(!cmd.asOf().isBefore(fund.openedOn()), "asOf is before the account opened");
    XlException.check(cmd.statementFen() >= 0, AMOUNT_INVALID, "statementFen must be >= 0");
    FundBalance balance = book.apply(fund);
    long difference = Money.add(cmd.statementFen(), Money.negate(balance.balanceFen()));
    return new FundReconciliation(
        cmd.reconciliationId(),
        fund.fundAccountId(),
        fund.village(),
        fund.account(),
        cmd.asOf(),
        cmd.statementFen(),
        balance.balanceFen(),
        difference,
        difference == 0,
        balance.fromClose(),
        balance.voucherIds(),
        actor.party(),
        tx.txId(),
        tx.time());
  }

  // ---- shareholding co-operatives ---------------------------------------------------------

  public static Cooperative registerCooperative(
      RegisterCooperative cmd, Actor actor, boolean taken, Tx tx) {
    Require.argument(
        !cmd.foundedOn().isAfter(tx.time().toLocalDate()), "foundedOn is in the future");
    actor.requireRole(Role.VILLAGE);
    actor.requireInScope(cmd.village());
    XlException.check(!taken, ALREADY_EXISTS, "co-operative " + cmd.cooperativeId() + " exists");
    return new Cooperative(
        cmd.cooperativeId(),
        cmd.village(),
        cmd.name(),
        cmd.foundedOn(),
        actor.party(),
        tx.txId(),
        tx.time());
  }

  /** A member of a co-operative of the caller's village, known publicly only by its hash. */
  public static CooperativeMember registerMember(
      RegisterMember cmd,
      Actor actor,
      Optional<Cooperative> loaded,
      String memberHash,
      boolean taken,
      Tx tx) {
    Require.argument(!cmd.joinedOn().isAfter(tx.time().toLocalDate()), "joinedOn is in the future");
    actor.requireRole(Role.VILLAGE);
    Cooperative cooperative = requireCooperative(loaded, cmd.cooperativeId());
    actor.requireInScope(cooperative.village());
    XlException.check(
        !taken,
        ALREADY_EXISTS,
        "member " + cmd.memberId() + " of " + cmd.cooperativeId() + " exists");
    return new CooperativeMember(
        cmd.cooperativeId(),
        cmd.memberId(),
        cooperative.village(),
        memberHash,
        cmd.shares(),
        cmd.joinedOn(),
        actor.party(),
        tx.txId(),
        tx.time());
  }

  /**
   * A dividend distribution over the members' shares, tied to a posted voucher of the same village
   * and year whose 收益分配 (322) debits equal the total; one distribution per voucher.
   */
  public static Distribution distributeDividend(
      DistributeDividend cmd,
      Actor actor,
      Optional<Cooperative> loaded,
      Optional<Voucher> voucher,
      Optional<String> distributionOfVoucher,
      List<CooperativeMember> members,
      boolean taken,
      Tx tx) {
    actor.requireRole(Role.VILLAGE);
    Cooperative cooperative = requireCooperative(loaded, cmd.cooperativeId());
    actor.requireInScope(cooperative.village());
    Voucher booked =
        voucher
            .filter(v -> v.village().equals(cooperative.village()))
            .orElseThrow(
                () ->
                    new XlException(
                        VOUCHER_NOT_FOUND,
                        "no voucher " + cmd.voucherId() + " of village " + cooperative.village()));
    XlException.check(!taken, ALREADY_EXISTS, "distribution " + cmd.distributionId() + " exists");
    XlException.check(cmd.totalFen() > 0, AMOUNT_INVALID, "a dividend must be > 0");
    long distributed = 0;
    for (VoucherLine line : booked.lines()) {
      if (FundBalance.within(line.account(), PROFIT_DISTRIBUTION)) {
        distributed = Money.add(distributed, line.debitFen());
      }
    }
    XlException.check(
        distributed == cmd.totalFen(),
        AMOUNT_INVALID,
        "voucher "
            + booked.voucherId()
            + " debits "
            + distributed
            + " fen to 322 收益分配, not "
            + cmd.totalFen());
    XlException.check(
        booked.status() == VoucherStatus.POSTED && booked.reverses() == null,
        INVALID_STATE,
        "voucher " + booked.voucherId() + " is not a posted dividend voucher");
    XlException.check(
        booked.period().startsWith(cmd.year() + "-"),
        INVALID_STATE,
        "voucher " + booked.voucherId() + " is not of " + cmd.year());
    XlException.check(
        distributionOfVoucher.isEmpty(),
        INVALID_STATE,
        "voucher " + booked.voucherId() + " already backs " + distributionOfVoucher.orElse(""));
    List<Distribution.Allocation> allocations = Distribution.allocate(cmd.totalFen(), members);
    long totalShares = 0;
    for (CooperativeMember member : members) {
      totalShares = Money.add(totalShares, member.shares());
    }
    return new Distribution(
        cmd.distributionId(),
        cooperative.cooperativeId(),
        cooperative.village(),
        cmd.year(),
        cmd.totalFen(),
        booked.voucherId(),
        booked.step(VoucherStatus.POSTED).map(VoucherStep::txId).orElse(null),
        totalShares,
        Distribution.RULE,
        allocations,
        actor.party(),
        tx.txId(),
        tx.time());
  }

  private static Cooperative requireCooperative(Optional<Cooperative> loaded, String id) {
    return loaded.orElseThrow(
        () -> new XlException(COOPERATIVE_NOT_FOUND, "no co-operative " + id));
  }
}
