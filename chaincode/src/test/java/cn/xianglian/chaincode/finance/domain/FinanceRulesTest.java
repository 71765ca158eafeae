package cn.xianglian.chaincode.finance.domain;

import static cn.xianglian.chaincode.domain.ErrorCode.ACCESS_DENIED;
import static cn.xianglian.chaincode.domain.ErrorCode.ACCOUNT_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.ACCOUNT_NOT_LEAF;
import static cn.xianglian.chaincode.domain.ErrorCode.ALREADY_EXISTS;
import static cn.xianglian.chaincode.domain.ErrorCode.ALREADY_REVERSED;
import static cn.xianglian.chaincode.domain.ErrorCode.AMOUNT_INVALID;
import static cn.xianglian.chaincode.domain.ErrorCode.CATALOGUE_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.CHART_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.CONTRACT_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.DECISION_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.DECISION_REQUIRED;
import static cn.xianglian.chaincode.domain.ErrorCode.INVALID_ARGUMENT;
import static cn.xianglian.chaincode.domain.ErrorCode.INVALID_STATE;
import static cn.xianglian.chaincode.domain.ErrorCode.OBJECTION_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.PERIOD_CLOSED;
import static cn.xianglian.chaincode.domain.ErrorCode.PUBLICATION_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.REGION_OUT_OF_SCOPE;
import static cn.xianglian.chaincode.domain.ErrorCode.VOUCHER_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.VOUCHER_UNBALANCED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.xianglian.chaincode.domain.Actor;
import cn.xianglian.chaincode.domain.ChinaTime;
import cn.xianglian.chaincode.domain.ErrorCode;
import cn.xianglian.chaincode.domain.RegionCode;
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
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The finance rules as stories: one nested class per command, every rule and error code. */
class FinanceRulesTest {

  static final RegionCode COUNTY = RegionCode.of("520122000000");
  static final RegionCode VILLAGE = RegionCode.of("520122100201");
  static final RegionCode OTHER_VILLAGE = RegionCode.of("520122100202");
  static final Tx TX = new Tx("tx-9", ChinaTime.parse("t", "2026-05-20T09:00:00+08:00"));
  static final String HASH = "a".repeat(64);

  static final Actor COUNTY_USER = new Actor("CountyOrgMSP", "NJ", Role.COUNTY, COUNTY);
  static final Actor AUDITOR = new Actor("CountyOrgMSP", "AUDIT", Role.AUDITOR, COUNTY);
  static final Actor CLERK = new Actor("TownshipOrgMSP", "V1", Role.VILLAGE, VILLAGE);
  static final Actor OTHER_CLERK = new Actor("TownshipOrgMSP", "V2", Role.VILLAGE, OTHER_VILLAGE);
  static final Actor TOWNSHIP =
      new Actor("TownshipOrgMSP", "NJZ", Role.TOWNSHIP, RegionCode.of("520122100000"));
  static final Actor OTHER_TOWNSHIP =
      new Actor("TownshipOrgMSP", "NJZ2", Role.TOWNSHIP, RegionCode.of("520122101000"));
  static final Actor VILLAGER = new Actor("TownshipOrgMSP", "C1", Role.VILLAGER, VILLAGE);

  static final List<Account> ACCOUNTS =
      List.of(
          new Account("101", "库存现金", AccountClass.ASSET, Side.DEBIT),
          new Account("102", "银行存款", AccountClass.ASSET, Side.DEBIT),
          new Account("10201", "农商银行", AccountClass.ASSET, Side.DEBIT),
          new Account("151", "固定资产", AccountClass.ASSET, Side.DEBIT),
          new Account("301", "资本", AccountClass.EQUITY, Side.CREDIT),
          new Account("501", "经营收入", AccountClass.PROFIT_AND_LOSS, Side.CREDIT),
          new Account("513", "管理费用", AccountClass.PROFIT_AND_LOSS, Side.DEBIT));
  static final Chart CHART =
      new Chart(
          COUNTY,
          1,
          LocalDate.of(2024, 1, 1),
          "财会〔2023〕14号",
          ACCOUNTS,
          "CountyOrgMSP/NJ",
          "tx-0",
          TX.time());
  static final ApprovalRules RULES =
      new ApprovalRules(
          COUNTY, 1, LocalDate.of(2024, 1, 1), 1_000_000, true, "x", "tx-0", TX.time());
  static final LocalDate DATE = LocalDate.of(2026, 4, 10);
  static final VillageContract LEASE =
      new VillageContract(
          "C1",
          VILLAGE,
          VillageContract.Direction.INCOME,
          "某合作社",
          "土地承包",
          LocalDate.of(2026, 1, 1),
          LocalDate.of(2026, 6, 10),
          90_000,
          List.of(
              new VillageContract.Installment(LocalDate.of(2026, 1, 31), 30_000),
              new VillageContract.Installment(LocalDate.of(2026, 3, 31), 30_000),
              new VillageContract.Installment(LocalDate.of(2026, 5, 31), 30_000)),
          HASH,
          null,
          "p",
          "tx-c",
          TX.time());
  static final java.util.Map<String, VillageContract> CONTRACTS = java.util.Map.of("C1", LEASE);

  static XlException rejection(Runnable action) {
    XlException e = catchThrowableOfType(XlException.class, action::run);
    assertThat(e).as("must be rejected").isNotNull();
    return e;
  }

  static ErrorCode code(Runnable action) {
    return rejection(action).code();
  }

  static VoucherLine debit(String account, long fen) {
    return new VoucherLine(account, fen, 0, null, null);
  }

  static VoucherLine credit(String account, long fen) {
    return new VoucherLine(account, 0, fen, null, null);
  }

  static RecordVoucher cmd(String id, LocalDate date, String decisionId, VoucherLine... lines) {
    return new RecordVoucher(
        id, VILLAGE, date, "收到租金", List.of(lines), List.of(new Attachment("收据", HASH)), decisionId);
  }

  static RecordVoucher simple(String id, long fen) {
    return cmd(id, DATE, null, debit("101", fen), credit("501", fen));
  }

  static Voucher record(RecordVoucher cmd) {
    return record(cmd, Optional.empty(), Optional.empty(), CLERK);
  }

  static Voucher record(
      RecordVoucher cmd, Optional<Decision> decision, Optional<PeriodClose> close, Actor actor) {
    return FinanceRules.recordVoucher(
        cmd, actor, List.of(CHART), List.of(), CONTRACTS, decision, RULES, close, false, TX);
  }

  static Decision decision(String id, RegionCode village, LocalDate on, long fen) {
    return new Decision(id, village, "修路", on, fen, HASH, null, "p", "tx-1", TX.time());
  }

  static PeriodClose closed(String period) {
    return new PeriodClose(
        VILLAGE, period, 0, 0, List.of(), "TownshipOrgMSP/NJZ", "tx-2", TX.time());
  }

  static Voucher step(Voucher voucher, VoucherStatus status) {
    return voucher.with(new VoucherStep(status, "p", "tx-s", TX.time(), null));
  }

  static Voucher posted(Voucher voucher) {
    return step(
        step(step(voucher, VoucherStatus.SUBMITTED), VoucherStatus.APPROVED), VoucherStatus.POSTED);
  }

  // ---- chart ----------------------------------------------------------------------------------

  @Nested
  @DisplayName("defineChart")
  class DefineChartStory {

    DefineChart command(int version, LocalDate from) {
      return new DefineChart(COUNTY, version, from, "财会〔2023〕14号", null, ACCOUNTS);
    }

    @Test
    @DisplayName("a county user defines version 1, then only the next version, never earlier")
    void versions() {
      Chart v1 =
          FinanceRules.defineChart(
              command(1, LocalDate.of(2024, 1, 1)),
              ACCOUNTS,
              COUNTY_USER,
              Optional.empty(),
              false,
              TX);
      assertThat(v1.version()).isEqualTo(1);
      assertThat(v1.definedBy()).isEqualTo("CountyOrgMSP/NJ");
      assertThat(
              code(
                  () ->
                      FinanceRules.defineChart(
                          command(3, LocalDate.of(2025, 1, 1)),
                          ACCOUNTS,
                          COUNTY_USER,
                          Optional.of(v1),
                          false,
                          TX)))
          .isEqualTo(INVALID_STATE);
      assertThat(
              code(
                  () ->
                      FinanceRules.defineChart(
                          command(2, LocalDate.of(2023, 1, 1)),
                          ACCOUNTS,
                          COUNTY_USER,
                          Optional.of(v1),
                          false,
                          TX)))
          .isEqualTo(INVALID_STATE);
    }

    @Test
    @DisplayName("checks: accounts, then role, scope, taken id")
    void order() {
      List<Account> orphan = List.of(new Account("10201", "农商银行", AccountClass.ASSET, Side.DEBIT));
      DefineChart cmd = command(1, LocalDate.of(2024, 1, 1));
      assertThat(
              code(() -> FinanceRules.defineChart(cmd, orphan, CLERK, Optional.empty(), true, TX)))
          .isEqualTo(INVALID_ARGUMENT);
      assertThat(
              code(
                  () -> FinanceRules.defineChart(cmd, ACCOUNTS, CLERK, Optional.empty(), true, TX)))
          .isEqualTo(ACCESS_DENIED);
      Actor outsider = new Actor("CountyOrgMSP", "XW", Role.COUNTY, RegionCode.of("520123000000"));
      assertThat(
              code(
                  () ->
                      FinanceRules.defineChart(
                          cmd, ACCOUNTS, outsider, Optional.empty(), true, TX)))
          .isEqualTo(REGION_OUT_OF_SCOPE);
      assertThat(
              code(
                  () ->
                      FinanceRules.defineChart(
                          cmd, ACCOUNTS, COUNTY_USER, Optional.empty(), true, TX)))
          .isEqualTo(ALREADY_EXISTS);
    }

    @Test
    @DisplayName("a chart has unique codes whose class matches the leading digit and the parent")
    void accounts() {
      assertThat(code(() -> new Account("101", "现金", AccountClass.EQUITY, Side.DEBIT)))
          .isEqualTo(INVALID_ARGUMENT);
      assertThat(code(() -> new Account("1011", "现金", AccountClass.ASSET, Side.DEBIT)))
          .isEqualTo(INVALID_ARGUMENT);
      assertThat(
              code(
                  () ->
                      Chart.validAccounts(
                          List.of(
                              new Account("101", "现金", AccountClass.ASSET, Side.DEBIT),
                              new Account("101", "现金2", AccountClass.ASSET, Side.DEBIT)))))
          .isEqualTo(INVALID_ARGUMENT);
      assertThat(code(() -> Chart.validAccounts(List.of()))).isEqualTo(INVALID_ARGUMENT);
      assertThat(code(() -> new DefineChart(COUNTY, 1, DATE, "s", "CAIHUI_2023_14", ACCOUNTS)))
          .as("template and accounts together")
          .isEqualTo(INVALID_ARGUMENT);
      assertThat(code(() -> new DefineChart(VILLAGE, 1, DATE, "s", null, ACCOUNTS)))
          .as("a village is not a county")
          .isEqualTo(INVALID_ARGUMENT);
    }

    @Test
    @DisplayName("the version in force on a date is the latest one effective by then")
    void chartAt() {
      Chart v2 =
          new Chart(
              COUNTY,
              2,
              LocalDate.of(2026, 1, 1),
              "s",
              ACCOUNTS.subList(0, 2),
              "p",
              "t",
              TX.time());
      assertThat(FinanceRules.chartAt(List.of(CHART, v2), LocalDate.of(2025, 12, 31)).version())
          .isEqualTo(1);
      assertThat(FinanceRules.chartAt(List.of(v2, CHART), LocalDate.of(2026, 1, 1)).version())
          .isEqualTo(2);
      assertThat(code(() -> FinanceRules.chartAt(List.of(CHART), LocalDate.of(2023, 12, 31))))
          .isEqualTo(CHART_NOT_FOUND);
    }
  }

  @Nested
  @DisplayName("defineSubAccount")
  class DefineSubAccountStory {

    @Test
    @DisplayName("inherits class and side; needs a known parent without entries")
    void rules() {
      DefineSubAccount cmd = new DefineSubAccount(VILLAGE, "30101", "村民股金");
      SubAccount sub =
          FinanceRules.defineSubAccount(cmd, CLERK, List.of(CHART), List.of(), false, false, TX);
      assertThat(sub.parentCode()).isEqualTo("301");
      assertThat(sub.side()).isEqualTo(Side.CREDIT);
      assertThat(sub.accountClass()).isEqualTo(AccountClass.EQUITY);
      assertThat(
              code(
                  () ->
                      FinanceRules.defineSubAccount(
                          cmd, CLERK, List.of(CHART), List.of(), true, false, TX)))
          .isEqualTo(INVALID_STATE);
      assertThat(
              code(
                  () ->
                      FinanceRules.defineSubAccount(
                          new DefineSubAccount(VILLAGE, "19901", "x"),
                          CLERK,
                          List.of(CHART),
                          List.of(),
                          false,
                          false,
                          TX)))
          .isEqualTo(ACCOUNT_NOT_FOUND);
      assertThat(
              code(
                  () ->
                      FinanceRules.defineSubAccount(
                          new DefineSubAccount(VILLAGE, "10201", "重复"),
                          CLERK,
                          List.of(CHART),
                          List.of(),
                          false,
                          false,
                          TX)))
          .as("the chart already has it")
          .isEqualTo(ALREADY_EXISTS);
      assertThat(
              code(
                  () ->
                      FinanceRules.defineSubAccount(
                          cmd, OTHER_CLERK, List.of(CHART), List.of(), false, false, TX)))
          .isEqualTo(REGION_OUT_OF_SCOPE);
      assertThat(
              code(
                  () ->
                      FinanceRules.defineSubAccount(
                          cmd, AUDITOR, List.of(CHART), List.of(), false, false, TX)))
          .isEqualTo(ACCESS_DENIED);
      assertThat(
              code(
                  () ->
                      FinanceRules.defineSubAccount(
                          cmd, CLERK, List.of(), List.of(), false, false, TX)))
          .isEqualTo(CHART_NOT_FOUND);
    }
  }

  // ---- vouchers -------------------------------------------------------------------------------

  @Nested
  @DisplayName("recordVoucher")
  class RecordVoucherStory {

    @Test
    @DisplayName("a balanced voucher becomes a draft of its month, total in fen")
    void draft() {
      Voucher voucher = record(simple("V1", 12_345));
      assertThat(voucher.status()).isEqualTo(VoucherStatus.DRAFT);
      assertThat(voucher.period()).isEqualTo("2026-04");
      assertThat(voucher.totalFen()).isEqualTo(12_345);
      assertThat(voucher.chartVersion()).isEqualTo(1);
      assertThat(voucher.steps()).hasSize(1);
      assertThat(voucher.steps().get(0).party()).isEqualTo("TownshipOrgMSP/V1");
    }

    @Test
    @DisplayName("debits must equal credits")
    void unbalanced() {
      assertThat(code(() -> record(cmd("V1", DATE, null, debit("101", 100), credit("501", 99)))))
          .isEqualTo(VOUCHER_UNBALANCED);
    }

    @Test
    @DisplayName("each line has a positive amount on exactly one side; sums never overflow")
    void amounts() {
      assertThat(code(() -> record(cmd("V1", DATE, null, debit("101", -5), credit("501", -5)))))
          .isEqualTo(AMOUNT_INVALID);
      assertThat(
              code(
                  () ->
                      record(
                          cmd(
                              "V1",
                              DATE,
                              null,
                              new VoucherLine("101", 5, 5, null, null),
                              credit("501", 0)))))
          .isEqualTo(AMOUNT_INVALID);
      assertThat(
              code(
                  () ->
                      record(
                          cmd(
                              "V1",
                              DATE,
                              null,
                              debit("101", Long.MAX_VALUE),
                              debit("513", 1),
                              credit("501", 1)))))
          .isEqualTo(AMOUNT_INVALID);
    }

    @Test
    @DisplayName("accounts must exist and be leaves")
    void accounts() {
      assertThat(code(() -> record(cmd("V1", DATE, null, debit("109", 1), credit("501", 1)))))
          .isEqualTo(ACCOUNT_NOT_FOUND);
      assertThat(code(() -> record(cmd("V1", DATE, null, debit("102", 1), credit("501", 1)))))
          .isEqualTo(ACCOUNT_NOT_LEAF);
      SubAccount sub =
          new SubAccount(
              VILLAGE, "10101", "备用金", "101", AccountClass.ASSET, Side.DEBIT, "p", "t", TX.time());
      assertThat(
              code(
                  () ->
                      FinanceRules.recordVoucher(
                          simple("V1", 5),
                          CLERK,
                          List.of(CHART),
                          List.of(sub),
                          CONTRACTS,
                          Optional.empty(),
                          RULES,
                          Optional.empty(),
                          false,
                          TX)))
          .as("a village sub-account makes 101 a parent")
          .isEqualTo(ACCOUNT_NOT_LEAF);
    }

    @Test
    @DisplayName("a closed month refuses back-dated vouchers; a future date is invalid")
    void periods() {
      assertThat(
              code(
                  () ->
                      record(
                          simple("V1", 5),
                          Optional.empty(),
                          Optional.of(closed("2026-04")),
                          CLERK)))
          .isEqualTo(PERIOD_CLOSED);
      assertThat(record(simple("V1", 5), Optional.empty(), Optional.of(closed("2026-03")), CLERK))
          .isNotNull();
      assertThat(
              code(
                  () ->
                      record(
                          cmd(
                              "V1",
                              LocalDate.of(2026, 5, 21),
                              null,
                              debit("101", 1),
                              credit("501", 1)))))
          .isEqualTo(INVALID_ARGUMENT);
    }

    @Test
    @DisplayName("checks in catalogue order: role, scope, chart, account, decision, id, amounts")
    void order() {
      RecordVoucher bad = cmd("V1", DATE, "D-X", debit("109", -1), credit("501", 2));
      assertThat(code(() -> record(bad, Optional.empty(), Optional.empty(), TOWNSHIP)))
          .isEqualTo(ACCESS_DENIED);
      assertThat(code(() -> record(bad, Optional.empty(), Optional.empty(), OTHER_CLERK)))
          .isEqualTo(REGION_OUT_OF_SCOPE);
      assertThat(
              code(
                  () ->
                      FinanceRules.recordVoucher(
                          bad,
                          CLERK,
                          List.of(),
                          List.of(),
                          CONTRACTS,
                          Optional.empty(),
                          RULES,
                          Optional.empty(),
                          true,
                          TX)))
          .isEqualTo(CHART_NOT_FOUND);
      assertThat(code(() -> record(bad))).isEqualTo(ACCOUNT_NOT_FOUND);
      RecordVoucher unknownDecision = cmd("V1", DATE, "D-X", debit("101", -1), credit("501", 2));
      assertThat(code(() -> record(unknownDecision))).isEqualTo(DECISION_NOT_FOUND);
      assertThat(
              code(
                  () ->
                      FinanceRules.recordVoucher(
                          cmd("V1", DATE, null, debit("101", -1), credit("501", 2)),
                          CLERK,
                          List.of(CHART),
                          List.of(),
                          CONTRACTS,
                          Optional.empty(),
                          RULES,
                          Optional.empty(),
                          true,
                          TX)))
          .isEqualTo(ALREADY_EXISTS);
    }

    @Test
    @DisplayName("commands need 2..500 lines and well-formed attachments")
    void shape() {
      assertThat(code(() -> cmd("V1", DATE, null, debit("101", 1)))).isEqualTo(INVALID_ARGUMENT);
      assertThat(code(() -> new Attachment("x", "ABC"))).isEqualTo(INVALID_ARGUMENT);
      assertThat(code(() -> new VoucherLine("1", 1, 0, null, null))).isEqualTo(INVALID_ARGUMENT);
    }
  }

  @Nested
  @DisplayName("large amounts and 四议两公开 decisions")
  class Decisions {

    RecordVoucher large(String decisionId) {
      return cmd("V1", DATE, decisionId, debit("151", 2_000_000), credit("10201", 2_000_000));
    }

    @Test
    @DisplayName("at or above the threshold a decision of the village, taken before, covering it")
    void largeAmounts() {
      assertThat(code(() -> record(large(null)))).isEqualTo(DECISION_REQUIRED);
      assertThat(
              code(
                  () ->
                      record(
                          large("D1"),
                          Optional.of(decision("D1", VILLAGE, DATE, 1_999_999)),
                          Optional.empty(),
                          CLERK)))
          .isEqualTo(DECISION_REQUIRED);
      assertThat(
              code(
                  () ->
                      record(
                          large("D1"),
                          Optional.of(decision("D1", OTHER_VILLAGE, DATE, 2_000_000)),
                          Optional.empty(),
                          CLERK)))
          .isEqualTo(DECISION_REQUIRED);
      assertThat(
              code(
                  () ->
                      record(
                          large("D1"),
                          Optional.of(decision("D1", VILLAGE, DATE.plusDays(1), 2_000_000)),
                          Optional.empty(),
                          CLERK)))
          .isEqualTo(DECISION_REQUIRED);
      Voucher ok =
          record(
              large("D1"),
              Optional.of(decision("D1", VILLAGE, DATE, 2_000_000)),
              Optional.empty(),
              CLERK);
      assertThat(ok.decisionId()).isEqualTo("D1");
      RecordVoucher justBelow =
          cmd("V2", DATE, null, debit("151", 999_999), credit("10201", 999_999));
      assertThat(record(justBelow).decisionId()).isNull();
      RecordVoucher exactly =
          cmd("V3", DATE, null, debit("151", 1_000_000), credit("10201", 1_000_000));
      assertThat(code(() -> record(exactly))).isEqualTo(DECISION_REQUIRED);
    }

    @Test
    @DisplayName("without rules every voucher needs approval and none needs a decision")
    void noRules() {
      ApprovalRules none = FinanceRules.rulesAt(List.of(), COUNTY, DATE);
      Voucher big = record(cmd("V1", DATE, null, debit("151", 5), credit("10201", 5)));
      assertThat(none.isLarge(big)).isFalse();
      assertThat(none.needsApproval(big)).isTrue();
      ApprovalRules lenient =
          new ApprovalRules(COUNTY, 1, LocalDate.of(2024, 1, 1), 10, false, "x", "t", TX.time());
      assertThat(lenient.needsApproval(big)).isFalse();
      assertThat(FinanceRules.rulesAt(List.of(lenient), COUNTY, DATE)).isEqualTo(lenient);
    }

    @Test
    @DisplayName("recordDecision: village only, positive amount, not in the future, new id")
    void recordDecision() {
      RecordDecision cmd = new RecordDecision("D1", VILLAGE, "修路", DATE, 100, HASH, null);
      assertThat(FinanceRules.recordDecision(cmd, CLERK, false, TX).amountFen()).isEqualTo(100);
      assertThat(code(() -> FinanceRules.recordDecision(cmd, TOWNSHIP, false, TX)))
          .isEqualTo(ACCESS_DENIED);
      assertThat(code(() -> FinanceRules.recordDecision(cmd, OTHER_CLERK, false, TX)))
          .isEqualTo(REGION_OUT_OF_SCOPE);
      assertThat(code(() -> FinanceRules.recordDecision(cmd, CLERK, true, TX)))
          .isEqualTo(ALREADY_EXISTS);
      RecordDecision zero = new RecordDecision("D1", VILLAGE, "修路", DATE, 0, HASH, null);
      assertThat(code(() -> FinanceRules.recordDecision(zero, CLERK, false, TX)))
          .isEqualTo(AMOUNT_INVALID);
      RecordDecision future =
          new RecordDecision("D1", VILLAGE, "修路", LocalDate.of(2026, 6, 1), 1, HASH, null);
      assertThat(code(() -> FinanceRules.recordDecision(future, CLERK, false, TX)))
          .isEqualTo(INVALID_ARGUMENT);
    }

    @Test
    @DisplayName("defineApprovalRules: county only, positive threshold, next version")
    void defineRules() {
      DefineApprovalRules cmd = new DefineApprovalRules(COUNTY, 1, DATE, 500_000, true);
      assertThat(
              FinanceRules.defineApprovalRules(cmd, COUNTY_USER, Optional.empty(), false, TX)
                  .largeAmountFen())
          .isEqualTo(500_000);
      assertThat(
              code(() -> FinanceRules.defineApprovalRules(cmd, CLERK, Optional.empty(), false, TX)))
          .isEqualTo(ACCESS_DENIED);
      assertThat(
              code(
                  () ->
                      FinanceRules.defineApprovalRules(
                          new DefineApprovalRules(COUNTY, 1, DATE, 0, true),
                          COUNTY_USER,
                          Optional.empty(),
                          false,
                          TX)))
          .isEqualTo(AMOUNT_INVALID);
      assertThat(
              code(
                  () ->
                      FinanceRules.defineApprovalRules(
                          cmd, COUNTY_USER, Optional.of(RULES), false, TX)))
          .isEqualTo(INVALID_STATE);
    }
  }

  @Nested
  @DisplayName("submit / approve / reject / post")
  class Lifecycle {

    Voucher draft = record(simple("V1", 500));

    @Test
    @DisplayName("draft → submitted → approved → posted, each step appended")
    void happyPath() {
      Voucher submitted =
          FinanceRules.submitVoucher(
                  Optional.of(draft), "V1", CLERK, RULES, Optional.empty(), Optional.empty(), TX)
              .record();
      Voucher approved =
          FinanceRules.approveVoucher(
                  Optional.of(submitted),
                  "V1",
                  TOWNSHIP,
                  RULES,
                  Optional.empty(),
                  Optional.empty(),
                  TX)
              .record();
      Voucher posted =
          FinanceRules.postVoucher(
                  Optional.of(approved),
                  "V1",
                  TOWNSHIP,
                  RULES,
                  Optional.empty(),
                  Optional.empty(),
                  TX)
              .record();
      assertThat(posted.status()).isEqualTo(VoucherStatus.POSTED);
      assertThat(posted.steps())
          .extracting(VoucherStep::status)
          .containsExactly(
              VoucherStatus.DRAFT,
              VoucherStatus.SUBMITTED,
              VoucherStatus.APPROVED,
              VoucherStatus.POSTED);
      assertThat(posted.step(VoucherStatus.POSTED).orElseThrow().party())
          .isEqualTo("TownshipOrgMSP/NJZ");
      var retry =
          FinanceRules.postVoucher(
              Optional.of(posted), "V1", TOWNSHIP, RULES, Optional.empty(), Optional.empty(), TX);
      assertThat(retry.written()).isFalse();
      assertThat(retry.record()).isEqualTo(posted);
    }

    @Test
    @DisplayName("out of order is INVALID_STATE; unknown is VOUCHER_NOT_FOUND")
    void order() {
      assertThat(
              code(
                  () ->
                      FinanceRules.approveVoucher(
                          Optional.of(draft),
                          "V1",
                          TOWNSHIP,
                          RULES,
                          Optional.empty(),
                          Optional.empty(),
                          TX)))
          .isEqualTo(INVALID_STATE);
      assertThat(
              code(
                  () ->
                      FinanceRules.postVoucher(
                          Optional.of(step(draft, VoucherStatus.SUBMITTED)),
                          "V1",
                          TOWNSHIP,
                          RULES,
                          Optional.empty(),
                          Optional.empty(),
                          TX)))
          .isEqualTo(INVALID_STATE);
      assertThat(
              code(
                  () ->
                      FinanceRules.submitVoucher(
                          Optional.empty(),
                          "V1",
                          CLERK,
                          RULES,
                          Optional.empty(),
                          Optional.empty(),
                          TX)))
          .isEqualTo(VOUCHER_NOT_FOUND);
      assertThat(
              code(
                  () ->
                      FinanceRules.rejectVoucher(
                          Optional.of(draft), new RejectVoucher("V1", "无票"), TOWNSHIP, TX)))
          .isEqualTo(INVALID_STATE);
    }

    @Test
    @DisplayName("roles and scopes: village submits, its township approves and posts")
    void roles() {
      Voucher submitted = step(draft, VoucherStatus.SUBMITTED);
      assertThat(
              code(
                  () ->
                      FinanceRules.submitVoucher(
                          Optional.of(draft),
                          "V1",
                          OTHER_CLERK,
                          RULES,
                          Optional.empty(),
                          Optional.empty(),
                          TX)))
          .isEqualTo(REGION_OUT_OF_SCOPE);
      assertThat(
              code(
                  () ->
                      FinanceRules.approveVoucher(
                          Optional.of(submitted),
                          "V1",
                          CLERK,
                          RULES,
                          Optional.empty(),
                          Optional.empty(),
                          TX)))
          .isEqualTo(ACCESS_DENIED);
      assertThat(
              code(
                  () ->
                      FinanceRules.approveVoucher(
                          Optional.of(submitted),
                          "V1",
                          OTHER_TOWNSHIP,
                          RULES,
                          Optional.empty(),
                          Optional.empty(),
                          TX)))
          .isEqualTo(REGION_OUT_OF_SCOPE);
      assertThat(
              code(
                  () ->
                      FinanceRules.postVoucher(
                          Optional.of(submitted),
                          "V1",
                          CLERK,
                          RULES,
                          Optional.empty(),
                          Optional.empty(),
                          TX)))
          .isEqualTo(ACCESS_DENIED);
      ApprovalRules lenient =
          new ApprovalRules(COUNTY, 1, LocalDate.of(2024, 1, 1), 1_000, false, "x", "t", TX.time());
      assertThat(
              FinanceRules.postVoucher(
                      Optional.of(submitted),
                      "V1",
                      CLERK,
                      lenient,
                      Optional.empty(),
                      Optional.empty(),
                      TX)
                  .record()
                  .status())
          .isEqualTo(VoucherStatus.POSTED);
      assertThat(
              code(
                  () ->
                      FinanceRules.postVoucher(
                          Optional.of(draft),
                          "V1",
                          CLERK,
                          lenient,
                          Optional.empty(),
                          Optional.empty(),
                          TX)))
          .isEqualTo(INVALID_STATE);
    }

    @Test
    @DisplayName("no step in a closed month; the township rejects a submitted voucher")
    void closedAndRejected() {
      Voucher submitted = step(draft, VoucherStatus.SUBMITTED);
      assertThat(
              code(
                  () ->
                      FinanceRules.approveVoucher(
                          Optional.of(submitted),
                          "V1",
                          TOWNSHIP,
                          RULES,
                          Optional.empty(),
                          Optional.of(closed("2026-04")),
                          TX)))
          .isEqualTo(PERIOD_CLOSED);
      Voucher rejected =
          FinanceRules.rejectVoucher(
                  Optional.of(submitted), new RejectVoucher("V1", "无票"), TOWNSHIP, TX)
              .record();
      assertThat(rejected.status()).isEqualTo(VoucherStatus.REJECTED);
      assertThat(rejected.steps().get(2).note()).isEqualTo("无票");
    }
  }

  @Nested
  @DisplayName("reverseVoucher")
  class Reverse {

    Voucher original = posted(record(simple("V1", 700)));

    ReverseVoucher cmd(LocalDate date) {
      return new ReverseVoucher("V2", "V1", date, "冲销");
    }

    @Test
    @DisplayName("a reversal repeats the lines in red (negated) and names the original")
    void redInk() {
      Voucher reversal =
          FinanceRules.reverseVoucher(
              cmd(DATE), CLERK, Optional.of(original), false, Optional.empty(), false, TX);
      assertThat(reversal.reverses()).isEqualTo("V1");
      assertThat(reversal.totalFen()).isEqualTo(-700);
      assertThat(reversal.lines().get(0).debitFen()).isEqualTo(-700);
      assertThat(reversal.lines().get(1).creditFen()).isEqualTo(-700);
      ApprovalRules lenient =
          new ApprovalRules(COUNTY, 1, LocalDate.of(2024, 1, 1), 1_000, false, "x", "t", TX.time());
      assertThat(lenient.needsApproval(reversal)).as("reversals always need approval").isTrue();
    }

    @Test
    @DisplayName("only a posted, unreversed, non-reversal voucher; into an open month")
    void rules() {
      assertThat(
              code(
                  () ->
                      FinanceRules.reverseVoucher(
                          cmd(DATE), CLERK, Optional.empty(), false, Optional.empty(), false, TX)))
          .isEqualTo(VOUCHER_NOT_FOUND);
      assertThat(
              code(
                  () ->
                      FinanceRules.reverseVoucher(
                          cmd(DATE),
                          CLERK,
                          Optional.of(original),
                          true,
                          Optional.empty(),
                          false,
                          TX)))
          .isEqualTo(ALREADY_REVERSED);
      assertThat(
              code(
                  () ->
                      FinanceRules.reverseVoucher(
                          cmd(DATE),
                          CLERK,
                          Optional.of(record(simple("V1", 5))),
                          false,
                          Optional.empty(),
                          false,
                          TX)))
          .isEqualTo(INVALID_STATE);
      assertThat(
              code(
                  () ->
                      FinanceRules.reverseVoucher(
                          cmd(DATE),
                          CLERK,
                          Optional.of(original),
                          false,
                          Optional.of(closed("2026-04")),
                          false,
                          TX)))
          .isEqualTo(PERIOD_CLOSED);
      assertThat(
              code(
                  () ->
                      FinanceRules.reverseVoucher(
                          cmd(DATE.minusDays(1)),
                          CLERK,
                          Optional.of(original),
                          false,
                          Optional.empty(),
                          false,
                          TX)))
          .isEqualTo(INVALID_ARGUMENT);
      assertThat(
              code(
                  () ->
                      FinanceRules.reverseVoucher(
                          cmd(DATE),
                          OTHER_CLERK,
                          Optional.of(original),
                          false,
                          Optional.empty(),
                          false,
                          TX)))
          .isEqualTo(REGION_OUT_OF_SCOPE);
      assertThat(
              code(
                  () ->
                      FinanceRules.reverseVoucher(
                          cmd(DATE),
                          CLERK,
                          Optional.of(original),
                          false,
                          Optional.empty(),
                          true,
                          TX)))
          .isEqualTo(ALREADY_EXISTS);
      Voucher reversal =
          posted(
              FinanceRules.reverseVoucher(
                  cmd(DATE), CLERK, Optional.of(original), false, Optional.empty(), false, TX));
      assertThat(
              code(
                  () ->
                      FinanceRules.reverseVoucher(
                          new ReverseVoucher("V3", "V2", DATE, "再冲"),
                          CLERK,
                          Optional.of(reversal),
                          false,
                          Optional.empty(),
                          false,
                          TX)))
          .isEqualTo(INVALID_STATE);
      assertThat(code(() -> new ReverseVoucher("V1", "V1", DATE, "x"))).isEqualTo(INVALID_ARGUMENT);
    }
  }

  @Nested
  @DisplayName("closePeriod")
  class Close {

    @Test
    @DisplayName("closes an ended month after the last closed one, counting posted vouchers")
    void closes() {
      Voucher posted = posted(record(simple("V1", 700)));
      Voucher rejected =
          step(step(record(simple("V2", 5)), VoucherStatus.SUBMITTED), VoucherStatus.REJECTED);
      PeriodClose close =
          FinanceRules.closePeriod(
                  new ClosePeriod(VILLAGE, "2026-04"),
                  TOWNSHIP,
                  Optional.of(closed("2026-03")),
                  List.of(posted, rejected, record(simple("V3", 1))),
                  List.of(posted),
                  TX)
              .record();
      assertThat(close.balances())
          .containsExactly(
              new PeriodClose.Balance("101", 700), new PeriodClose.Balance("501", -700));
      assertThat(close.postedVouchers()).isEqualTo(1);
      assertThat(close.debitFen()).isEqualTo(700);
      assertThat(close.locks("2026-04")).isTrue();
      assertThat(close.locks("2026-05")).isFalse();
    }

    @Test
    @DisplayName("refuses: not ended, out of order, already closed, vouchers pending, wrong role")
    void refuses() {
      assertThat(
              code(
                  () ->
                      FinanceRules.closePeriod(
                          new ClosePeriod(VILLAGE, "2026-05"),
                          TOWNSHIP,
                          Optional.empty(),
                          List.of(),
                          List.of(),
                          TX)))
          .isEqualTo(INVALID_STATE);
      assertThat(
              code(
                  () ->
                      FinanceRules.closePeriod(
                          new ClosePeriod(VILLAGE, "2026-04"),
                          TOWNSHIP,
                          Optional.of(closed("2026-02")),
                          List.of(),
                          List.of(),
                          TX)))
          .isEqualTo(INVALID_STATE);
      assertThat(
              code(
                  () ->
                      FinanceRules.closePeriod(
                          new ClosePeriod(VILLAGE, "2026-02"),
                          TOWNSHIP,
                          Optional.of(closed("2026-03")),
                          List.of(),
                          List.of(),
                          TX)))
          .isEqualTo(PERIOD_CLOSED);
      Voucher waiting = step(record(simple("V1", 5)), VoucherStatus.SUBMITTED);
      assertThat(
              code(
                  () ->
                      FinanceRules.closePeriod(
                          new ClosePeriod(VILLAGE, "2026-04"),
                          TOWNSHIP,
                          Optional.empty(),
                          List.of(waiting),
                          List.of(),
                          TX)))
          .isEqualTo(INVALID_STATE);
      assertThat(
              code(
                  () ->
                      FinanceRules.closePeriod(
                          new ClosePeriod(VILLAGE, "2026-04"),
                          CLERK,
                          Optional.empty(),
                          List.of(),
                          List.of(),
                          TX)))
          .isEqualTo(ACCESS_DENIED);
      assertThat(
              code(
                  () ->
                      FinanceRules.closePeriod(
                          new ClosePeriod(VILLAGE, "2026-04"),
                          OTHER_TOWNSHIP,
                          Optional.empty(),
                          List.of(),
                          List.of(),
                          TX)))
          .isEqualTo(REGION_OUT_OF_SCOPE);
      assertThat(code(() -> new ClosePeriod(VILLAGE, "2026-13"))).isEqualTo(INVALID_ARGUMENT);
    }

    @Test
    @DisplayName("the same township retrying the last close changes nothing")
    void retry() {
      PeriodClose last = closed("2026-04");
      var retry =
          FinanceRules.closePeriod(
              new ClosePeriod(VILLAGE, "2026-04"),
              TOWNSHIP,
              Optional.of(last),
              List.of(),
              List.of(),
              TX);
      assertThat(retry.written()).isFalse();
      assertThat(retry.record()).isEqualTo(last);
    }
  }

  // ---- views ----------------------------------------------------------------------------------

  @Nested
  @DisplayName("trial balance and account detail")
  class Views {

    @Test
    @DisplayName("a hand-computed month: opening, movements, closing; parents sum their leaves")
    void handComputed() {
      Books books = new Books(CHART, List.of());
      Voucher capital =
          posted(
              record(
                  cmd(
                      "V1",
                      LocalDate.of(2026, 3, 2),
                      null,
                      debit("10201", 800_000),
                      credit("301", 800_000))));
      Voucher cash =
          posted(
              record(
                  cmd(
                      "V2",
                      LocalDate.of(2026, 3, 9),
                      null,
                      debit("101", 50_000),
                      credit("10201", 50_000))));
      Voucher lease =
          posted(record(cmd("V3", DATE, null, debit("10201", 300_000), credit("501", 300_000))));
      Voucher office =
          posted(
              record(
                  cmd("V4", DATE.plusDays(1), null, debit("513", 12_050), credit("101", 12_050))));
      Voucher may =
          posted(
              record(cmd("V5", LocalDate.of(2026, 5, 1), null, debit("513", 1), credit("101", 1))));
      TrialBalance balance =
          TrialBalance.compute(
              VILLAGE, "2026-04", books, List.of(may, office, lease, cash, capital));
      assertThat(balance.rows())
          .containsExactly(
              new TrialBalance.Row("101", "库存现金", Side.DEBIT, true, 50_000, 0, 12_050, 37_950),
              new TrialBalance.Row(
                  "102", "银行存款", Side.DEBIT, false, 750_000, 300_000, 0, 1_050_000),
              new TrialBalance.Row(
                  "10201", "农商银行", Side.DEBIT, true, 750_000, 300_000, 0, 1_050_000),
              new TrialBalance.Row("301", "资本", Side.CREDIT, true, -800_000, 0, 0, -800_000),
              new TrialBalance.Row("501", "经营收入", Side.CREDIT, true, 0, 0, 300_000, -300_000),
              new TrialBalance.Row("513", "管理费用", Side.DEBIT, true, 0, 12_050, 0, 12_050));
      assertThat(balance.openingDebitFen()).isEqualTo(800_000);
      assertThat(balance.openingCreditFen()).isEqualTo(800_000);
      assertThat(balance.debitFen()).isEqualTo(312_050);
      assertThat(balance.creditFen()).isEqualTo(312_050);
      assertThat(balance.closingDebitFen()).isEqualTo(1_100_000);
      assertThat(balance.closingCreditFen()).isEqualTo(1_100_000);
      assertThat(balance.balanced()).isTrue();
      assertThat(balance.vouchers())
          .extracting(TrialBalance.Source::voucherId)
          .containsExactly("V3", "V4");
      assertThat(balance.vouchers().get(0).postedTxId()).isEqualTo("tx-s");

      AccountDetail detail =
          AccountDetail.compute(
              VILLAGE, "101", "2026-04", books, List.of(capital, cash, lease, office, may));
      assertThat(detail.openingFen()).isEqualTo(50_000);
      assertThat(detail.entries())
          .containsExactly(
              new AccountDetail.Entry(
                  "V4", "tx-s", DATE.plusDays(1), "101", "收到租金", 0, 12_050, 37_950));
      assertThat(detail.closingFen()).isEqualTo(37_950);

      PeriodClose march =
          FinanceRules.closePeriod(
                  new ClosePeriod(VILLAGE, "2026-03"),
                  TOWNSHIP,
                  Optional.empty(),
                  List.of(capital, cash),
                  List.of(capital, cash, lease, office, may),
                  TX)
              .record();
      assertThat(march.balances())
          .containsExactly(
              new PeriodClose.Balance("101", 50_000),
              new PeriodClose.Balance("10201", 750_000),
              new PeriodClose.Balance("301", -800_000));
      assertThat(
              TrialBalance.compute(
                  VILLAGE, "2026-04", books, Optional.of(march), List.of(lease, office)))
          .as("from the March snapshot plus April's vouchers: the same trial balance")
          .isEqualTo(balance);
    }
  }

  // ---- disclosure -----------------------------------------------------------------------------

  @Nested
  @DisplayName("disclosure: catalogue, publication, objection, answer")
  class DisclosureStory {

    static final List<Catalogue.Category> CATEGORIES =
        List.of(
            new Catalogue.Category(
                "CAIW",
                "财务公开",
                List.of(new Catalogue.Item("CAIW-01", "收支"), new Catalogue.Item("CAIW-02", "资产"))));

    Catalogue catalogue() {
      return FinanceRules.defineCatalogue(
          new DefineCatalogue(COUNTY, "XF", 1, "目录", 10, 15, false, null, CATEGORIES),
          CATEGORIES,
          true,
          COUNTY_USER,
          Optional.empty(),
          false,
          TX);
    }

    Publication publish(String period) {
      return FinanceRules.publish(
          new PublishDisclosure("P1", VILLAGE, "XF", "CAIW-02", period, "资产公开", HASH),
          CLERK,
          Optional.of(catalogue()),
          false,
          TX);
    }

    @Test
    @DisplayName("a county catalogue with unique codes; the template marks it to be confirmed")
    void catalogueRules() {
      assertThat(catalogue().toBeConfirmed()).isTrue();
      assertThat(
              code(
                  () ->
                      Catalogue.validCategories(
                          List.of(
                              new Catalogue.Category(
                                  "A", "甲", List.of(new Catalogue.Item("A", "重复")))))))
          .isEqualTo(INVALID_ARGUMENT);
      assertThat(
              code(
                  () ->
                      FinanceRules.defineCatalogue(
                          new DefineCatalogue(
                              COUNTY, "XF", 1, "目录", 10, 15, false, null, CATEGORIES),
                          CATEGORIES,
                          false,
                          CLERK,
                          Optional.empty(),
                          false,
                          TX)))
          .isEqualTo(ACCESS_DENIED);
      assertThat(
              code(
                  () ->
                      FinanceRules.defineCatalogue(
                          new DefineCatalogue(
                              COUNTY, "XF", 2, "目录", 10, 15, false, null, CATEGORIES),
                          CATEGORIES,
                          false,
                          COUNTY_USER,
                          Optional.empty(),
                          false,
                          TX)))
          .isEqualTo(INVALID_STATE);
    }

    @Test
    @DisplayName("due at the period's end plus the grace days; late when published after")
    void deadlines() {
      Publication april = publish("2026-04");
      assertThat(april.dueOn()).isEqualTo(LocalDate.of(2026, 5, 10));
      assertThat(april.late()).isTrue();
      assertThat(publish("2026-Q2").dueOn()).isEqualTo(LocalDate.of(2026, 7, 10));
      assertThat(publish("2026-Q2").late()).isFalse();
      assertThat(publish("2026").dueOn()).isEqualTo(LocalDate.of(2027, 1, 10));
      assertThat(april.categoryCode()).isEqualTo("CAIW");
    }

    @Test
    @DisplayName("publishing needs the catalogue and item, one's own village, a new id")
    void publishRules() {
      PublishDisclosure unknownItem =
          new PublishDisclosure("P1", VILLAGE, "XF", "CAIW-09", "2026-04", "x", HASH);
      assertThat(
              code(
                  () ->
                      FinanceRules.publish(
                          unknownItem, CLERK, Optional.of(catalogue()), false, TX)))
          .isEqualTo(CATALOGUE_NOT_FOUND);
      assertThat(code(() -> FinanceRules.publish(unknownItem, CLERK, Optional.empty(), false, TX)))
          .isEqualTo(CATALOGUE_NOT_FOUND);
      assertThat(
              code(
                  () ->
                      FinanceRules.publish(
                          unknownItem, OTHER_CLERK, Optional.of(catalogue()), false, TX)))
          .isEqualTo(REGION_OUT_OF_SCOPE);
      assertThat(
              code(
                  () ->
                      FinanceRules.publish(
                          new PublishDisclosure(
                              "P1", VILLAGE, "XF", "CAIW-01", "2026-04", "x", HASH),
                          CLERK,
                          Optional.of(catalogue()),
                          true,
                          TX)))
          .isEqualTo(ALREADY_EXISTS);
      assertThat(
              code(
                  () ->
                      new PublishDisclosure("P1", VILLAGE, "XF", "CAIW-01", "2026-Q5", "x", HASH)))
          .isEqualTo(INVALID_ARGUMENT);
    }

    @Test
    @DisplayName("a villager of the village objects by hash; the village answers once")
    void objections() {
      Publication about = publish("2026-04");
      FileObjection cmd = new FileObjection("O1", "P1", "依据？");
      Objection objection =
          FinanceRules.fileObjection(cmd, VILLAGER, Optional.of(about), 15, HASH, false, TX);
      assertThat(objection.dueOn()).isEqualTo(LocalDate.of(2026, 6, 4));
      assertThat(objection.objectorHash()).isEqualTo(HASH);
      assertThat(
              code(
                  () ->
                      FinanceRules.fileObjection(
                          cmd, CLERK, Optional.of(about), 15, HASH, false, TX)))
          .isEqualTo(ACCESS_DENIED);
      Actor stranger = new Actor("TownshipOrgMSP", "C2", Role.VILLAGER, OTHER_VILLAGE);
      assertThat(
              code(
                  () ->
                      FinanceRules.fileObjection(
                          cmd, stranger, Optional.of(about), 15, HASH, false, TX)))
          .isEqualTo(REGION_OUT_OF_SCOPE);
      assertThat(
              code(
                  () ->
                      FinanceRules.fileObjection(
                          cmd, VILLAGER, Optional.empty(), 15, HASH, false, TX)))
          .isEqualTo(PUBLICATION_NOT_FOUND);
      assertThat(
              code(
                  () ->
                      FinanceRules.fileObjection(
                          cmd, VILLAGER, Optional.of(about), 15, null, false, TX)))
          .isEqualTo(INVALID_ARGUMENT);

      AnswerObjection answer = new AnswerObjection("O1", "已核实", null);
      Objection answered =
          FinanceRules.answerObjection(answer, CLERK, Optional.of(objection), TX).record();
      assertThat(answered.status()).isEqualTo(Objection.Status.ANSWERED);
      assertThat(answered.answer().late()).isFalse();
      assertThat(FinanceRules.answerObjection(answer, CLERK, Optional.of(answered), TX).written())
          .isFalse();
      assertThat(
              code(
                  () ->
                      FinanceRules.answerObjection(
                          new AnswerObjection("O1", "改口", null), CLERK, Optional.of(answered), TX)))
          .isEqualTo(INVALID_STATE);
      assertThat(code(() -> FinanceRules.answerObjection(answer, CLERK, Optional.empty(), TX)))
          .isEqualTo(OBJECTION_NOT_FOUND);
      assertThat(
              code(
                  () ->
                      FinanceRules.answerObjection(
                          answer, OTHER_CLERK, Optional.of(objection), TX)))
          .isEqualTo(REGION_OUT_OF_SCOPE);
      Tx late = new Tx("tx-late", ChinaTime.parse("t", "2026-06-30T09:00:00+08:00"));
      assertThat(
              FinanceRules.answerObjection(answer, CLERK, Optional.of(objection), late)
                  .record()
                  .answer()
                  .late())
          .isTrue();
    }
  }

  @Nested
  @DisplayName("anomalies and disclosure status")
  class AnomalyStory {

    Voucher payment(String id, String counterparty, long fen) {
      return posted(
          record(
              cmd(
                  id,
                  DATE,
                  null,
                  new VoucherLine("151", fen, 0, null, counterparty),
                  credit("10201", fen))));
    }

    @Test
    @DisplayName(
        "payments split under the threshold to one counterparty are flagged with all of them")
    void split() {
      List<Voucher> vouchers =
          List.of(
              payment("V1", "某建筑公司", 400_000),
              payment("V2", "某建筑公司", 400_000),
              payment("V3", "某建筑公司", 400_000),
              payment("V4", "小卖部", 900_000),
              payment("V5", "农机站", 300_000),
              payment("V6", "农机站", 300_000));
      var report = Anomalies.detect(VILLAGE, "2026-04", vouchers, RULES, List.of());
      List<Anomalies.Anomaly> splits =
          report.anomalies().stream()
              .filter(a -> a.rule().equals("SPLIT_UNDER_THRESHOLD"))
              .toList();
      assertThat(splits).hasSize(1);
      Anomalies.Anomaly split = splits.get(0);
      assertThat(split.rule()).isEqualTo("SPLIT_UNDER_THRESHOLD");
      assertThat(split.counterparty()).isEqualTo("某建筑公司");
      assertThat(split.amountFen()).isEqualTo(1_200_000);
      assertThat(split.voucherIds()).containsExactly("V1", "V2", "V3");
      assertThat(report.anomalies())
          .filteredOn(a -> a.rule().equals("PAYMENT_WITHOUT_CONTRACT"))
          .extracting(Anomalies.Anomaly::voucherIds)
          .containsExactly(List.of("V4"));
    }

    @Test
    @DisplayName(
        "a payment naming its contract, and a bank-to-cash withdrawal, are no such finding")
    void contractNamed() {
      Voucher withContract =
          posted(
              record(
                  cmd(
                      "V1",
                      DATE,
                      null,
                      debit("513", 600_000),
                      new VoucherLine("10201", 0, 600_000, null, "某合作社", "C1"))));
      Voucher withdrawal =
          posted(record(cmd("V2", DATE, null, debit("101", 612_345), credit("10201", 612_345))));
      assertThat(
              Anomalies.detect(
                      VILLAGE, "2026-04", List.of(withContract, withdrawal), RULES, List.of())
                  .anomalies())
          .isEmpty();
    }

    @Test
    @DisplayName("round-sum cash withdrawals of ¥5,000 and more are flagged; odd sums are not")
    void roundSums() {
      Voucher round =
          posted(record(cmd("V1", DATE, null, debit("101", 600_000), credit("10201", 600_000))));
      Voucher odd =
          posted(record(cmd("V2", DATE, null, debit("101", 612_345), credit("10201", 612_345))));
      Voucher small =
          posted(record(cmd("V3", DATE, null, debit("101", 400_000), credit("10201", 400_000))));
      var report =
          Anomalies.detect(VILLAGE, "2026-04", List.of(round, odd, small), RULES, List.of());
      assertThat(report.anomalies())
          .extracting(Anomalies.Anomaly::rule, Anomalies.Anomaly::voucherIds)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("ROUND_SUM_CASH_WITHDRAWAL", List.of("V1")));
    }

    @Test
    @DisplayName("entries recorded more than a month after their month, and late disclosures")
    void backDatedAndLate() {
      Voucher march =
          posted(
              record(
                  cmd("V1", LocalDate.of(2026, 3, 10), null, debit("513", 5), credit("101", 5))));
      Voucher april = posted(record(simple("V2", 5)));
      Publication late =
          new Publication(
              "P1",
              VILLAGE,
              "XF",
              1,
              "CAIW",
              "CAIW-01",
              "2026-03",
              "t",
              HASH,
              LocalDate.of(2026, 4, 10),
              true,
              "p",
              "tx",
              TX.time());
      var march2 = Anomalies.detect(VILLAGE, "2026-03", List.of(march), RULES, List.of(late));
      assertThat(march2.anomalies())
          .extracting(Anomalies.Anomaly::rule)
          .containsExactly("BACK_DATED_ENTRY", "LATE_DISCLOSURE");
      assertThat(Anomalies.detect(VILLAGE, "2026-04", List.of(april), RULES, List.of()).anomalies())
          .isEmpty();
    }

    @Test
    @DisplayName("disclosure status per item: published, published late, due, overdue")
    void disclosureStatus() {
      List<Catalogue.Category> categories =
          List.of(
              new Catalogue.Category(
                  "CAIW",
                  "财务",
                  List.of(
                      new Catalogue.Item("CAIW-01", "收支"),
                      new Catalogue.Item("CAIW-02", "资产"),
                      new Catalogue.Item("CAIW-03", "债务"))));
      Catalogue catalogue =
          new Catalogue(COUNTY, "XF", 1, "目录", 10, 15, false, categories, "p", "t", TX.time());
      Publication onTime =
          new Publication(
              "P1",
              VILLAGE,
              "XF",
              1,
              "CAIW",
              "CAIW-01",
              "2026-04",
              "t",
              HASH,
              LocalDate.of(2026, 5, 10),
              false,
              "p",
              "tx",
              TX.time());
      Publication late =
          new Publication(
              "P2",
              VILLAGE,
              "XF",
              1,
              "CAIW",
              "CAIW-02",
              "2026-04",
              "t",
              HASH,
              LocalDate.of(2026, 5, 10),
              true,
              "p",
              "tx",
              TX.time());
      DisclosureStatus before =
          DisclosureStatus.of(
              VILLAGE, catalogue, "2026-04", List.of(onTime), LocalDate.of(2026, 5, 10));
      assertThat(before.items())
          .extracting(DisclosureStatus.ItemStatus::status)
          .containsExactly("PUBLISHED", "DUE", "DUE");
      DisclosureStatus after =
          DisclosureStatus.of(
              VILLAGE, catalogue, "2026-04", List.of(onTime, late), LocalDate.of(2026, 5, 11));
      assertThat(after.items())
          .extracting(DisclosureStatus.ItemStatus::status)
          .containsExactly("PUBLISHED", "PUBLISHED_LATE", "OVERDUE");
      assertThat(after.overdue()).isEqualTo(1);
      assertThat(after.dueOn()).isEqualTo(LocalDate.of(2026, 5, 10));
    }
  }

  @Nested
  @DisplayName("registerContract and contract status")
  class Contracts {

    FinanceCommands.RegisterContract contract(
        long amount, String decisionId, long... installments) {
      List<VillageContract.Installment> schedule = new java.util.ArrayList<>();
      for (int i = 0; i < installments.length; i++) {
        schedule.add(
            new VillageContract.Installment(LocalDate.of(2026, 1 + 2 * i, 28), installments[i]));
      }
      return new FinanceCommands.RegisterContract(
          "C2",
          VILLAGE,
          VillageContract.Direction.EXPENSE,
          "某建筑公司",
          "村道硬化",
          LocalDate.of(2026, 1, 1),
          LocalDate.of(2026, 12, 31),
          amount,
          schedule,
          HASH,
          decisionId);
    }

    @Test
    @DisplayName("the schedule adds up to the amount; large contracts need a decision")
    void register() {
      VillageContract contract =
          FinanceRules.registerContract(
              contract(60_000, null, 20_000, 40_000), CLERK, Optional.empty(), RULES, false, TX);
      assertThat(contract.schedule()).hasSize(2);
      assertThat(
              code(
                  () ->
                      FinanceRules.registerContract(
                          contract(60_000, null, 20_000, 30_000),
                          CLERK,
                          Optional.empty(),
                          RULES,
                          false,
                          TX)))
          .isEqualTo(AMOUNT_INVALID);
      assertThat(
              code(
                  () ->
                      FinanceRules.registerContract(
                          contract(2_000_000, null, 2_000_000),
                          CLERK,
                          Optional.empty(),
                          RULES,
                          false,
                          TX)))
          .isEqualTo(DECISION_REQUIRED);
      assertThat(
              FinanceRules.registerContract(
                      contract(2_000_000, "D1", 2_000_000),
                      CLERK,
                      Optional.of(decision("D1", VILLAGE, LocalDate.of(2025, 12, 1), 2_000_000)),
                      RULES,
                      false,
                      TX)
                  .decisionId())
          .isEqualTo("D1");
      assertThat(
              code(
                  () ->
                      FinanceRules.registerContract(
                          contract(60_000, null, 60_000),
                          OTHER_CLERK,
                          Optional.empty(),
                          RULES,
                          false,
                          TX)))
          .isEqualTo(REGION_OUT_OF_SCOPE);
      assertThat(
              code(
                  () ->
                      FinanceRules.registerContract(
                          contract(60_000, null, 60_000),
                          CLERK,
                          Optional.empty(),
                          RULES,
                          true,
                          TX)))
          .isEqualTo(ALREADY_EXISTS);
      assertThat(
              code(
                  () ->
                      FinanceRules.registerContract(
                          contract(60_000, "D9", 60_000),
                          CLERK,
                          Optional.empty(),
                          RULES,
                          false,
                          TX)))
          .isEqualTo(DECISION_NOT_FOUND);
    }

    @Test
    @DisplayName("voucher lines name only contracts of their village")
    void voucherLines() {
      RecordVoucher withContract =
          cmd(
              "V1",
              DATE,
              null,
              new VoucherLine("101", 30_000, 0, null, "某合作社", "C1"),
              credit("501", 30_000));
      assertThat(record(withContract).lines().get(0).contractId()).isEqualTo("C1");
      RecordVoucher unknown =
          cmd(
              "V1",
              DATE,
              null,
              new VoucherLine("101", 30_000, 0, null, null, "C9"),
              credit("501", 30_000));
      assertThat(code(() -> record(unknown))).isEqualTo(CONTRACT_NOT_FOUND);
    }

    @Test
    @DisplayName("receipts settle installments in order; unpaid past installments are overdue")
    void status() {
      Voucher paid =
          posted(
              record(
                  cmd(
                      "V1",
                      DATE,
                      null,
                      new VoucherLine("101", 45_000, 0, null, null, "C1"),
                      credit("501", 45_000))));
      ContractStatus status = ContractStatus.of(LEASE, List.of(paid), LocalDate.of(2026, 5, 20));
      assertThat(status.settledFen()).isEqualTo(45_000);
      assertThat(status.installments())
          .extracting(ContractStatus.InstallmentStatus::settledFen)
          .containsExactly(30_000L, 15_000L, 0L);
      assertThat(status.installments())
          .extracting(ContractStatus.InstallmentStatus::overdue)
          .containsExactly(false, true, false);
      assertThat(status.overdueFen()).isEqualTo(15_000);
      assertThat(status.expiring()).isTrue();
      assertThat(status.voucherIds()).containsExactly("V1");
      assertThat(ContractStatus.of(LEASE, List.of(paid), LocalDate.of(2026, 4, 1)).expiring())
          .isFalse();
    }
  }

  @Nested
  @DisplayName("asset and resource registers")
  class Registers {

    FinanceCommands.RegisterAsset tractor(long cost, long residual) {
      return new FinanceCommands.RegisterAsset(
          "A1", VILLAGE, "机器设备", "拖拉机", "村委会仓库", LocalDate.of(2026, 1, 15), cost, 60, residual);
    }

    @Test
    @DisplayName("straight-line depreciation from the month after acquisition, floored to the fen")
    void depreciation() {
      Asset asset = FinanceRules.registerAsset(tractor(600_000, 0), CLERK, false, TX);
      assertThat(asset.status()).isEqualTo(Asset.Status.ACTIVE);
      AssetStatus may = AssetStatus.of(asset, LocalDate.of(2026, 5, 20));
      assertThat(may.monthsDepreciated()).as("Feb, Mar, Apr").isEqualTo(3);
      assertThat(may.accumulatedFen()).isEqualTo(30_000);
      assertThat(may.netBookFen()).isEqualTo(570_000);
      Asset odd = FinanceRules.registerAsset(tractor(100_000, 1), CLERK, false, TX);
      assertThat(AssetStatus.of(odd, LocalDate.of(2026, 5, 20)).accumulatedFen())
          .as("99999 x 3 / 60 = 4999.95, floored")
          .isEqualTo(4_999);
      assertThat(AssetStatus.of(asset, LocalDate.of(2040, 1, 1)).accumulatedFen())
          .as("at most the whole life")
          .isEqualTo(600_000);
      Asset disposed =
          FinanceRules.disposeAsset(
                  new FinanceCommands.DisposeAsset("A1", LocalDate.of(2026, 3, 10), "报废"),
                  CLERK,
                  Optional.of(asset),
                  TX)
              .record();
      assertThat(disposed.status()).isEqualTo(Asset.Status.DISPOSED);
      assertThat(AssetStatus.of(disposed, LocalDate.of(2026, 5, 20)).monthsDepreciated())
          .as("stops at disposal: Feb only")
          .isEqualTo(1);
    }

    @Test
    @DisplayName("refusals: amounts, future dates, roles, unknown or disposed assets")
    void refusals() {
      assertThat(code(() -> FinanceRules.registerAsset(tractor(0, 0), CLERK, false, TX)))
          .isEqualTo(AMOUNT_INVALID);
      assertThat(code(() -> FinanceRules.registerAsset(tractor(100, 101), CLERK, false, TX)))
          .isEqualTo(AMOUNT_INVALID);
      assertThat(code(() -> FinanceRules.registerAsset(tractor(100, 0), TOWNSHIP, false, TX)))
          .isEqualTo(ACCESS_DENIED);
      assertThat(code(() -> FinanceRules.registerAsset(tractor(100, 0), CLERK, true, TX)))
          .isEqualTo(ALREADY_EXISTS);
      Asset asset = FinanceRules.registerAsset(tractor(600_000, 0), CLERK, false, TX);
      var dispose = new FinanceCommands.DisposeAsset("A1", LocalDate.of(2026, 3, 10), "报废");
      assertThat(code(() -> FinanceRules.disposeAsset(dispose, CLERK, Optional.empty(), TX)))
          .isEqualTo(ErrorCode.ASSET_NOT_FOUND);
      assertThat(
              code(() -> FinanceRules.disposeAsset(dispose, OTHER_CLERK, Optional.of(asset), TX)))
          .isEqualTo(REGION_OUT_OF_SCOPE);
      assertThat(
              code(
                  () ->
                      FinanceRules.disposeAsset(
                          new FinanceCommands.DisposeAsset("A1", LocalDate.of(2025, 1, 1), "x"),
                          CLERK,
                          Optional.of(asset),
                          TX)))
          .isEqualTo(INVALID_ARGUMENT);
      Asset disposed = FinanceRules.disposeAsset(dispose, CLERK, Optional.of(asset), TX).record();
      assertThat(FinanceRules.disposeAsset(dispose, CLERK, Optional.of(disposed), TX).written())
          .isFalse();
      assertThat(
              code(
                  () ->
                      FinanceRules.disposeAsset(
                          new FinanceCommands.DisposeAsset("A1", LocalDate.of(2026, 3, 11), "出售"),
                          CLERK,
                          Optional.of(disposed),
                          TX)))
          .isEqualTo(INVALID_STATE);
    }

    @Test
    @DisplayName("a resource may name a contract of its village only")
    void resources() {
      var land =
          new FinanceCommands.RegisterResource(
              "R1", VILLAGE, Resource.Kind.LAND, "后山坡地", "三组", 6_667, "C1");
      assertThat(
              FinanceRules.registerResource(land, CLERK, Optional.of(LEASE), false, TX)
                  .contractId())
          .isEqualTo("C1");
      assertThat(
              code(() -> FinanceRules.registerResource(land, CLERK, Optional.empty(), false, TX)))
          .isEqualTo(CONTRACT_NOT_FOUND);
      assertThat(
              code(
                  () ->
                      new FinanceCommands.RegisterResource(
                          "R1", VILLAGE, Resource.Kind.WATER, "塘", "一组", 0, null)))
          .isEqualTo(INVALID_ARGUMENT);
    }
  }

  @Nested
  @DisplayName("readers and money")
  class Misc {

    @Test
    @DisplayName("books are read by the village, its township, county and auditors")
    void readers() {
      FinanceRules.requireReader(CLERK, VILLAGE);
      FinanceRules.requireReader(TOWNSHIP, VILLAGE);
      FinanceRules.requireReader(AUDITOR, VILLAGE);
      assertThat(code(() -> FinanceRules.requireReader(OTHER_CLERK, VILLAGE)))
          .isEqualTo(REGION_OUT_OF_SCOPE);
      assertThat(code(() -> FinanceRules.requireReader(VILLAGER, VILLAGE)))
          .isEqualTo(ACCESS_DENIED);
    }

    @Test
    @DisplayName("money arithmetic is exact: overflow is AMOUNT_INVALID")
    void money() {
      assertThat(Money.add(1, 2)).isEqualTo(3);
      assertThat(code(() -> Money.add(Long.MAX_VALUE, 1))).isEqualTo(AMOUNT_INVALID);
      assertThat(code(() -> Money.negate(Long.MIN_VALUE))).isEqualTo(AMOUNT_INVALID);
      assertThat(Period.next("2026-12")).isEqualTo("2027-01");
    }
  }
}
