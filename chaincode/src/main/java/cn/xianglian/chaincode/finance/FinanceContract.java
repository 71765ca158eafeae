package cn.xianglian.chaincode.finance;

import static cn.xianglian.chaincode.common.ChaincodeErrors.guard;
import static cn.xianglian.chaincode.domain.ErrorCode.ASSET_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.CATALOGUE_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.CHART_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.CONTRACT_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.COOPERATIVE_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.DECISION_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.DISTRIBUTION_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.FUND_ACCOUNT_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.INVALID_ARGUMENT;
import static cn.xianglian.chaincode.domain.ErrorCode.OBJECTION_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.PUBLICATION_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.VOUCHER_NOT_FOUND;

import cn.xianglian.chaincode.common.Caller;
import cn.xianglian.chaincode.common.CanonicalJson;
import cn.xianglian.chaincode.common.CommandLog.Replay;
import cn.xianglian.chaincode.common.KeyCodec;
import cn.xianglian.chaincode.common.ObjectType;
import cn.xianglian.chaincode.common.Payloads;
import cn.xianglian.chaincode.common.SaltedPersonalData;
import cn.xianglian.chaincode.domain.Actor;
import cn.xianglian.chaincode.domain.PersonalData;
import cn.xianglian.chaincode.domain.RegionCode;
import cn.xianglian.chaincode.domain.Require;
import cn.xianglian.chaincode.domain.Role;
import cn.xianglian.chaincode.domain.Tx;
import cn.xianglian.chaincode.domain.XlException;
import cn.xianglian.chaincode.finance.FinanceStore.Kind;
import cn.xianglian.chaincode.finance.domain.Account;
import cn.xianglian.chaincode.finance.domain.AccountDetail;
import cn.xianglian.chaincode.finance.domain.Anomalies;
import cn.xianglian.chaincode.finance.domain.ApprovalRules;
import cn.xianglian.chaincode.finance.domain.Asset;
import cn.xianglian.chaincode.finance.domain.AssetStatus;
import cn.xianglian.chaincode.finance.domain.Books;
import cn.xianglian.chaincode.finance.domain.Catalogue;
import cn.xianglian.chaincode.finance.domain.Chart;
import cn.xianglian.chaincode.finance.domain.ContractStatus;
import cn.xianglian.chaincode.finance.domain.ContractWarnings;
import cn.xianglian.chaincode.finance.domain.Cooperative;
import cn.xianglian.chaincode.finance.domain.CooperativeMember;
import cn.xianglian.chaincode.finance.domain.Decision;
import cn.xianglian.chaincode.finance.domain.DisclosureStatus;
import cn.xianglian.chaincode.finance.domain.Distribution;
import cn.xianglian.chaincode.finance.domain.FinanceCommands;
import cn.xianglian.chaincode.finance.domain.FinanceRules;
import cn.xianglian.chaincode.finance.domain.FinanceRules.Changed;
import cn.xianglian.chaincode.finance.domain.FundAccount;
import cn.xianglian.chaincode.finance.domain.FundReconciliation;
import cn.xianglian.chaincode.finance.domain.FundStatus;
import cn.xianglian.chaincode.finance.domain.GeneralLedger;
import cn.xianglian.chaincode.finance.domain.Objection;
import cn.xianglian.chaincode.finance.domain.Period;
import cn.xianglian.chaincode.finance.domain.PeriodClose;
import cn.xianglian.chaincode.finance.domain.Publication;
import cn.xianglian.chaincode.finance.domain.RegisterCommands;
import cn.xianglian.chaincode.finance.domain.RegisterRules;
import cn.xianglian.chaincode.finance.domain.Resource;
import cn.xianglian.chaincode.finance.domain.SubAccount;
import cn.xianglian.chaincode.finance.domain.TrialBalance;
import cn.xianglian.chaincode.finance.domain.VillageContract;
import cn.xianglian.chaincode.finance.domain.Voucher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * The village finance contract {@code finance} (三资), as specified in docs/contract-finance.md.
 * Commands that create a record recognise a retry by their client-chosen id (same content, same
 * caller: the existing record is returned and nothing is written); transitions recognise a retry by
 * the record already being where the same caller took it. Every command validates its JSON
 * argument, loads state, lets {@link FinanceRules} decide, then writes records, indexes and one
 * chaincode event. Stateless.
 */
@Contract(
    name = "finance",
    info = @Info(title = "XiangLian village finance", version = "0.1.0", description = "三资"))
public final class FinanceContract implements ContractInterface {

  /** Private data collection holding objectors' personal data (shared with trace). */
  public static final String PERSONAL_COLLECTION = "xlPersonalData";

  /** Transient key of an objector's personal data (JSON: name, phone, idNumber). */
  public static final String TRANSIENT_OBJECTOR = "objector";

  /** Transient key of the salt (at least 16 bytes) the objector hash uses. */
  public static final String TRANSIENT_SALT = "objector.salt";

  /** Transient key of a co-operative member's personal data (JSON: name, phone, idNumber). */
  public static final String TRANSIENT_MEMBER = "member";

  /** Transient key of the salt (at least 16 bytes) the member hash uses. */
  public static final String TRANSIENT_MEMBER_SALT = "member.salt";

  // ---- configuration (county) -------------------------------------------------------------

  /** Defines the next version of a county's chart: explicit accounts or a bundled template. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String defineChart(Context ctx, String json) {
    return guard(
        () -> {
          var cmd = parse(json, FinanceCommands.DefineChart.class);
          List<Account> accounts =
              cmd.accounts() != null
                  ? cmd.accounts()
                  : template("chart-" + cmd.template(), ChartTemplate.class).accounts();
          return create(
              ctx,
              cmd,
              "defineChart",
              Kind.FIN_CHART,
              cmd.county().county6() + "-v" + cmd.version(),
              store -> store.chart(cmd.county(), cmd.version()),
              (actor, store, taken, tx) ->
                  FinanceRules.defineChart(
                      cmd, accounts, actor, latest(store.charts(cmd.county())), taken, tx),
              FinanceStore::write,
              "ChartDefined",
              chart -> chart.county());
        });
  }

  /** Defines the next version of a county's approval rules (大额资金 threshold). */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String defineApprovalRules(Context ctx, String json) {
    return guard(
        () -> {
          var cmd = parse(json, FinanceCommands.DefineApprovalRules.class);
          return create(
              ctx,
              cmd,
              "defineApprovalRules",
              Kind.FIN_RULES,
              cmd.county().county6() + "-v" + cmd.version(),
              store ->
                  store.rules(cmd.county()).stream()
                      .filter(r -> r.version() == cmd.version())
                      .findFirst(),
              (actor, store, taken, tx) ->
                  FinanceRules.defineApprovalRules(
                      cmd,
                      actor,
                      store.rules(cmd.county()).stream()
                          .max(Comparator.comparingInt(ApprovalRules::version)),
                      taken,
                      tx),
              FinanceStore::write,
              "ApprovalRulesDefined",
              ApprovalRules::county);
        });
  }

  /** Defines the next version of a disclosure catalogue: categories or a bundled template. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String defineCatalogue(Context ctx, String json) {
    return guard(
        () -> {
          var cmd = parse(json, FinanceCommands.DefineCatalogue.class);
          CatalogueTemplate template =
              cmd.categories() != null
                  ? new CatalogueTemplate(cmd.name(), false, cmd.categories())
                  : template("catalogue-" + cmd.template(), CatalogueTemplate.class);
          return create(
              ctx,
              cmd,
              "defineCatalogue",
              Kind.FIN_CATALOGUE,
              cmd.county().county6() + "-" + cmd.catalogueId() + "-v" + cmd.version(),
              store ->
                  store.catalogues(cmd.county(), cmd.catalogueId()).stream()
                      .filter(c -> c.version() == cmd.version())
                      .findFirst(),
              (actor, store, taken, tx) ->
                  FinanceRules.defineCatalogue(
                      cmd,
                      template.categories(),
                      template.toBeConfirmed(),
                      actor,
                      store.catalogues(cmd.county(), cmd.catalogueId()).stream()
                          .max(Comparator.comparingInt(Catalogue::version)),
                      taken,
                      tx),
              FinanceStore::write,
              "CatalogueDefined",
              Catalogue::county);
        });
  }

  // ---- village books ----------------------------------------------------------------------

  /** Adds a village's own sub-account (明细科目) below a chart account. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String defineSubAccount(Context ctx, String json) {
    return guard(
        () -> {
          var cmd = parse(json, FinanceCommands.DefineSubAccount.class);
          return create(
              ctx,
              cmd,
              "defineSubAccount",
              Kind.FIN_SUB_ACCOUNT,
              cmd.village().village12() + "-" + cmd.code(),
              store ->
                  store
                      .state()
                      .read(
                          FinanceStore.subAccountKey(cmd.village(), cmd.code()), SubAccount.class),
              (actor, store, taken, tx) ->
                  FinanceRules.defineSubAccount(
                      cmd,
                      actor,
                      store.charts(cmd.village()),
                      store.subAccounts(cmd.village()),
                      store.accountUsed(cmd.village(), Account.parentOf(cmd.code())),
                      taken,
                      tx),
              FinanceStore::write,
              "SubAccountDefined",
              SubAccount::village);
        });
  }

  /** Records a 四议两公开 decision that large vouchers cite. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String recordDecision(Context ctx, String json) {
    return guard(
        () -> {
          var cmd = parse(json, FinanceCommands.RecordDecision.class);
          return create(
              ctx,
              cmd,
              "recordDecision",
              Kind.FIN_DECISION,
              cmd.decisionId(),
              store -> store.decision(cmd.decisionId()),
              (actor, store, taken, tx) -> FinanceRules.recordDecision(cmd, actor, taken, tx),
              FinanceStore::write,
              "DecisionRecorded",
              Decision::village);
        });
  }

  /** Records a voucher (记账凭证) as a draft. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String recordVoucher(Context ctx, String json) {
    return guard(
        () -> {
          var cmd = parse(json, FinanceCommands.RecordVoucher.class);
          return create(
              ctx,
              cmd,
              "recordVoucher",
              Kind.FIN_VOUCHER,
              cmd.voucherId(),
              store -> store.voucher(cmd.voucherId()),
              (actor, store, taken, tx) ->
                  FinanceRules.recordVoucher(
                      cmd,
                      actor,
                      store.charts(cmd.village()),
                      store.subAccounts(cmd.village()),
                      store.contracts(cmd.lines()),
                      store.decision(cmd.decisionId()),
                      rulesFor(store, cmd.village(), cmd.date()),
                      store.lastClose(cmd.village()),
                      taken,
                      tx),
              FinanceStore::record,
              "VoucherRecorded",
              Voucher::village);
        });
  }

  /** Records the red-ink reversal (红字冲销) of a posted voucher, as a draft. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String reverseVoucher(Context ctx, String json) {
    return guard(
        () -> {
          var cmd = parse(json, FinanceCommands.ReverseVoucher.class);
          return create(
              ctx,
              cmd,
              "reverseVoucher",
              Kind.FIN_VOUCHER,
              cmd.voucherId(),
              store -> store.voucher(cmd.voucherId()),
              (actor, store, taken, tx) -> {
                Optional<Voucher> original = store.voucher(cmd.reverses());
                return FinanceRules.reverseVoucher(
                    cmd,
                    actor,
                    original,
                    store.isReversed(cmd.reverses()),
                    original.flatMap(v -> store.lastClose(v.village())),
                    taken || store.voucher(cmd.voucherId()).isPresent(),
                    tx);
              },
              FinanceStore::record,
              "VoucherRecorded",
              Voucher::village);
        });
  }

  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String submitVoucher(Context ctx, String json) {
    return transition(ctx, json, "VoucherSubmitted", FinanceRules::submitVoucher);
  }

  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String approveVoucher(Context ctx, String json) {
    return transition(ctx, json, "VoucherApproved", FinanceRules::approveVoucher);
  }

  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String postVoucher(Context ctx, String json) {
    return transition(ctx, json, "VoucherPosted", FinanceRules::postVoucher);
  }

  /**
   * Submits a batch of drafts (批量送审): {@code {"voucherIds":[…1..200]}}, each checked exactly as
   * {@link #submitVoucher}; all or nothing.
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String submitVouchers(Context ctx, String json) {
    return bulkTransition(ctx, json, "VouchersSubmitted", FinanceRules::submitVoucher);
  }

  /** Approves a batch (批量审核), each voucher as {@link #approveVoucher}; all or nothing. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String approveVouchers(Context ctx, String json) {
    return bulkTransition(ctx, json, "VouchersApproved", FinanceRules::approveVoucher);
  }

  /** Posts a batch (批量记账), each voucher as {@link #postVoucher}; all or nothing. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String postVouchers(Context ctx, String json) {
    return bulkTransition(ctx, json, "VouchersPosted", FinanceRules::postVoucher);
  }

  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String rejectVoucher(Context ctx, String json) {
    return guard(
        () -> {
          var cmd = parse(json, FinanceCommands.RejectVoucher.class);
          Actor actor = Caller.of(ctx);
          FinanceStore store = new FinanceStore(ctx.getStub());
          Changed<Voucher> changed =
              FinanceRules.rejectVoucher(store.voucher(cmd.voucherId()), cmd, actor, store.tx());
          return written(store, changed, "VoucherRejected");
        });
  }

  /** Closes (月结) a village's month. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String closePeriod(Context ctx, String json) {
    return guard(
        () -> {
          var cmd = parse(json, FinanceCommands.ClosePeriod.class);
          Actor actor = Caller.of(ctx);
          FinanceStore store = new FinanceStore(ctx.getStub());
          Changed<PeriodClose> changed =
              FinanceRules.closePeriod(
                  cmd,
                  actor,
                  store.lastClose(cmd.village()),
                  store.vouchers(cmd.village(), cmd.period()),
                  store.postedAfter(cmd.village(), store.lastClose(cmd.village()), cmd.period()),
                  store.tx());
          if (changed.written()) {
            store.write(changed.record());
            store.event("PeriodClosed", "PeriodClose", cmd.period(), changed.record().village());
          }
          return CanonicalJson.text(changed.record());
        });
  }

  /** Registers a contract (合同) of the village in the contracts register. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String registerContract(Context ctx, String json) {
    return guard(
        () -> {
          var cmd = parse(json, FinanceCommands.RegisterContract.class);
          return create(
              ctx,
              cmd,
              "registerContract",
              Kind.FIN_CONTRACT,
              cmd.contractId(),
              store -> store.contract(cmd.contractId()),
              (actor, store, taken, tx) ->
                  FinanceRules.registerContract(
                      cmd,
                      actor,
                      store.decision(cmd.decisionId()),
                      rulesFor(store, cmd.village(), cmd.startDate()),
                      taken,
                      tx),
              FinanceStore::write,
              "ContractRegistered",
              VillageContract::village);
        });
  }

  /** Registers a fixed asset (资产台账). */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String registerAsset(Context ctx, String json) {
    return guard(
        () -> {
          var cmd = parse(json, FinanceCommands.RegisterAsset.class);
          return create(
              ctx,
              cmd,
              "registerAsset",
              Kind.FIN_ASSET,
              cmd.assetId(),
              store -> store.asset(cmd.assetId()),
              (actor, store, taken, tx) -> FinanceRules.registerAsset(cmd, actor, taken, tx),
              (store, asset) -> store.write(asset, true),
              "AssetRegistered",
              Asset::village);
        });
  }

  /** Records the disposal (处置) of an asset. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String disposeAsset(Context ctx, String json) {
    return guard(
        () -> {
          var cmd = parse(json, FinanceCommands.DisposeAsset.class);
          Actor actor = Caller.of(ctx);
          FinanceStore store = new FinanceStore(ctx.getStub());
          Changed<Asset> changed =
              FinanceRules.disposeAsset(cmd, actor, store.asset(cmd.assetId()), store.tx());
          if (changed.written()) {
            store.write(changed.record(), false);
            store.event("AssetDisposed", "Asset", cmd.assetId(), changed.record().village());
          }
          return CanonicalJson.text(changed.record());
        });
  }

  /** Registers a natural resource (资源台账: land, forest, water). */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String registerResource(Context ctx, String json) {
    return guard(
        () -> {
          var cmd = parse(json, FinanceCommands.RegisterResource.class);
          return create(
              ctx,
              cmd,
              "registerResource",
              Kind.FIN_RESOURCE,
              cmd.resourceId(),
              store -> store.resource(cmd.resourceId()),
              (actor, store, taken, tx) ->
                  FinanceRules.registerResource(
                      cmd,
                      actor,
                      cmd.contractId() == null
                          ? Optional.empty()
                          : store.contract(cmd.contractId()),
                      taken,
                      tx),
              FinanceStore::write,
              "ResourceRegistered",
              Resource::village);
        });
  }

  // ---- funds register and shareholding co-operatives ---------------------------------------

  /** Registers a fund account (资金账户: bank account or cash box) tied to a leaf book account. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String registerFundAccount(Context ctx, String json) {
    return guard(
        () -> {
          var cmd = parse(json, RegisterCommands.RegisterFundAccount.class);
          return create(
              ctx,
              cmd,
              "registerFundAccount",
              Kind.FIN_FUND,
              cmd.fundAccountId(),
              store -> store.fund(cmd.fundAccountId()),
              (actor, store, taken, tx) ->
                  RegisterRules.registerFundAccount(
                      cmd,
                      actor,
                      books(store, cmd.village(), Period.of(tx.time().toLocalDate())),
                      store.fundOnAccount(cmd.village(), cmd.account()),
                      taken,
                      tx),
              FinanceStore::write,
              "FundAccountRegistered",
              FundAccount::village);
        });
  }

  /** Reconciles (对账) a fund account on a day: statement or cash count against the books. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String reconcileFund(Context ctx, String json) {
    return guard(
        () -> {
          var cmd = parse(json, RegisterCommands.ReconcileFund.class);
          return create(
              ctx,
              cmd,
              "reconcileFund",
              Kind.FIN_RECONCILIATION,
              cmd.reconciliationId(),
              store -> store.reconciliation(cmd.reconciliationId()),
              (actor, store, taken, tx) ->
                  RegisterRules.reconcileFund(
                      cmd,
                      actor,
                      store.fund(cmd.fundAccountId()),
                      fund -> store.balance(fund.village(), fund.account(), cmd.asOf()),
                      taken,
                      tx),
              FinanceStore::write,
              "FundReconciled",
              FundReconciliation::village);
        });
  }

  /** Registers a shareholding co-operative (股份经济合作社) of a village. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String registerCooperative(Context ctx, String json) {
    return guard(
        () -> {
          var cmd = parse(json, RegisterCommands.RegisterCooperative.class);
          return create(
              ctx,
              cmd,
              "registerCooperative",
              Kind.FIN_COOPERATIVE,
              cmd.cooperativeId(),
              store -> store.cooperative(cmd.cooperativeId()),
              (actor, store, taken, tx) -> RegisterRules.registerCooperative(cmd, actor, taken, tx),
              FinanceStore::write,
              "CooperativeRegistered",
              Cooperative::village);
        });
  }

  /**
   * Registers a member of a co-operative with their shares; personal data only in transient {@code
   * member} with {@code member.salt}. Public state and the idempotency entry keep only the salted
   * hash; the data goes to the private collection.
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String registerMember(Context ctx, String json) {
    return guard(
        () -> {
          var cmd = parse(json, RegisterCommands.RegisterMember.class);
          SaltedPersonalData member =
              SaltedPersonalData.fromTransient(
                      ctx.getStub(), TRANSIENT_MEMBER, TRANSIENT_MEMBER_SALT)
                  .orElseThrow(
                      () ->
                          new XlException(
                              INVALID_ARGUMENT, "a member needs transient " + TRANSIENT_MEMBER));
          Actor actor = Caller.of(ctx);
          FinanceStore store = new FinanceStore(ctx.getStub());
          String id = cmd.cooperativeId() + "/" + cmd.memberId();
          String hash = FinanceStore.commandHash("registerMember", member.sha256Hex(), cmd);
          Replay replay = store.replay(Kind.FIN_MEMBER, id, hash);
          if (replay == Replay.SAME) {
            return CanonicalJson.text(
                store.member(cmd.cooperativeId(), cmd.memberId()).orElseThrow());
          }
          boolean taken =
              replay == Replay.DIFFERENT
                  || store.member(cmd.cooperativeId(), cmd.memberId()).isPresent();
          CooperativeMember registered =
              RegisterRules.registerMember(
                  cmd,
                  actor,
                  store.cooperative(cmd.cooperativeId()),
                  member.sha256Hex(),
                  taken,
                  store.tx());
          store.write(registered);
          store
              .state()
              .writePrivate(
                  PERSONAL_COLLECTION,
                  KeyCodec.key(ObjectType.FIN_MEMBER_PERSONAL, cmd.cooperativeId(), cmd.memberId()),
                  CanonicalJson.bytes(Map.of("personal", member.data(), "salt", member.saltHex())));
          store.logCommand(Kind.FIN_MEMBER, id, "registerMember", member.sha256Hex(), hash);
          store.event("MemberRegistered", "CooperativeMember", id, registered.village());
          return CanonicalJson.text(registered);
        });
  }

  /** Distributes a year's dividend (分红) over the members' shares, tied to its posted voucher. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String distributeDividend(Context ctx, String json) {
    return guard(
        () -> {
          var cmd = parse(json, RegisterCommands.DistributeDividend.class);
          return create(
              ctx,
              cmd,
              "distributeDividend",
              Kind.FIN_DISTRIBUTION,
              cmd.distributionId(),
              store -> store.distribution(cmd.distributionId()),
              (actor, store, taken, tx) ->
                  RegisterRules.distributeDividend(
                      cmd,
                      actor,
                      store.cooperative(cmd.cooperativeId()),
                      store.voucher(cmd.voucherId()),
                      store.distributionOfVoucher(cmd.voucherId()),
                      store.members(cmd.cooperativeId()),
                      taken,
                      tx),
              FinanceStore::write,
              "DividendDistributed",
              Distribution::village);
        });
  }

  // ---- disclosure -------------------------------------------------------------------------

  /** Publishes (公开) a catalogue item of a village for a period. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String publishDisclosure(Context ctx, String json) {
    return guard(
        () -> {
          var cmd = parse(json, FinanceCommands.PublishDisclosure.class);
          return create(
              ctx,
              cmd,
              "publishDisclosure",
              Kind.FIN_PUBLICATION,
              cmd.publicationId(),
              store -> store.publication(cmd.publicationId()),
              (actor, store, taken, tx) ->
                  FinanceRules.publish(
                      cmd,
                      actor,
                      store.catalogues(cmd.village(), cmd.catalogueId()).stream()
                          .max(Comparator.comparingInt(Catalogue::version)),
                      taken,
                      tx),
              FinanceStore::write,
              "DisclosurePublished",
              Publication::village);
        });
  }

  /**
   * Files a villager's objection (质询); personal data only in transient {@code objector} with {@code
   * objector.salt}. Public state and the idempotency entry keep only the salted hash.
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String fileObjection(Context ctx, String json) {
    return guard(
        () -> {
          var cmd = parse(json, FinanceCommands.FileObjection.class);
          Objector objector = objector(ctx.getStub());
          Actor actor = Caller.of(ctx);
          FinanceStore store = new FinanceStore(ctx.getStub());
          String hash = FinanceStore.commandHash("fileObjection", objector.hash(), cmd);
          Replay replay = store.replay(Kind.FIN_OBJECTION, cmd.objectionId(), hash);
          if (replay == Replay.SAME) {
            return CanonicalJson.text(store.objection(cmd.objectionId()).orElseThrow());
          }
          boolean taken =
              replay == Replay.DIFFERENT || store.objection(cmd.objectionId()).isPresent();
          Optional<Publication> publication = store.publication(cmd.publicationId());
          int answerWithinDays =
              publication
                  .flatMap(
                      p ->
                          store.catalogues(p.village(), p.catalogueId()).stream()
                              .filter(c -> c.version() == p.catalogueVersion())
                              .findFirst())
                  .map(Catalogue::answerWithinDays)
                  .orElse(0);
          Objection objection =
              FinanceRules.fileObjection(
                  cmd, actor, publication, answerWithinDays, objector.hash(), taken, store.tx());
          store.write(objection, true);
          store
              .state()
              .writePrivate(
                  PERSONAL_COLLECTION,
                  KeyCodec.key(ObjectType.FIN_OBJECTOR, objection.objectionId()),
                  CanonicalJson.bytes(
                      Map.of("personal", objector.data(), "salt", objector.saltHex())));
          store.logCommand(
              Kind.FIN_OBJECTION, cmd.objectionId(), "fileObjection", objector.hash(), hash);
          store.event("ObjectionFiled", "Objection", objection.objectionId(), objection.village());
          return CanonicalJson.text(objection);
        });
  }

  /** The village answers an objection. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String answerObjection(Context ctx, String json) {
    return guard(
        () -> {
          var cmd = parse(json, FinanceCommands.AnswerObjection.class);
          Actor actor = Caller.of(ctx);
          FinanceStore store = new FinanceStore(ctx.getStub());
          Changed<Objection> changed =
              FinanceRules.answerObjection(
                  cmd, actor, store.objection(cmd.objectionId()), store.tx());
          if (changed.written()) {
            store.write(changed.record(), false);
            store.event(
                "ObjectionAnswered",
                "Objection",
                changed.record().objectionId(),
                changed.record().village());
          }
          return CanonicalJson.text(changed.record());
        });
  }

  // ---- queries ----------------------------------------------------------------------------

  /** A county's chart: {@code {"county":…}} for the latest version, or with {@code "version"}. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String getChart(Context ctx, String json) {
    return guard(
        () -> {
          var query = parse(json, VersionQuery.class);
          Caller.of(ctx);
          List<Chart> charts = new FinanceStore(ctx.getStub()).charts(query.county());
          return CanonicalJson.text(
              charts.stream()
                  .filter(c -> query.version() == null || c.version() == query.version())
                  .max(Comparator.comparingInt(Chart::version))
                  .orElseThrow(
                      () -> new XlException(CHART_NOT_FOUND, "no chart for " + query.county())));
        });
  }

  /** A county's approval rules in force on a date: {@code {"county":…,"date":"yyyy-MM-dd"}}. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String getApprovalRules(Context ctx, String json) {
    return guard(
        () -> {
          var query = parse(json, RulesQuery.class);
          Caller.of(ctx);
          return CanonicalJson.text(
              FinanceRules.rulesAt(
                  new FinanceStore(ctx.getStub()).rules(query.county()),
                  query.county(),
                  query.date()));
        });
  }

  /** The latest version of a catalogue: {@code {"county":…,"catalogueId":…}}. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String getCatalogue(Context ctx, String json) {
    return guard(
        () -> {
          var query = parse(json, CatalogueQuery.class);
          Caller.of(ctx);
          return CanonicalJson.text(
              new FinanceStore(ctx.getStub())
                  .catalogues(query.county(), query.catalogueId()).stream()
                      .max(Comparator.comparingInt(Catalogue::version))
                      .orElseThrow(
                          () ->
                              new XlException(
                                  CATALOGUE_NOT_FOUND, "no catalogue " + query.catalogueId())));
        });
  }

  /** A village's sub-accounts: {@code {"village":…}}. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String listSubAccounts(Context ctx, String json) {
    return guard(
        () -> {
          var query = parse(json, VillageQuery.class);
          FinanceRules.requireReader(Caller.of(ctx), query.village());
          return CanonicalJson.text(new FinanceStore(ctx.getStub()).subAccounts(query.village()));
        });
  }

  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String getVoucher(Context ctx, String voucherId) {
    return guard(
        () -> {
          Voucher voucher =
              new FinanceStore(ctx.getStub())
                  .voucher(Require.id("voucherId", voucherId))
                  .orElseThrow(() -> new XlException(VOUCHER_NOT_FOUND, "no voucher " + voucherId));
          FinanceRules.requireReader(Caller.of(ctx), voucher.village());
          return CanonicalJson.text(voucher);
        });
  }

  /** Every voucher of a village dated in a period, any status: {@code {"village","period"}}. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String listVouchers(Context ctx, String json) {
    return guard(
        () -> {
          var query = parse(json, FinanceCommands.BooksQuery.class);
          FinanceRules.requireReader(Caller.of(ctx), query.village());
          return CanonicalJson.text(
              new FinanceStore(ctx.getStub()).vouchers(query.village(), query.period()));
        });
  }

  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String getDecision(Context ctx, String decisionId) {
    return guard(
        () -> {
          Decision decision =
              new FinanceStore(ctx.getStub())
                  .decision(Require.id("decisionId", decisionId))
                  .orElseThrow(
                      () -> new XlException(DECISION_NOT_FOUND, "no decision " + decisionId));
          Actor actor = Caller.of(ctx);
          actor.requireInScope(decision.village());
          return CanonicalJson.text(decision);
        });
  }

  /**
   * The trial balance (试算平衡) of a village's month, from posted vouchers: opening balances from the
   * last month close before it (its snapshot), then the vouchers posted after that close.
   */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String trialBalance(Context ctx, String json) {
    return guard(
        () -> {
          var query = parse(json, FinanceCommands.BooksQuery.class);
          FinanceRules.requireReader(Caller.of(ctx), query.village());
          FinanceStore store = new FinanceStore(ctx.getStub());
          Optional<PeriodClose> snapshot = store.closeBefore(query.village(), query.period());
          return CanonicalJson.text(
              TrialBalance.compute(
                  query.village(),
                  query.period(),
                  books(store, query.village(), query.period()),
                  snapshot,
                  store.postedAfter(query.village(), snapshot, query.period())));
        });
  }

  /** The detail ledger (明细账) of an account (and its sub-accounts) for a month. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String accountDetail(Context ctx, String json) {
    return guard(
        () -> {
          var query = parse(json, FinanceCommands.AccountQuery.class);
          FinanceRules.requireReader(Caller.of(ctx), query.village());
          FinanceStore store = new FinanceStore(ctx.getStub());
          Books books = books(store, query.village(), query.period());
          books.require(query.account());
          return CanonicalJson.text(
              AccountDetail.compute(
                  query.village(),
                  query.account(),
                  query.period(),
                  books,
                  store.posted(query.village())));
        });
  }

  /** Anomalies of a village's month, with their evidence (see {@link Anomalies}). */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String anomalies(Context ctx, String json) {
    return guard(
        () -> {
          var query = parse(json, FinanceCommands.BooksQuery.class);
          FinanceRules.requireReader(Caller.of(ctx), query.village());
          FinanceStore store = new FinanceStore(ctx.getStub());
          LocalDate end = java.time.YearMonth.parse(query.period()).atEndOfMonth();
          return CanonicalJson.text(
              Anomalies.detect(
                  query.village(),
                  query.period(),
                  store.posted(query.village(), query.period()),
                  rulesFor(store, query.village(), end),
                  store.publications(query.village(), query.period())));
        });
  }

  /**
   * Where a village stands against a catalogue for a disclosure period: {@code
   * {"village","catalogueId","period"}}; items due, published (late or not) and overdue today.
   */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String disclosureStatus(Context ctx, String json) {
    return guard(
        () -> {
          var query = parse(json, StatusQuery.class);
          Caller.of(ctx);
          FinanceStore store = new FinanceStore(ctx.getStub());
          Catalogue catalogue =
              store.catalogues(query.village(), query.catalogueId()).stream()
                  .max(Comparator.comparingInt(Catalogue::version))
                  .orElseThrow(
                      () ->
                          new XlException(
                              CATALOGUE_NOT_FOUND, "no catalogue " + query.catalogueId()));
          return CanonicalJson.text(
              DisclosureStatus.of(
                  query.village(),
                  catalogue,
                  query.period(),
                  store.publications(query.village(), query.period()),
                  store.tx().time().toLocalDate()));
        });
  }

  /**
   * A contract with its payments against the schedule today: settled, overdue (逾期), expiring
   * (即将到期), and the posted vouchers behind the figures.
   */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String contractStatus(Context ctx, String contractId) {
    return guard(
        () -> {
          FinanceStore store = new FinanceStore(ctx.getStub());
          VillageContract contract =
              store
                  .contract(Require.id("contractId", contractId))
                  .orElseThrow(
                      () -> new XlException(CONTRACT_NOT_FOUND, "no contract " + contractId));
          FinanceRules.requireReader(Caller.of(ctx), contract.village());
          return CanonicalJson.text(
              ContractStatus.of(
                  contract, store.contractVouchers(contractId), store.tx().time().toLocalDate()));
        });
  }

  /** An asset with its depreciation today (accumulated, net book value). */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String assetStatus(Context ctx, String assetId) {
    return guard(
        () -> {
          FinanceStore store = new FinanceStore(ctx.getStub());
          Asset asset =
              store
                  .asset(Require.id("assetId", assetId))
                  .orElseThrow(() -> new XlException(ASSET_NOT_FOUND, "no asset " + assetId));
          FinanceRules.requireReader(Caller.of(ctx), asset.village());
          return CanonicalJson.text(AssetStatus.of(asset, store.tx().time().toLocalDate()));
        });
  }

  /** The asset register of a village: {@code {"village"}}. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String listAssets(Context ctx, String json) {
    return guard(
        () -> {
          var query = parse(json, VillageQuery.class);
          FinanceRules.requireReader(Caller.of(ctx), query.village());
          return CanonicalJson.text(new FinanceStore(ctx.getStub()).assets(query.village()));
        });
  }

  /** The resource register of a village: {@code {"village"}}. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String listResources(Context ctx, String json) {
    return guard(
        () -> {
          var query = parse(json, VillageQuery.class);
          FinanceRules.requireReader(Caller.of(ctx), query.village());
          return CanonicalJson.text(new FinanceStore(ctx.getStub()).resources(query.village()));
        });
  }

  /** The contracts register of a village: {@code {"village"}}. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String listContracts(Context ctx, String json) {
    return guard(
        () -> {
          var query = parse(json, VillageQuery.class);
          FinanceRules.requireReader(Caller.of(ctx), query.village());
          return CanonicalJson.text(
              new FinanceStore(ctx.getStub()).villageContracts(query.village()));
        });
  }

  /** A fund account with its book balance today and its reconciliations. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String fundStatus(Context ctx, String fundAccountId) {
    return guard(
        () -> {
          FinanceStore store = new FinanceStore(ctx.getStub());
          FundAccount fund =
              store
                  .fund(Require.id("fundAccountId", fundAccountId))
                  .orElseThrow(
                      () ->
                          new XlException(
                              FUND_ACCOUNT_NOT_FOUND, "no fund account " + fundAccountId));
          FinanceRules.requireReader(Caller.of(ctx), fund.village());
          return CanonicalJson.text(
              new FundStatus(
                  fund,
                  store.balance(fund.village(), fund.account(), store.tx().time().toLocalDate()),
                  store.reconciliations(fundAccountId)));
        });
  }

  /** The funds register of a village: {@code {"village"}}. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String listFundAccounts(Context ctx, String json) {
    return guard(
        () -> {
          var query = parse(json, VillageQuery.class);
          FinanceRules.requireReader(Caller.of(ctx), query.village());
          return CanonicalJson.text(new FinanceStore(ctx.getStub()).funds(query.village()));
        });
  }

  /** Overdue installments and expiring contracts of a village today: {@code {"village"}}. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String contractWarnings(Context ctx, String json) {
    return guard(
        () -> {
          var query = parse(json, VillageQuery.class);
          FinanceRules.requireReader(Caller.of(ctx), query.village());
          FinanceStore store = new FinanceStore(ctx.getStub());
          LocalDate today = store.tx().time().toLocalDate();
          return CanonicalJson.text(
              ContractWarnings.of(
                  query.village(),
                  store.villageContracts(query.village()).stream()
                      .map(c -> ContractStatus.of(c, store.contractVouchers(c.contractId()), today))
                      .toList(),
                  today));
        });
  }

  /** The shareholding co-operatives of a village: {@code {"village"}}. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String listCooperatives(Context ctx, String json) {
    return guard(
        () -> {
          var query = parse(json, VillageQuery.class);
          FinanceRules.requireReader(Caller.of(ctx), query.village());
          return CanonicalJson.text(new FinanceStore(ctx.getStub()).cooperatives(query.village()));
        });
  }

  /** The members (pseudonymous: hash and shares) of a co-operative. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String listMembers(Context ctx, String cooperativeId) {
    return guard(
        () -> {
          FinanceStore store = new FinanceStore(ctx.getStub());
          Cooperative cooperative = cooperative(store, cooperativeId);
          FinanceRules.requireReader(Caller.of(ctx), cooperative.village());
          return CanonicalJson.text(store.members(cooperativeId));
        });
  }

  /** The dividend distributions of a co-operative. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String listDistributions(Context ctx, String cooperativeId) {
    return guard(
        () -> {
          FinanceStore store = new FinanceStore(ctx.getStub());
          Cooperative cooperative = cooperative(store, cooperativeId);
          FinanceRules.requireReader(Caller.of(ctx), cooperative.village());
          return CanonicalJson.text(store.distributions(cooperativeId));
        });
  }

  /** A dividend distribution with every member's amount. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String getDistribution(Context ctx, String distributionId) {
    return guard(
        () -> {
          Distribution distribution =
              new FinanceStore(ctx.getStub())
                  .distribution(Require.id("distributionId", distributionId))
                  .orElseThrow(
                      () ->
                          new XlException(
                              DISTRIBUTION_NOT_FOUND, "no distribution " + distributionId));
          FinanceRules.requireReader(Caller.of(ctx), distribution.village());
          return CanonicalJson.text(distribution);
        });
  }

  /**
   * The general ledger (总账) of a village for a year: {@code {"village","year","account"?}}; per
   * account and month opening, debits, credits and closing, with the posted vouchers behind them.
   */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String generalLedger(Context ctx, String json) {
    return guard(
        () -> {
          var query = parse(json, RegisterCommands.LedgerQuery.class);
          FinanceRules.requireReader(Caller.of(ctx), query.village());
          FinanceStore store = new FinanceStore(ctx.getStub());
          String last = query.year() + "-12";
          Books books = books(store, query.village(), last);
          if (query.account() != null) {
            books.require(query.account());
          }
          Optional<PeriodClose> snapshot = store.closeBefore(query.village(), query.year() + "-01");
          return CanonicalJson.text(
              GeneralLedger.compute(
                  query.village(),
                  query.year(),
                  query.account(),
                  books,
                  snapshot,
                  store.postedAfter(query.village(), snapshot, last)));
        });
  }

  /** A publication; disclosures are public to every enrolled role. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String getPublication(Context ctx, String publicationId) {
    return guard(
        () -> {
          Caller.of(ctx);
          return CanonicalJson.text(
              new FinanceStore(ctx.getStub())
                  .publication(Require.id("publicationId", publicationId))
                  .orElseThrow(
                      () ->
                          new XlException(
                              PUBLICATION_NOT_FOUND, "no publication " + publicationId)));
        });
  }

  /** A village's publications for a disclosure period: {@code {"village","period"}}. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String listPublications(Context ctx, String json) {
    return guard(
        () -> {
          var query = parse(json, DisclosureQuery.class);
          Caller.of(ctx);
          return CanonicalJson.text(
              new FinanceStore(ctx.getStub()).publications(query.village(), query.period()));
        });
  }

  /** An objection: its village, township, county staff, auditors and villagers of the village. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String getObjection(Context ctx, String objectionId) {
    return guard(
        () -> {
          Objection objection =
              new FinanceStore(ctx.getStub())
                  .objection(Require.id("objectionId", objectionId))
                  .orElseThrow(
                      () -> new XlException(OBJECTION_NOT_FOUND, "no objection " + objectionId));
          Actor actor = Caller.of(ctx);
          actor.requireRole(Role.VILLAGE, Role.TOWNSHIP, Role.COUNTY, Role.AUDITOR, Role.VILLAGER);
          actor.requireInScope(objection.village());
          return CanonicalJson.text(objection);
        });
  }

  /** The objections to a publication. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String listObjections(Context ctx, String publicationId) {
    return guard(
        () -> {
          FinanceStore store = new FinanceStore(ctx.getStub());
          Publication publication =
              store
                  .publication(Require.id("publicationId", publicationId))
                  .orElseThrow(
                      () ->
                          new XlException(
                              PUBLICATION_NOT_FOUND, "no publication " + publicationId));
          Actor actor = Caller.of(ctx);
          actor.requireRole(Role.VILLAGE, Role.TOWNSHIP, Role.COUNTY, Role.AUDITOR, Role.VILLAGER);
          actor.requireInScope(publication.village());
          return CanonicalJson.text(store.objections(publicationId));
        });
  }

  // ---- query arguments --------------------------------------------------------------------

  /** {@code {"county":…,"version":n?}}. */
  record VersionQuery(RegionCode county, Integer version) {
    VersionQuery {
      Require.present("county", county);
    }
  }

  /** {@code {"county":…,"date":"yyyy-MM-dd"}}. */
  record RulesQuery(RegionCode county, LocalDate date) {
    RulesQuery {
      Require.present("county", county);
      Require.present("date", date);
    }
  }

  /** {@code {"county":…,"catalogueId":…}}. */
  record CatalogueQuery(RegionCode county, String catalogueId) {
    CatalogueQuery {
      Require.present("county", county);
      Require.present("catalogueId", catalogueId);
    }
  }

  /** {@code {"village":…}}. */
  record VillageQuery(RegionCode village) {
    VillageQuery {
      Require.present("village", village);
    }
  }

  /** {@code {"village":…,"period":…}} with a disclosure period. */
  record DisclosureQuery(RegionCode village, String period) {
    DisclosureQuery {
      Require.present("village", village);
      Require.present("period", period);
    }
  }

  /** {@code {"village":…,"catalogueId":…,"period":…}}. */
  record StatusQuery(RegionCode village, String catalogueId, String period) {
    StatusQuery {
      Require.present("village", village);
      Require.present("catalogueId", catalogueId);
      Period.requireDisclosure("period", period);
    }
  }

  /** A bundled chart template: the standard's name and its accounts. */
  record ChartTemplate(String standard, List<Account> accounts) {}

  /** A bundled catalogue template. */
  record CatalogueTemplate(
      String name, boolean toBeConfirmed, List<Catalogue.Category> categories) {}

  // ---- helpers ----------------------------------------------------------------------------

  private static Cooperative cooperative(FinanceStore store, String cooperativeId) {
    return store
        .cooperative(Require.id("cooperativeId", cooperativeId))
        .orElseThrow(
            () -> new XlException(COOPERATIVE_NOT_FOUND, "no co-operative " + cooperativeId));
  }

  /** Decides a new record from the caller, loaded state, whether its id is taken, and the tx. */
  @FunctionalInterface
  private interface Decider<R> {
    R decide(Actor actor, FinanceStore store, boolean taken, Tx tx);
  }

  /** Writes a decided record and its indexes. */
  @FunctionalInterface
  private interface Writer<R> {
    void write(FinanceStore store, R record);
  }

  /** Decides a voucher transition from the voucher and what its rules depend on. */
  @FunctionalInterface
  private interface VoucherTransition {
    Changed<Voucher> decide(
        Optional<Voucher> voucher,
        String voucherId,
        Actor actor,
        ApprovalRules rules,
        Optional<Decision> decision,
        Optional<PeriodClose> lastClose,
        Tx tx);
  }

  /** The create-command flow: retry check, decision, writes, idempotency entry, one event. */
  private static <C, R> String create(
      Context ctx,
      C cmd,
      String transaction,
      Kind kind,
      String id,
      Function<FinanceStore, Optional<R>> existing,
      Decider<R> decider,
      Writer<R> writer,
      String eventName,
      Function<R, RegionCode> regionOf) {
    Actor actor = Caller.of(ctx);
    FinanceStore store = new FinanceStore(ctx.getStub());
    String hash = FinanceStore.commandHash(transaction, actor.party(), cmd);
    Replay replay = store.replay(kind, id, hash);
    if (replay == Replay.SAME) {
      return CanonicalJson.text(existing.apply(store).orElseThrow());
    }
    boolean taken = replay == Replay.DIFFERENT || existing.apply(store).isPresent();
    R record = decider.decide(actor, store, taken, store.tx());
    writer.write(store, record);
    store.logCommand(kind, id, transaction, actor.party(), hash);
    store.event(eventName, record.getClass().getSimpleName(), id, regionOf.apply(record));
    return CanonicalJson.text(record);
  }

  private static String transition(
      Context ctx, String json, String eventName, VoucherTransition transition) {
    return guard(
        () -> {
          var cmd = parse(json, FinanceCommands.VoucherAction.class);
          Actor actor = Caller.of(ctx);
          FinanceStore store = new FinanceStore(ctx.getStub());
          return written(store, decide(store, actor, cmd.voucherId(), transition), eventName);
        });
  }

  /**
   * The bulk flow: every voucher decided by the single transition's rules, in list order, before
   * anything is written; the first rejection is the answer (naming its voucher) and nothing is
   * written. Then the changed vouchers are written and one event lists them; retried ones (already
   * there by the same caller) are returned unchanged. Answers the vouchers in list order.
   */
  private static String bulkTransition(
      Context ctx, String json, String eventName, VoucherTransition transition) {
    return guard(
        () -> {
          var cmd = parse(json, FinanceCommands.VoucherBatch.class);
          Actor actor = Caller.of(ctx);
          FinanceStore store = new FinanceStore(ctx.getStub());
          List<Changed<Voucher>> decided = new ArrayList<>(cmd.voucherIds().size());
          for (String voucherId : cmd.voucherIds()) {
            try {
              decided.add(decide(store, actor, voucherId, transition));
            } catch (XlException e) {
              throw new XlException(e.code(), "voucher " + voucherId + ": " + e.explanation());
            }
          }
          List<Voucher> changed =
              decided.stream().filter(Changed::written).map(Changed::record).toList();
          changed.forEach(store::update);
          if (!changed.isEmpty()) {
            store.bulkEvent(
                eventName,
                "Voucher",
                changed.stream().map(Voucher::voucherId).toList(),
                changed.stream().map(Voucher::village).toList());
          }
          return CanonicalJson.text(decided.stream().map(Changed::record).toList());
        });
  }

  /** Loads what a voucher transition depends on and lets the rules decide it. */
  private static Changed<Voucher> decide(
      FinanceStore store, Actor actor, String voucherId, VoucherTransition transition) {
    Optional<Voucher> voucher = store.voucher(voucherId);
    return transition.decide(
        voucher,
        voucherId,
        actor,
        rulesFor(store, voucher),
        voucher.flatMap(v -> store.decision(v.decisionId())),
        voucher.flatMap(v -> store.lastClose(v.village())),
        store.tx());
  }

  private static String written(FinanceStore store, Changed<Voucher> changed, String eventName) {
    if (changed.written()) {
      store.update(changed.record());
      store.event(eventName, "Voucher", changed.record().voucherId(), changed.record().village());
    }
    return CanonicalJson.text(changed.record());
  }

  private static ApprovalRules rulesFor(FinanceStore store, RegionCode village, LocalDate date) {
    return FinanceRules.rulesAt(store.rules(village), countyOf(village), date);
  }

  private static ApprovalRules rulesFor(FinanceStore store, Optional<Voucher> voucher) {
    return voucher.map(v -> rulesFor(store, v.village(), v.date())).orElse(null);
  }

  private static RegionCode countyOf(RegionCode region) {
    return RegionCode.of(region.county6() + "000000");
  }

  /** The accounts of a village at the end of {@code period}. */
  private static Books books(FinanceStore store, RegionCode village, String period) {
    LocalDate end = java.time.YearMonth.parse(period).atEndOfMonth();
    return new Books(FinanceRules.chartAt(store.charts(village), end), store.subAccounts(village));
  }

  private static <T> Optional<T> latest(List<T> versionsInOrder) {
    return versionsInOrder.isEmpty()
        ? Optional.empty()
        : Optional.of(versionsInOrder.get(versionsInOrder.size() - 1));
  }

  private static <C> C parse(String json, Class<C> type) {
    return CanonicalJson.read(Payloads.limited("argument", json), type);
  }

  /** Reads a bundled template resource {@code /finance/<name>.json}. */
  private static <T> T template(String name, Class<T> type) {
    try (InputStream in = FinanceContract.class.getResourceAsStream("/finance/" + name + ".json")) {
      XlException.check(in != null, INVALID_ARGUMENT, "unknown template " + name);
      return CanonicalJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), type);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read template " + name, e);
    }
  }

  private record Objector(PersonalData data, String saltHex, String hash) {}

  private static Objector objector(ChaincodeStub stub) {
    SaltedPersonalData objector =
        SaltedPersonalData.fromTransient(stub, TRANSIENT_OBJECTOR, TRANSIENT_SALT)
            .orElseThrow(
                () ->
                    new XlException(
                        INVALID_ARGUMENT, "an objection needs transient " + TRANSIENT_OBJECTOR));
    return new Objector(objector.data(), objector.saltHex(), objector.sha256Hex());
  }
}
