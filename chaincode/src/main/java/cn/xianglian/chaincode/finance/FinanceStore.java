package cn.xianglian.chaincode.finance;

import cn.xianglian.chaincode.common.CanonicalJson;
import cn.xianglian.chaincode.common.CommandLog;
import cn.xianglian.chaincode.common.CommandLog.Replay;
import cn.xianglian.chaincode.common.KeyCodec;
import cn.xianglian.chaincode.common.LedgerKey;
import cn.xianglian.chaincode.common.LedgerState;
import cn.xianglian.chaincode.common.ObjectType;
import cn.xianglian.chaincode.common.Sha256;
import cn.xianglian.chaincode.domain.ChinaTime;
import cn.xianglian.chaincode.domain.RegionCode;
import cn.xianglian.chaincode.domain.Tx;
import cn.xianglian.chaincode.finance.domain.ApprovalRules;
import cn.xianglian.chaincode.finance.domain.Asset;
import cn.xianglian.chaincode.finance.domain.Catalogue;
import cn.xianglian.chaincode.finance.domain.Chart;
import cn.xianglian.chaincode.finance.domain.Cooperative;
import cn.xianglian.chaincode.finance.domain.CooperativeMember;
import cn.xianglian.chaincode.finance.domain.Decision;
import cn.xianglian.chaincode.finance.domain.Distribution;
import cn.xianglian.chaincode.finance.domain.FundAccount;
import cn.xianglian.chaincode.finance.domain.FundBalance;
import cn.xianglian.chaincode.finance.domain.FundReconciliation;
import cn.xianglian.chaincode.finance.domain.Objection;
import cn.xianglian.chaincode.finance.domain.Period;
import cn.xianglian.chaincode.finance.domain.PeriodClose;
import cn.xianglian.chaincode.finance.domain.Publication;
import cn.xianglian.chaincode.finance.domain.Resource;
import cn.xianglian.chaincode.finance.domain.SubAccount;
import cn.xianglian.chaincode.finance.domain.VillageContract;
import cn.xianglian.chaincode.finance.domain.Voucher;
import cn.xianglian.chaincode.finance.domain.VoucherLine;
import cn.xianglian.chaincode.finance.domain.VoucherStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hyperledger.fabric.shim.ChaincodeStub;

/** Loads and writes the finance records, their indexes and idempotency entries for one call. */
final class FinanceStore {

  /** Kinds of client-chosen ids with an idempotency entry (distinct from the trace kinds). */
  enum Kind {
    FIN_CHART,
    FIN_RULES,
    FIN_SUB_ACCOUNT,
    FIN_DECISION,
    FIN_VOUCHER,
    FIN_CATALOGUE,
    FIN_PUBLICATION,
    FIN_OBJECTION,
    FIN_CONTRACT,
    FIN_ASSET,
    FIN_RESOURCE,
    FIN_FUND,
    FIN_RECONCILIATION,
    FIN_COOPERATIVE,
    FIN_MEMBER,
    FIN_DISTRIBUTION
  }

  /** The payload of every finance chaincode event. */
  record EventPayload(String type, String id, RegionCode region) {}

  /**
   * The payload of a bulk transition's one event: the ids it changed and their distinct regions.
   */
  record BulkEventPayload(String type, List<String> ids, List<RegionCode> regions) {}

  private final ChaincodeStub stub;
  private final LedgerState state;

  FinanceStore(ChaincodeStub stub) {
    this.stub = stub;
    this.state = new LedgerState(stub);
  }

  LedgerState state() {
    return state;
  }

  Tx tx() {
    return new Tx(stub.getTxId(), ChinaTime.of(stub.getTxTimestamp()));
  }

  // ---- idempotency ------------------------------------------------------------------------

  /** SHA-256 of the canonical command, the transaction and the caller. */
  static String commandHash(String transaction, String caller, Object command) {
    return CommandLog.hash(transaction, caller, command, null);
  }

  Replay replay(Kind kind, String id, String hash) {
    return new CommandLog(state).replay(kind.name(), id, hash);
  }

  void logCommand(Kind kind, String id, String transaction, String caller, String hash) {
    new CommandLog(state).log(kind.name(), id, transaction, caller, hash);
  }

  // ---- configuration ----------------------------------------------------------------------

  List<Chart> charts(RegionCode county) {
    return all(ObjectType.FIN_CHART, Chart.class, county.county6());
  }

  Optional<Chart> chart(RegionCode county, int version) {
    return state.read(chartKey(county, version), Chart.class);
  }

  static LedgerKey chartKey(RegionCode county, int version) {
    return KeyCodec.key(ObjectType.FIN_CHART, county.county6(), KeyCodec.seq(version));
  }

  List<ApprovalRules> rules(RegionCode county) {
    return all(ObjectType.FIN_RULES, ApprovalRules.class, county.county6());
  }

  static LedgerKey rulesKey(RegionCode county, int version) {
    return KeyCodec.key(ObjectType.FIN_RULES, county.county6(), KeyCodec.seq(version));
  }

  List<SubAccount> subAccounts(RegionCode village) {
    return all(ObjectType.FIN_SUB_ACCOUNT, SubAccount.class, village.village12());
  }

  static LedgerKey subAccountKey(RegionCode village, String code) {
    return KeyCodec.key(ObjectType.FIN_SUB_ACCOUNT, village.village12(), code);
  }

  boolean accountUsed(RegionCode village, String code) {
    return state.exists(KeyCodec.key(ObjectType.FIN_ACCOUNT_USED, village.village12(), code));
  }

  List<Catalogue> catalogues(RegionCode county, String catalogueId) {
    return all(ObjectType.FIN_CATALOGUE, Catalogue.class, county.county6(), catalogueId);
  }

  static LedgerKey catalogueKey(RegionCode county, String catalogueId, int version) {
    return KeyCodec.key(
        ObjectType.FIN_CATALOGUE, county.county6(), catalogueId, KeyCodec.seq(version));
  }

  // ---- records ----------------------------------------------------------------------------

  Optional<Voucher> voucher(String voucherId) {
    return state.read(voucherKey(voucherId), Voucher.class);
  }

  static LedgerKey voucherKey(String voucherId) {
    return KeyCodec.key(ObjectType.FIN_VOUCHER, voucherId);
  }

  boolean isReversed(String voucherId) {
    return !state.list(ObjectType.FIN_REVERSAL, voucherId).isEmpty();
  }

  /** Every voucher of a village dated in {@code period}. */
  List<Voucher> vouchers(RegionCode village, String period) {
    return state.list(ObjectType.FIN_VOUCHER_BY_PERIOD, village.village12(), period).stream()
        .map(entry -> voucher(entry.key().id()).orElseThrow(() -> missing(entry.key())))
        .toList();
  }

  /** Every posted voucher of a village, of all periods. */
  List<Voucher> posted(RegionCode village) {
    return state.list(ObjectType.FIN_POSTED, village.village12()).stream()
        .map(entry -> voucher(entry.key().id()).orElseThrow(() -> missing(entry.key())))
        .toList();
  }

  /** The posted vouchers of a village dated in {@code period}. */
  List<Voucher> posted(RegionCode village, String period) {
    return state.list(ObjectType.FIN_POSTED, village.village12(), period).stream()
        .map(entry -> voucher(entry.key().id()).orElseThrow(() -> missing(entry.key())))
        .toList();
  }

  Optional<VillageContract> contract(String contractId) {
    return state.read(KeyCodec.key(ObjectType.FIN_CONTRACT, contractId), VillageContract.class);
  }

  /** The contracts {@code lines} name, by id (unknown ids are left out). */
  Map<String, VillageContract> contracts(List<VoucherLine> lines) {
    Map<String, VillageContract> found = new java.util.TreeMap<>();
    for (VoucherLine line : lines) {
      if (line.contractId() != null && !found.containsKey(line.contractId())) {
        contract(line.contractId()).ifPresent(c -> found.put(c.contractId(), c));
      }
    }
    return found;
  }

  /** The posted vouchers with lines naming {@code contractId}. */
  List<Voucher> contractVouchers(String contractId) {
    return state.list(ObjectType.FIN_CONTRACT_VOUCHER, contractId).stream()
        .map(entry -> voucher(entry.key().id()).orElseThrow(() -> missing(entry.key())))
        .toList();
  }

  List<VillageContract> villageContracts(RegionCode village) {
    return state.list(ObjectType.FIN_CONTRACT_BY_VILLAGE, village.village12()).stream()
        .map(entry -> contract(entry.key().id()).orElseThrow(() -> missing(entry.key())))
        .toList();
  }

  void write(VillageContract contract) {
    state.write(KeyCodec.key(ObjectType.FIN_CONTRACT, contract.contractId()), contract);
    state.writeIndex(
        KeyCodec.key(
            ObjectType.FIN_CONTRACT_BY_VILLAGE,
            contract.village().village12(),
            contract.contractId()));
  }

  Optional<Asset> asset(String assetId) {
    return state.read(KeyCodec.key(ObjectType.FIN_ASSET, assetId), Asset.class);
  }

  List<Asset> assets(RegionCode village) {
    return state.list(ObjectType.FIN_ASSET_BY_VILLAGE, village.village12()).stream()
        .map(entry -> asset(entry.key().id()).orElseThrow(() -> missing(entry.key())))
        .toList();
  }

  /** An asset, with its village index when it is new. */
  void write(Asset asset, boolean isNew) {
    state.write(KeyCodec.key(ObjectType.FIN_ASSET, asset.assetId()), asset);
    if (isNew) {
      state.writeIndex(
          KeyCodec.key(
              ObjectType.FIN_ASSET_BY_VILLAGE, asset.village().village12(), asset.assetId()));
    }
  }

  Optional<Resource> resource(String resourceId) {
    return state.read(KeyCodec.key(ObjectType.FIN_RESOURCE, resourceId), Resource.class);
  }

  List<Resource> resources(RegionCode village) {
    return state.list(ObjectType.FIN_RESOURCE_BY_VILLAGE, village.village12()).stream()
        .map(entry -> resource(entry.key().id()).orElseThrow(() -> missing(entry.key())))
        .toList();
  }

  void write(Resource resource) {
    state.write(KeyCodec.key(ObjectType.FIN_RESOURCE, resource.resourceId()), resource);
    state.writeIndex(
        KeyCodec.key(
            ObjectType.FIN_RESOURCE_BY_VILLAGE,
            resource.village().village12(),
            resource.resourceId()));
  }

  Optional<Decision> decision(String decisionId) {
    return decisionId == null
        ? Optional.empty()
        : state.read(KeyCodec.key(ObjectType.FIN_DECISION, decisionId), Decision.class);
  }

  /** The pointer to a village's latest close. */
  record LastClose(String period) {}

  /** The latest month close of a village (through its pointer: two point reads). */
  Optional<PeriodClose> lastClose(RegionCode village) {
    return state
        .read(KeyCodec.key(ObjectType.FIN_LAST_CLOSE, village.village12()), LastClose.class)
        .map(
            last ->
                state
                    .read(closeKey(village.village12(), last.period()), PeriodClose.class)
                    .orElseThrow(() -> missing(closeKey(village.village12(), last.period()))));
  }

  /** The latest month close of a village before {@code period}: a trial balance's snapshot. */
  Optional<PeriodClose> closeBefore(RegionCode village, String period) {
    Optional<PeriodClose> last = lastClose(village);
    if (last.isEmpty() || last.get().period().compareTo(period) < 0) {
      return last;
    }
    return all(ObjectType.FIN_CLOSE, PeriodClose.class, village.village12()).stream()
        .filter(close -> close.period().compareTo(period) < 0)
        .reduce((earlier, later) -> later);
  }

  private static LedgerKey closeKey(String village12, String period) {
    return KeyCodec.key(ObjectType.FIN_CLOSE, village12, period);
  }

  /**
   * The posted vouchers of a village after {@code snapshot} up to {@code period}, month by month;
   * every posted voucher when there is no snapshot.
   */
  List<Voucher> postedAfter(RegionCode village, Optional<PeriodClose> snapshot, String period) {
    if (snapshot.isEmpty()) {
      return posted(village);
    }
    List<Voucher> vouchers = new java.util.ArrayList<>();
    for (String month = Period.next(snapshot.get().period());
        month.compareTo(period) <= 0;
        month = Period.next(month)) {
      vouchers.addAll(posted(village, month));
    }
    return vouchers;
  }

  Optional<Publication> publication(String publicationId) {
    return state.read(KeyCodec.key(ObjectType.FIN_PUBLICATION, publicationId), Publication.class);
  }

  List<Publication> publications(RegionCode village, String... period) {
    String[] leading =
        period.length == 0
            ? new String[] {village.village12()}
            : new String[] {village.village12(), period[0]};
    return state.list(ObjectType.FIN_PUBLICATION_BY_VILLAGE, leading).stream()
        .map(entry -> publication(entry.key().id()).orElseThrow(() -> missing(entry.key())))
        .toList();
  }

  Optional<Objection> objection(String objectionId) {
    return state.read(KeyCodec.key(ObjectType.FIN_OBJECTION, objectionId), Objection.class);
  }

  List<Objection> objections(String publicationId) {
    return state.list(ObjectType.FIN_OBJECTION_BY_PUBLICATION, publicationId).stream()
        .map(entry -> objection(entry.key().id()).orElseThrow(() -> missing(entry.key())))
        .toList();
  }

  // ---- funds register and co-operatives -----------------------------------------------------

  Optional<FundAccount> fund(String fundAccountId) {
    return state.read(KeyCodec.key(ObjectType.FIN_FUND, fundAccountId), FundAccount.class);
  }

  List<FundAccount> funds(RegionCode village) {
    return state.list(ObjectType.FIN_FUND_BY_VILLAGE, village.village12()).stream()
        .map(entry -> fund(entry.key().id()).orElseThrow(() -> missing(entry.key())))
        .toList();
  }

  /** The fund account tied to a book account, if any. */
  Optional<String> fundOnAccount(RegionCode village, String code) {
    return state.list(ObjectType.FIN_FUND_BY_ACCOUNT, village.village12(), code).stream()
        .map(entry -> entry.key().id())
        .findFirst();
  }

  void write(FundAccount fund) {
    state.write(KeyCodec.key(ObjectType.FIN_FUND, fund.fundAccountId()), fund);
    String village = fund.village().village12();
    state.writeIndex(KeyCodec.key(ObjectType.FIN_FUND_BY_VILLAGE, village, fund.fundAccountId()));
    state.writeIndex(
        KeyCodec.key(
            ObjectType.FIN_FUND_BY_ACCOUNT, village, fund.account(), fund.fundAccountId()));
  }

  Optional<FundReconciliation> reconciliation(String reconciliationId) {
    return state.read(
        KeyCodec.key(ObjectType.FIN_RECONCILIATION, reconciliationId), FundReconciliation.class);
  }

  List<FundReconciliation> reconciliations(String fundAccountId) {
    return state.list(ObjectType.FIN_RECONCILIATION_BY_FUND, fundAccountId).stream()
        .map(entry -> reconciliation(entry.key().id()).orElseThrow(() -> missing(entry.key())))
        .toList();
  }

  void write(FundReconciliation reconciliation) {
    state.write(
        KeyCodec.key(ObjectType.FIN_RECONCILIATION, reconciliation.reconciliationId()),
        reconciliation);
    state.writeIndex(
        KeyCodec.key(
            ObjectType.FIN_RECONCILIATION_BY_FUND,
            reconciliation.fundAccountId(),
            reconciliation.asOf().toString(),
            reconciliation.reconciliationId()));
  }

  /**
   * The book balance of an account on a day: from the last close before that day's month, plus the
   * posted vouchers after it.
   */
  FundBalance balance(RegionCode village, String account, java.time.LocalDate asOf) {
    String period = Period.of(asOf);
    Optional<PeriodClose> snapshot = closeBefore(village, period);
    return FundBalance.of(account, asOf, snapshot, postedAfter(village, snapshot, period));
  }

  Optional<Cooperative> cooperative(String cooperativeId) {
    return state.read(KeyCodec.key(ObjectType.FIN_COOPERATIVE, cooperativeId), Cooperative.class);
  }

  List<Cooperative> cooperatives(RegionCode village) {
    return state.list(ObjectType.FIN_COOPERATIVE_BY_VILLAGE, village.village12()).stream()
        .map(entry -> cooperative(entry.key().id()).orElseThrow(() -> missing(entry.key())))
        .toList();
  }

  void write(Cooperative cooperative) {
    state.write(KeyCodec.key(ObjectType.FIN_COOPERATIVE, cooperative.cooperativeId()), cooperative);
    state.writeIndex(
        KeyCodec.key(
            ObjectType.FIN_COOPERATIVE_BY_VILLAGE,
            cooperative.village().village12(),
            cooperative.cooperativeId()));
  }

  Optional<CooperativeMember> member(String cooperativeId, String memberId) {
    return state.read(
        KeyCodec.key(ObjectType.FIN_MEMBER, cooperativeId, memberId), CooperativeMember.class);
  }

  /** The members of a co-operative in member-id order. */
  List<CooperativeMember> members(String cooperativeId) {
    return all(ObjectType.FIN_MEMBER, CooperativeMember.class, cooperativeId);
  }

  void write(CooperativeMember member) {
    state.write(
        KeyCodec.key(ObjectType.FIN_MEMBER, member.cooperativeId(), member.memberId()), member);
  }

  Optional<Distribution> distribution(String distributionId) {
    return state.read(
        KeyCodec.key(ObjectType.FIN_DISTRIBUTION, distributionId), Distribution.class);
  }

  List<Distribution> distributions(String cooperativeId) {
    return state.list(ObjectType.FIN_DISTRIBUTION_BY_COOPERATIVE, cooperativeId).stream()
        .map(entry -> distribution(entry.key().id()).orElseThrow(() -> missing(entry.key())))
        .toList();
  }

  /** The distribution a voucher already backs, if any. */
  Optional<String> distributionOfVoucher(String voucherId) {
    return state.list(ObjectType.FIN_DISTRIBUTION_BY_VOUCHER, voucherId).stream()
        .map(entry -> entry.key().id())
        .findFirst();
  }

  void write(Distribution distribution) {
    state.write(
        KeyCodec.key(ObjectType.FIN_DISTRIBUTION, distribution.distributionId()), distribution);
    state.writeIndex(
        KeyCodec.key(
            ObjectType.FIN_DISTRIBUTION_BY_COOPERATIVE,
            distribution.cooperativeId(),
            distribution.distributionId()));
    state.writeIndex(
        KeyCodec.key(
            ObjectType.FIN_DISTRIBUTION_BY_VOUCHER,
            distribution.voucherId(),
            distribution.distributionId()));
  }

  // ---- writes -----------------------------------------------------------------------------

  void write(Chart chart) {
    state.write(chartKey(chart.county(), chart.version()), chart);
  }

  void write(ApprovalRules rules) {
    state.write(rulesKey(rules.county(), rules.version()), rules);
  }

  void write(SubAccount subAccount) {
    state.write(subAccountKey(subAccount.village(), subAccount.code()), subAccount);
  }

  void write(Decision decision) {
    state.write(KeyCodec.key(ObjectType.FIN_DECISION, decision.decisionId()), decision);
  }

  void write(Catalogue catalogue) {
    state.write(
        catalogueKey(catalogue.county(), catalogue.catalogueId(), catalogue.version()), catalogue);
  }

  /** A new voucher with its period index, the accounts it uses and (reversal) its link. */
  void record(Voucher voucher) {
    state.write(voucherKey(voucher.voucherId()), voucher);
    String village = voucher.village().village12();
    state.writeIndex(
        KeyCodec.key(
            ObjectType.FIN_VOUCHER_BY_PERIOD, village, voucher.period(), voucher.voucherId()));
    for (String code :
        voucher.lines().stream().map(VoucherLine::account).collect(Collectors.toSet())) {
      state.writeIndex(KeyCodec.key(ObjectType.FIN_ACCOUNT_USED, village, code));
    }
    if (voucher.reverses() != null) {
      state.writeIndex(
          KeyCodec.key(ObjectType.FIN_REVERSAL, voucher.reverses(), voucher.voucherId()));
    }
  }

  /** A voucher after a transition; a posted one joins the books' index. */
  void update(Voucher voucher) {
    state.write(voucherKey(voucher.voucherId()), voucher);
    if (voucher.status() == VoucherStatus.POSTED) {
      state.writeIndex(
          KeyCodec.key(
              ObjectType.FIN_POSTED,
              voucher.village().village12(),
              voucher.period(),
              voucher.voucherId()));
      for (String contractId :
          voucher.lines().stream()
              .map(VoucherLine::contractId)
              .filter(id -> id != null)
              .collect(Collectors.toCollection(java.util.TreeSet::new))) {
        state.writeIndex(
            KeyCodec.key(ObjectType.FIN_CONTRACT_VOUCHER, contractId, voucher.voucherId()));
      }
    }
  }

  /** A month close and the village's pointer to it (closes only ever move forward). */
  void write(PeriodClose close) {
    state.write(closeKey(close.village().village12(), close.period()), close);
    state.write(
        KeyCodec.key(ObjectType.FIN_LAST_CLOSE, close.village().village12()),
        new LastClose(close.period()));
  }

  void write(Publication publication) {
    state.write(KeyCodec.key(ObjectType.FIN_PUBLICATION, publication.publicationId()), publication);
    state.writeIndex(
        KeyCodec.key(
            ObjectType.FIN_PUBLICATION_BY_VILLAGE,
            publication.village().village12(),
            publication.period(),
            publication.publicationId()));
  }

  void write(Objection objection, boolean isNew) {
    state.write(KeyCodec.key(ObjectType.FIN_OBJECTION, objection.objectionId()), objection);
    if (isNew) {
      state.writeIndex(
          KeyCodec.key(
              ObjectType.FIN_OBJECTION_BY_PUBLICATION,
              objection.publicationId(),
              objection.objectionId()));
    }
  }

  void event(String name, String type, String id, RegionCode region) {
    state.event(name, new EventPayload(type, id, region));
  }

  /** One event for a bulk transition: {@code ids} in request order, regions distinct and sorted. */
  void bulkEvent(String name, String type, List<String> ids, List<RegionCode> regions) {
    state.event(
        name,
        new BulkEventPayload(
            type,
            ids,
            regions.stream()
                .distinct()
                .sorted(Comparator.comparing(RegionCode::village12))
                .toList()));
  }

  // ---- helpers ----------------------------------------------------------------------------

  private <T> List<T> all(ObjectType type, Class<T> recordType, String... leading) {
    return state.list(type, leading).stream()
        .map(entry -> CanonicalJson.fromState(entry.value(), recordType))
        .toList();
  }

  static String sha256Hex(byte[] bytes) {
    return Sha256.hex(bytes);
  }

  private static IllegalStateException missing(LedgerKey index) {
    return new IllegalStateException("index " + index + " points to a missing record");
  }
}
