package cn.xianglian.chaincode.finance.domain;

import static cn.xianglian.chaincode.domain.ErrorCode.ACCESS_DENIED;
import static cn.xianglian.chaincode.domain.ErrorCode.ALREADY_EXISTS;
import static cn.xianglian.chaincode.domain.ErrorCode.ALREADY_REVERSED;
import static cn.xianglian.chaincode.domain.ErrorCode.AMOUNT_INVALID;
import static cn.xianglian.chaincode.domain.ErrorCode.CATALOGUE_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.CHART_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.CONTRACT_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.DECISION_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.DECISION_REQUIRED;
import static cn.xianglian.chaincode.domain.ErrorCode.INVALID_STATE;
import static cn.xianglian.chaincode.domain.ErrorCode.OBJECTION_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.PERIOD_CLOSED;
import static cn.xianglian.chaincode.domain.ErrorCode.PUBLICATION_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.VOUCHER_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.VOUCHER_UNBALANCED;

import cn.xianglian.chaincode.domain.Actor;
import cn.xianglian.chaincode.domain.ErrorCode;
import cn.xianglian.chaincode.domain.RegionCode;
import cn.xianglian.chaincode.domain.Require;
import cn.xianglian.chaincode.domain.Role;
import cn.xianglian.chaincode.domain.Tx;
import cn.xianglian.chaincode.domain.XlException;
import cn.xianglian.chaincode.finance.domain.FinanceCommands.AnswerObjection;
import cn.xianglian.chaincode.finance.domain.FinanceCommands.ClosePeriod;
import cn.xianglian.chaincode.finance.domain.FinanceCommands.DefineApprovalRules;
import cn.xianglian.chaincode.finance.domain.FinanceCommands.DefineCatalogue;
import cn.xianglian.chaincode.finance.domain.FinanceCommands.DefineChart;
import cn.xianglian.chaincode.finance.domain.FinanceCommands.DefineSubAccount;
import cn.xianglian.chaincode.finance.domain.FinanceCommands.FileObjection;
import cn.xianglian.chaincode.finance.domain.FinanceCommands.PublishDisclosure;
import cn.xianglian.chaincode.finance.domain.FinanceCommands.RecordDecision;
import cn.xianglian.chaincode.finance.domain.FinanceCommands.RecordVoucher;
import cn.xianglian.chaincode.finance.domain.FinanceCommands.RejectVoucher;
import cn.xianglian.chaincode.finance.domain.FinanceCommands.ReverseVoucher;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The decisions of the finance domain. Each takes the parsed command, the caller and the state the
 * contract loaded, checks in the order of the error catalogue, and returns what to write; it never
 * writes and never half-decides.
 */
public final class FinanceRules {

  private FinanceRules() {}

  /** A state change, or the unchanged record when the same caller retries a done transition. */
  public record Changed<T>(T record, boolean written) {}

  // ---- chart of accounts --------------------------------------------------------------------

  /** The next chart version of a county; {@code accounts} are the command's or its template's. */
  public static Chart defineChart(
      DefineChart cmd,
      List<Account> accounts,
      Actor actor,
      Optional<Chart> latest,
      boolean taken,
      Tx tx) {
    List<Account> valid = Chart.validAccounts(accounts);
    actor.requireRole(Role.COUNTY);
    actor.requireInScope(cmd.county());
    XlException.check(
        !taken, ALREADY_EXISTS, "chart " + cmd.county() + " v" + cmd.version() + " exists");
    requireNextVersion(
        cmd.version(),
        latest.map(Chart::version).orElse(0),
        cmd.effectiveFrom(),
        latest.map(Chart::effectiveFrom).orElse(null));
    return new Chart(
        cmd.county(),
        cmd.version(),
        cmd.effectiveFrom(),
        cmd.standard(),
        valid,
        actor.party(),
        tx.txId(),
        tx.time());
  }

  /** The version of {@code charts} (any order) in force on {@code date}, or CHART_NOT_FOUND. */
  public static Chart chartAt(List<Chart> charts, LocalDate date) {
    return charts.stream()
        .filter(c -> !c.effectiveFrom().isAfter(date))
        .max(Comparator.comparingInt(Chart::version))
        .orElseThrow(() -> new XlException(CHART_NOT_FOUND, "no chart in force on " + date));
  }

  /** A village's sub-account below a chart account or another of its sub-accounts. */
  public static SubAccount defineSubAccount(
      DefineSubAccount cmd,
      Actor actor,
      List<Chart> charts,
      List<SubAccount> subAccounts,
      boolean parentUsed,
      boolean taken,
      Tx tx) {
    actor.requireRole(Role.VILLAGE, Role.TOWNSHIP);
    actor.requireInScope(cmd.village());
    Books books = new Books(chartAt(charts, tx.time().toLocalDate()), subAccounts);
    Account parent = books.require(Account.parentOf(cmd.code()));
    XlException.check(
        !taken && books.account(cmd.code()).isEmpty(),
        ALREADY_EXISTS,
        "account " + cmd.code() + " exists");
    XlException.check(
        !parentUsed,
        INVALID_STATE,
        "account " + parent.code() + " already has entries; it cannot get sub-accounts");
    return new SubAccount(
        cmd.village(),
        cmd.code(),
        cmd.name(),
        parent.code(),
        parent.accountClass(),
        parent.side(),
        actor.party(),
        tx.txId(),
        tx.time());
  }

  // ---- approval rules and decisions ---------------------------------------------------------

  public static ApprovalRules defineApprovalRules(
      DefineApprovalRules cmd, Actor actor, Optional<ApprovalRules> latest, boolean taken, Tx tx) {
    actor.requireRole(Role.COUNTY);
    actor.requireInScope(cmd.county());
    XlException.check(
        !taken, ALREADY_EXISTS, "rules " + cmd.county() + " v" + cmd.version() + " exist");
    XlException.check(cmd.largeAmountFen() > 0, AMOUNT_INVALID, "largeAmountFen must be > 0");
    requireNextVersion(
        cmd.version(),
        latest.map(ApprovalRules::version).orElse(0),
        cmd.effectiveFrom(),
        latest.map(ApprovalRules::effectiveFrom).orElse(null));
    return new ApprovalRules(
        cmd.county(),
        cmd.version(),
        cmd.effectiveFrom(),
        cmd.largeAmountFen(),
        cmd.approvalForAll(),
        actor.party(),
        tx.txId(),
        tx.time());
  }

  /** The rules in force for {@code county} on {@code date}; {@link ApprovalRules#none} if none. */
  public static ApprovalRules rulesAt(
      List<ApprovalRules> versions, RegionCode county, LocalDate date) {
    return versions.stream()
        .filter(r -> !r.effectiveFrom().isAfter(date))
        .max(Comparator.comparingInt(ApprovalRules::version))
        .orElse(ApprovalRules.none(county));
  }

  public static Decision recordDecision(RecordDecision cmd, Actor actor, boolean taken, Tx tx) {
    Require.argument(
        !cmd.decidedOn().isAfter(tx.time().toLocalDate()), "decidedOn is in the future");
    actor.requireRole(Role.VILLAGE);
    actor.requireInScope(cmd.village());
    XlException.check(!taken, ALREADY_EXISTS, "decision " + cmd.decisionId() + " exists");
    XlException.check(cmd.amountFen() > 0, AMOUNT_INVALID, "amountFen must be > 0");
    return new Decision(
        cmd.decisionId(),
        cmd.village(),
        cmd.subject(),
        cmd.decidedOn(),
        cmd.amountFen(),
        cmd.minutesSha256(),
        cmd.resolutionSha256(),
        actor.party(),
        tx.txId(),
        tx.time());
  }

  /**
   * DECISION_REQUIRED when {@code voucher} is a large amount under {@code rules} and does not cite
   * a decision of its village, taken on or before its date, covering its amount.
   */
  static void requireDecision(Voucher voucher, ApprovalRules rules, Optional<Decision> decision) {
    if (!rules.isLarge(voucher)) {
      return;
    }
    XlException.check(
        voucher.decisionId() != null,
        DECISION_REQUIRED,
        "amount " + voucher.magnitudeFen() + " fen needs a 四议两公开 decision");
    Decision cited =
        decision.orElseThrow(
            () -> new XlException(DECISION_NOT_FOUND, "no decision " + voucher.decisionId()));
    XlException.check(
        cited.village().equals(voucher.village()),
        DECISION_REQUIRED,
        "decision " + cited.decisionId() + " belongs to another village");
    XlException.check(
        !cited.decidedOn().isAfter(voucher.date()),
        DECISION_REQUIRED,
        "decision " + cited.decisionId() + " was taken after the voucher date");
    XlException.check(
        cited.amountFen() >= voucher.magnitudeFen(),
        DECISION_REQUIRED,
        "decision " + cited.decisionId() + " covers less than the voucher");
  }

  // ---- vouchers -----------------------------------------------------------------------------

  /** A new draft voucher. */
  public static Voucher recordVoucher(
      RecordVoucher cmd,
      Actor actor,
      List<Chart> charts,
      List<SubAccount> subAccounts,
      java.util.Map<String, VillageContract> contracts,
      Optional<Decision> decision,
      ApprovalRules rules,
      Optional<PeriodClose> lastClose,
      boolean taken,
      Tx tx) {
    Require.argument(!cmd.date().isAfter(tx.time().toLocalDate()), "date is in the future");
    actor.requireRole(Role.VILLAGE);
    actor.requireInScope(cmd.village());
    Books books = new Books(chartAt(charts, cmd.date()), subAccounts);
    cmd.lines().forEach(line -> books.require(line.account()));
    XlException.check(
        cmd.decisionId() == null || decision.isPresent(),
        DECISION_NOT_FOUND,
        "no decision " + cmd.decisionId());
    requireContracts(cmd.village(), cmd.lines(), contracts);
    XlException.check(!taken, ALREADY_EXISTS, "voucher " + cmd.voucherId() + " exists");
    long debit = 0;
    long credit = 0;
    for (VoucherLine line : cmd.lines()) {
      XlException.check(
          (line.debitFen() > 0 && line.creditFen() == 0)
              || (line.creditFen() > 0 && line.debitFen() == 0),
          AMOUNT_INVALID,
          "line " + line.account() + " needs a positive amount on exactly one side");
      debit = Money.add(debit, line.debitFen());
      credit = Money.add(credit, line.creditFen());
    }
    cmd.lines().forEach(line -> books.requireLeaf(line.account()));
    XlException.check(
        debit == credit,
        VOUCHER_UNBALANCED,
        "debits " + debit + " fen differ from credits " + credit + " fen");
    String period = Period.of(cmd.date());
    requireOpen(period, lastClose);
    Voucher voucher =
        new Voucher(
            cmd.voucherId(),
            cmd.village(),
            cmd.date(),
            period,
            cmd.summary(),
            cmd.lines(),
            cmd.attachments(),
            cmd.decisionId(),
            null,
            debit,
            books.chart().version(),
            VoucherStatus.DRAFT,
            List.of(
                new VoucherStep(VoucherStatus.DRAFT, actor.party(), tx.txId(), tx.time(), null)));
    requireDecision(voucher, rules, decision);
    return voucher;
  }

  /** The red-ink reversal (红字冲销) of a posted voucher, as a new draft. */
  public static Voucher reverseVoucher(
      ReverseVoucher cmd,
      Actor actor,
      Optional<Voucher> original,
      boolean alreadyReversed,
      Optional<PeriodClose> lastClose,
      boolean taken,
      Tx tx) {
    Require.argument(!cmd.date().isAfter(tx.time().toLocalDate()), "date is in the future");
    actor.requireRole(Role.VILLAGE);
    Voucher reversed = require(original, cmd.reverses());
    actor.requireInScope(reversed.village());
    XlException.check(!taken, ALREADY_EXISTS, "voucher " + cmd.voucherId() + " exists");
    Require.argument(
        !cmd.date().isBefore(reversed.date()), "a reversal cannot predate the voucher it reverses");
    String period = Period.of(cmd.date());
    requireOpen(period, lastClose);
    XlException.check(
        !alreadyReversed, ALREADY_REVERSED, "voucher " + reversed.voucherId() + " is reversed");
    XlException.check(
        reversed.reverses() == null, INVALID_STATE, "a reversal is not reversed again");
    XlException.check(
        reversed.status() == VoucherStatus.POSTED,
        INVALID_STATE,
        "only a posted voucher is reversed; " + reversed.voucherId() + " is " + reversed.status());
    return new Voucher(
        cmd.voucherId(),
        reversed.village(),
        cmd.date(),
        period,
        cmd.summary(),
        reversed.lines().stream().map(VoucherLine::negated).toList(),
        List.of(),
        reversed.decisionId(),
        reversed.voucherId(),
        Money.negate(reversed.totalFen()),
        reversed.chartVersion(),
        VoucherStatus.DRAFT,
        List.of(new VoucherStep(VoucherStatus.DRAFT, actor.party(), tx.txId(), tx.time(), null)));
  }

  /** DRAFT → SUBMITTED, by the village. */
  public static Changed<Voucher> submitVoucher(
      Optional<Voucher> loaded,
      String voucherId,
      Actor actor,
      ApprovalRules rules,
      Optional<Decision> decision,
      Optional<PeriodClose> lastClose,
      Tx tx) {
    actor.requireRole(Role.VILLAGE);
    Voucher voucher = require(loaded, voucherId);
    actor.requireInScope(voucher.village());
    if (isRetry(voucher, VoucherStatus.SUBMITTED, actor)) {
      return new Changed<>(voucher, false);
    }
    requireOpen(voucher.period(), lastClose);
    requireDecision(voucher, rules, decision);
    requireStatus(voucher, VoucherStatus.DRAFT);
    return new Changed<>(voucher.with(step(VoucherStatus.SUBMITTED, actor, tx, null)), true);
  }

  /** SUBMITTED → APPROVED, by the township (农经站) whose scope covers the village. */
  public static Changed<Voucher> approveVoucher(
      Optional<Voucher> loaded,
      String voucherId,
      Actor actor,
      ApprovalRules rules,
      Optional<Decision> decision,
      Optional<PeriodClose> lastClose,
      Tx tx) {
    actor.requireRole(Role.TOWNSHIP);
    Voucher voucher = require(loaded, voucherId);
    actor.requireInScope(voucher.village());
    if (isRetry(voucher, VoucherStatus.APPROVED, actor)) {
      return new Changed<>(voucher, false);
    }
    requireOpen(voucher.period(), lastClose);
    requireDecision(voucher, rules, decision);
    requireStatus(voucher, VoucherStatus.SUBMITTED);
    return new Changed<>(voucher.with(step(VoucherStatus.APPROVED, actor, tx, null)), true);
  }

  /** SUBMITTED → REJECTED, by the township; the village records a new voucher instead. */
  public static Changed<Voucher> rejectVoucher(
      Optional<Voucher> loaded, RejectVoucher cmd, Actor actor, Tx tx) {
    actor.requireRole(Role.TOWNSHIP);
    Voucher voucher = require(loaded, cmd.voucherId());
    actor.requireInScope(voucher.village());
    if (isRetry(voucher, VoucherStatus.REJECTED, actor)) {
      return new Changed<>(voucher, false);
    }
    requireStatus(voucher, VoucherStatus.SUBMITTED);
    return new Changed<>(voucher.with(step(VoucherStatus.REJECTED, actor, tx, cmd.reason())), true);
  }

  /**
   * APPROVED → POSTED by the township; a voucher that needs no approval under the rules may also go
   * SUBMITTED → POSTED, by the village itself.
   */
  public static Changed<Voucher> postVoucher(
      Optional<Voucher> loaded,
      String voucherId,
      Actor actor,
      ApprovalRules rules,
      Optional<Decision> decision,
      Optional<PeriodClose> lastClose,
      Tx tx) {
    actor.requireRole(Role.TOWNSHIP, Role.VILLAGE);
    Voucher voucher = require(loaded, voucherId);
    actor.requireInScope(voucher.village());
    if (isRetry(voucher, VoucherStatus.POSTED, actor)) {
      return new Changed<>(voucher, false);
    }
    boolean needsApproval = rules.needsApproval(voucher);
    XlException.check(
        !needsApproval || actor.role() == Role.TOWNSHIP,
        ACCESS_DENIED,
        "this voucher needs township approval; the township posts it");
    requireOpen(voucher.period(), lastClose);
    requireDecision(voucher, rules, decision);
    if (needsApproval) {
      requireStatus(voucher, VoucherStatus.APPROVED);
    } else {
      XlException.check(
          voucher.status() == VoucherStatus.SUBMITTED || voucher.status() == VoucherStatus.APPROVED,
          INVALID_STATE,
          "voucher " + voucher.voucherId() + " is " + voucher.status());
    }
    return new Changed<>(voucher.with(step(VoucherStatus.POSTED, actor, tx, null)), true);
  }

  // ---- month close --------------------------------------------------------------------------

  /**
   * Closes (月结) a village's month: the month must have ended, follow the last closed one, and hold
   * no voucher waiting for approval or posting.
   */
  public static Changed<PeriodClose> closePeriod(
      ClosePeriod cmd,
      Actor actor,
      Optional<PeriodClose> lastClose,
      List<Voucher> vouchersInPeriod,
      List<Voucher> postedSinceLastClose,
      Tx tx) {
    actor.requireRole(Role.TOWNSHIP);
    actor.requireInScope(cmd.village());
    if (lastClose.isPresent()
        && lastClose.get().period().equals(cmd.period())
        && lastClose.get().closedBy().equals(actor.party())) {
      return new Changed<>(lastClose.get(), false);
    }
    requireOpen(cmd.period(), lastClose);
    XlException.check(
        cmd.period().compareTo(Period.of(tx.time().toLocalDate())) < 0,
        INVALID_STATE,
        "period " + cmd.period() + " has not ended");
    lastClose.ifPresent(
        last ->
            XlException.check(
                cmd.period().equals(Period.next(last.period())),
                INVALID_STATE,
                "close " + Period.next(last.period()) + " first"));
    int posted = 0;
    long debit = 0;
    for (Voucher voucher : vouchersInPeriod) {
      XlException.check(
          voucher.status() != VoucherStatus.SUBMITTED && voucher.status() != VoucherStatus.APPROVED,
          INVALID_STATE,
          "voucher " + voucher.voucherId() + " is " + voucher.status() + "; post or reject it");
      if (voucher.status() == VoucherStatus.POSTED) {
        posted++;
        debit = Money.add(debit, voucher.totalFen());
      }
    }
    List<PeriodClose.Balance> balances =
        TrialBalance.compute(
                cmd.village(),
                cmd.period(),
                Books.unnamed(cmd.village()),
                lastClose,
                postedSinceLastClose)
            .closingBalances();
    return new Changed<>(
        new PeriodClose(
            cmd.village(),
            cmd.period(),
            posted,
            debit,
            balances,
            actor.party(),
            tx.txId(),
            tx.time()),
        true);
  }

  // ---- disclosure ---------------------------------------------------------------------------

  /**
   * The next version of a catalogue; {@code toBeConfirmed} is true when its template's item names
   * are provisional (the command may also say so).
   */
  public static Catalogue defineCatalogue(
      DefineCatalogue cmd,
      List<Catalogue.Category> categories,
      boolean toBeConfirmed,
      Actor actor,
      Optional<Catalogue> latest,
      boolean taken,
      Tx tx) {
    List<Catalogue.Category> valid = Catalogue.validCategories(categories);
    actor.requireRole(Role.COUNTY);
    actor.requireInScope(cmd.county());
    XlException.check(
        !taken,
        ALREADY_EXISTS,
        "catalogue " + cmd.catalogueId() + " v" + cmd.version() + " exists");
    requireNextVersion(cmd.version(), latest.map(Catalogue::version).orElse(0), null, null);
    return new Catalogue(
        cmd.county(),
        cmd.catalogueId(),
        cmd.version(),
        cmd.name(),
        cmd.publishWithinDays(),
        cmd.answerWithinDays(),
        cmd.toBeConfirmed() || toBeConfirmed,
        valid,
        actor.party(),
        tx.txId(),
        tx.time());
  }

  /** An immutable publication; late when published after the period's end plus the grace days. */
  public static Publication publish(
      PublishDisclosure cmd, Actor actor, Optional<Catalogue> catalogue, boolean taken, Tx tx) {
    actor.requireRole(Role.VILLAGE);
    actor.requireInScope(cmd.village());
    Catalogue current =
        catalogue.orElseThrow(
            () -> new XlException(CATALOGUE_NOT_FOUND, "no catalogue " + cmd.catalogueId()));
    Catalogue.Category category =
        current
            .categoryOf(cmd.itemCode())
            .orElseThrow(
                () ->
                    new XlException(
                        CATALOGUE_NOT_FOUND,
                        "catalogue " + cmd.catalogueId() + " has no item " + cmd.itemCode()));
    XlException.check(!taken, ALREADY_EXISTS, "publication " + cmd.publicationId() + " exists");
    LocalDate dueOn = Period.lastDay(cmd.period()).plusDays(current.publishWithinDays());
    return new Publication(
        cmd.publicationId(),
        cmd.village(),
        current.catalogueId(),
        current.version(),
        category.code(),
        cmd.itemCode(),
        cmd.period(),
        cmd.title(),
        cmd.contentSha256(),
        dueOn,
        tx.time().toLocalDate().isAfter(dueOn),
        actor.party(),
        tx.txId(),
        tx.time());
  }

  /** A villager's objection, identified only by the salted hash of their personal data. */
  public static Objection fileObjection(
      FileObjection cmd,
      Actor actor,
      Optional<Publication> publication,
      int answerWithinDays,
      String objectorHash,
      boolean taken,
      Tx tx) {
    Require.present("objector personal data", objectorHash);
    actor.requireRole(Role.VILLAGER);
    Publication about =
        publication.orElseThrow(
            () -> new XlException(PUBLICATION_NOT_FOUND, "no publication " + cmd.publicationId()));
    actor.requireInScope(about.village());
    XlException.check(!taken, ALREADY_EXISTS, "objection " + cmd.objectionId() + " exists");
    return new Objection(
        cmd.objectionId(),
        about.publicationId(),
        about.village(),
        cmd.question(),
        objectorHash,
        tx.txId(),
        tx.time(),
        tx.time().toLocalDate().plusDays(answerWithinDays),
        Objection.Status.OPEN,
        null);
  }

  /** The village's answer; a retry of the same answer by the same party changes nothing. */
  public static Changed<Objection> answerObjection(
      AnswerObjection cmd, Actor actor, Optional<Objection> loaded, Tx tx) {
    actor.requireRole(Role.VILLAGE);
    Objection objection =
        loaded.orElseThrow(
            () -> new XlException(OBJECTION_NOT_FOUND, "no objection " + cmd.objectionId()));
    actor.requireInScope(objection.village());
    if (objection.status() == Objection.Status.ANSWERED) {
      Objection.Answer given = objection.answer();
      XlException.check(
          given.text().equals(cmd.answer())
              && java.util.Objects.equals(given.documentSha256(), cmd.documentSha256())
              && given.answeredBy().equals(actor.party()),
          INVALID_STATE,
          "objection " + objection.objectionId() + " is answered");
      return new Changed<>(objection, false);
    }
    Objection.Answer answer =
        new Objection.Answer(
            cmd.answer(),
            cmd.documentSha256(),
            actor.party(),
            tx.txId(),
            tx.time(),
            tx.time().toLocalDate().isAfter(objection.dueOn()));
    return new Changed<>(
        new Objection(
            objection.objectionId(),
            objection.publicationId(),
            objection.village(),
            objection.question(),
            objection.objectorHash(),
            objection.txId(),
            objection.filedAt(),
            objection.dueOn(),
            Objection.Status.ANSWERED,
            answer),
        true);
  }

  // ---- contracts register -------------------------------------------------------------------

  /**
   * A contract of the village: the schedule adds up to the amount, installments fall within the
   * term in date order; a large contract cites a decision as a large voucher does.
   */
  public static VillageContract registerContract(
      FinanceCommands.RegisterContract cmd,
      Actor actor,
      Optional<Decision> decision,
      ApprovalRules rules,
      boolean taken,
      Tx tx) {
    actor.requireRole(Role.VILLAGE);
    actor.requireInScope(cmd.village());
    XlException.check(
        cmd.decisionId() == null || decision.isPresent(),
        DECISION_NOT_FOUND,
        "no decision " + cmd.decisionId());
    XlException.check(!taken, ALREADY_EXISTS, "contract " + cmd.contractId() + " exists");
    XlException.check(cmd.amountFen() > 0, AMOUNT_INVALID, "amountFen must be > 0");
    long scheduled = 0;
    LocalDate previous = null;
    for (VillageContract.Installment installment : cmd.schedule()) {
      XlException.check(installment.amountFen() > 0, AMOUNT_INVALID, "installments must be > 0");
      Require.argument(
          !installment.dueOn().isBefore(cmd.startDate())
              && !installment.dueOn().isAfter(cmd.endDate()),
          "installment due " + installment.dueOn() + " is outside the term");
      Require.argument(
          previous == null || installment.dueOn().isAfter(previous),
          "installments must be in date order");
      previous = installment.dueOn();
      scheduled = Money.add(scheduled, installment.amountFen());
    }
    XlException.check(
        scheduled == cmd.amountFen(),
        AMOUNT_INVALID,
        "schedule adds up to " + scheduled + " fen, not " + cmd.amountFen());
    if (cmd.amountFen() >= rules.largeAmountFen()) {
      XlException.check(
          cmd.decisionId() != null
              && decision.get().village().equals(cmd.village())
              && !decision.get().decidedOn().isAfter(cmd.startDate())
              && decision.get().amountFen() >= cmd.amountFen(),
          DECISION_REQUIRED,
          "a contract of " + cmd.amountFen() + " fen needs a covering 四议两公开 decision");
    }
    return new VillageContract(
        cmd.contractId(),
        cmd.village(),
        cmd.direction(),
        cmd.counterparty(),
        cmd.subject(),
        cmd.startDate(),
        cmd.endDate(),
        cmd.amountFen(),
        cmd.schedule(),
        cmd.documentSha256(),
        cmd.decisionId(),
        actor.party(),
        tx.txId(),
        tx.time());
  }

  /** CONTRACT_NOT_FOUND unless every contract a line names exists for the voucher's village. */
  public static void requireContracts(
      RegionCode village, List<VoucherLine> lines, java.util.Map<String, VillageContract> known) {
    for (VoucherLine line : lines) {
      if (line.contractId() != null) {
        VillageContract contract = known.get(line.contractId());
        XlException.check(
            contract != null && contract.village().equals(village),
            CONTRACT_NOT_FOUND,
            "no contract " + line.contractId() + " of village " + village);
      }
    }
  }

  // ---- asset and resource registers ---------------------------------------------------------

  /** A fixed asset: cost > 0, residual 0..cost, acquired no later than today. */
  public static Asset registerAsset(
      FinanceCommands.RegisterAsset cmd, Actor actor, boolean taken, Tx tx) {
    Require.argument(
        !cmd.acquiredOn().isAfter(tx.time().toLocalDate()), "acquiredOn is in the future");
    actor.requireRole(Role.VILLAGE);
    actor.requireInScope(cmd.village());
    XlException.check(!taken, ALREADY_EXISTS, "asset " + cmd.assetId() + " exists");
    XlException.check(
        cmd.costFen() > 0 && cmd.residualFen() >= 0 && cmd.residualFen() <= cmd.costFen(),
        AMOUNT_INVALID,
        "cost must be > 0 and the residual value within 0..cost");
    return new Asset(
        cmd.assetId(),
        cmd.village(),
        cmd.category(),
        cmd.name(),
        cmd.location(),
        cmd.acquiredOn(),
        cmd.costFen(),
        cmd.usefulLifeMonths(),
        cmd.residualFen(),
        Asset.Status.ACTIVE,
        null,
        actor.party(),
        tx.txId(),
        tx.time());
  }

  /** ACTIVE → DISPOSED, on or after acquisition and not in the future; a same retry is a no-op. */
  public static Changed<Asset> disposeAsset(
      FinanceCommands.DisposeAsset cmd, Actor actor, Optional<Asset> loaded, Tx tx) {
    actor.requireRole(Role.VILLAGE);
    Asset asset =
        loaded.orElseThrow(
            () -> new XlException(ErrorCode.ASSET_NOT_FOUND, "no asset " + cmd.assetId()));
    actor.requireInScope(asset.village());
    if (asset.status() == Asset.Status.DISPOSED) {
      Asset.Disposal done = asset.disposal();
      XlException.check(
          done.disposedOn().equals(cmd.disposedOn())
              && done.reason().equals(cmd.reason())
              && done.party().equals(actor.party()),
          INVALID_STATE,
          "asset " + asset.assetId() + " is disposed");
      return new Changed<>(asset, false);
    }
    Require.argument(
        !cmd.disposedOn().isBefore(asset.acquiredOn())
            && !cmd.disposedOn().isAfter(tx.time().toLocalDate()),
        "disposedOn must lie between acquisition and today");
    return new Changed<>(
        new Asset(
            asset.assetId(),
            asset.village(),
            asset.category(),
            asset.name(),
            asset.location(),
            asset.acquiredOn(),
            asset.costFen(),
            asset.usefulLifeMonths(),
            asset.residualFen(),
            Asset.Status.DISPOSED,
            new Asset.Disposal(cmd.disposedOn(), cmd.reason(), actor.party(), tx.txId()),
            asset.registeredBy(),
            asset.txId(),
            asset.registeredAt()),
        true);
  }

  /** A natural resource; a named contract must be one of the village's. */
  public static Resource registerResource(
      FinanceCommands.RegisterResource cmd,
      Actor actor,
      Optional<VillageContract> contract,
      boolean taken,
      Tx tx) {
    actor.requireRole(Role.VILLAGE);
    actor.requireInScope(cmd.village());
    XlException.check(
        cmd.contractId() == null
            || contract.map(c -> c.village().equals(cmd.village())).orElse(false),
        CONTRACT_NOT_FOUND,
        "no contract " + cmd.contractId() + " of village " + cmd.village());
    XlException.check(!taken, ALREADY_EXISTS, "resource " + cmd.resourceId() + " exists");
    return new Resource(
        cmd.resourceId(),
        cmd.village(),
        cmd.kind(),
        cmd.name(),
        cmd.location(),
        cmd.areaSqm(),
        cmd.contractId(),
        actor.party(),
        tx.txId(),
        tx.time());
  }

  // ---- reads --------------------------------------------------------------------------------

  /** Who reads a village's books: its village, its township, county staff and auditors. */
  public static void requireReader(Actor actor, RegionCode village) {
    actor.requireRole(Role.VILLAGE, Role.TOWNSHIP, Role.COUNTY, Role.AUDITOR);
    actor.requireInScope(village);
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static Voucher require(Optional<Voucher> voucher, String voucherId) {
    return voucher.orElseThrow(() -> new XlException(VOUCHER_NOT_FOUND, "no voucher " + voucherId));
  }

  private static void requireOpen(String period, Optional<PeriodClose> lastClose) {
    XlException.check(
        lastClose.isEmpty() || !lastClose.get().locks(period),
        PERIOD_CLOSED,
        "period " + period + " is closed");
  }

  private static void requireStatus(Voucher voucher, VoucherStatus expected) {
    XlException.check(
        voucher.status() == expected,
        INVALID_STATE,
        "voucher " + voucher.voucherId() + " is " + voucher.status() + ", not " + expected);
  }

  private static boolean isRetry(Voucher voucher, VoucherStatus target, Actor actor) {
    return voucher.status() == target
        && voucher.steps().get(voucher.steps().size() - 1).party().equals(actor.party());
  }

  private static VoucherStep step(VoucherStatus status, Actor actor, Tx tx, String note) {
    return new VoucherStep(status, actor.party(), tx.txId(), tx.time(), note);
  }

  private static void requireNextVersion(
      int version, int latest, LocalDate effectiveFrom, LocalDate latestEffectiveFrom) {
    XlException.check(
        version == latest + 1,
        INVALID_STATE,
        "next version is " + (latest + 1) + ", not " + version);
    XlException.check(
        latestEffectiveFrom == null || !effectiveFrom.isBefore(latestEffectiveFrom),
        INVALID_STATE,
        "a new version cannot take effect before the previous one");
  }
}
