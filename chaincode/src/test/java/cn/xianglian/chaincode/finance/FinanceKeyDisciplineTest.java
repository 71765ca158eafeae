package cn.xianglian.chaincode.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.xianglian.chaincode.trace.InMemoryStub;
import cn.xianglian.ledger.Identity;
import cn.xianglian.ledger.embedded.EmbeddedCa;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiFunction;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the finance contract directly over the in-memory stub that fails on any raw key, through
 * every transaction, and checks the exact bytes of a voucher. The stub's clock is 2026-05-02.
 */
class FinanceKeyDisciplineTest {

  static final String VILLAGE = "520122100201";
  static final String HASH = "a".repeat(64);

  @TempDir static Path dir;

  static Identity county;
  static Identity township;
  static Identity clerk;
  static Identity villager;

  final FinanceContract contract = new FinanceContract();
  final InMemoryStub ledger = new InMemoryStub();

  @BeforeAll
  static void enroll() {
    EmbeddedCa ca = EmbeddedCa.open(dir);
    county = ca.enroll("county", "CountyOrgMSP", attrs("county", "520122000000", "NJ"));
    township = ca.enroll("township", "TownshipOrgMSP", attrs("township", "520122100000", "NJZ"));
    clerk = ca.enroll("clerk", "TownshipOrgMSP", attrs("village", VILLAGE, "V1"));
    villager = ca.enroll("villager", "TownshipOrgMSP", attrs("villager", VILLAGE, "C1"));
  }

  static Map<String, String> attrs(String role, String region, String party) {
    return Map.of("xl.role", role, "xl.region", region, "xl.party", party);
  }

  String run(Identity caller, BiFunction<Context, String, String> tx, String argument) {
    return run(caller, Map.of(), tx, argument);
  }

  String run(
      Identity caller,
      Map<String, byte[]> transientData,
      BiFunction<Context, String, String> tx,
      String argument) {
    String result = tx.apply(new Context(ledger.call(caller, transientData)), argument);
    ledger.commit();
    return result;
  }

  void books() {
    run(
        county,
        contract::defineChart,
        "{\"county\":\"520122000000\",\"version\":1,\"effectiveFrom\":\"2024-01-01\","
            + "\"standard\":\"财会〔2023〕14号\",\"template\":\"CAIHUI_2023_14\"}");
    run(
        county,
        contract::defineApprovalRules,
        "{\"county\":\"520122000000\",\"version\":1,\"effectiveFrom\":\"2024-01-01\","
            + "\"largeAmountFen\":1000000,\"approvalForAll\":true}");
  }

  static String voucher(String id, String date, long fen) {
    return "{\"voucherId\":\""
        + id
        + "\",\"village\":\""
        + VILLAGE
        + "\",\"date\":\""
        + date
        + "\",\"summary\":\"收到租金\",\"lines\":[{\"account\":\"10201\",\"debitFen\":"
        + fen
        + ",\"creditFen\":0,\"counterparty\":\"某合作社\"},{\"account\":\"501\",\"debitFen\":0,"
        + "\"creditFen\":"
        + fen
        + "}],\"attachments\":[{\"name\":\"收据.pdf\",\"sha256\":\""
        + HASH
        + "\"}]}";
  }

  @Test
  @DisplayName("every finance transaction uses composite keys only, and a rejection writes nothing")
  void everyKeyIsComposite() {
    books();
    assertThat(ledger.eventName()).isEqualTo("ApprovalRulesDefined");
    run(
        clerk,
        contract::defineSubAccount,
        "{\"village\":\"" + VILLAGE + "\",\"code\":\"10201\",\"name\":\"农商银行\"}");
    run(
        clerk,
        contract::recordDecision,
        "{\"decisionId\":\"D1\",\"village\":\""
            + VILLAGE
            + "\",\"subject\":\"修路\","
            + "\"decidedOn\":\"2026-04-01\",\"amountFen\":5000000,\"minutesSha256\":\""
            + HASH
            + "\"}");
    run(
        clerk,
        contract::registerContract,
        "{\"contractId\":\"K1\",\"village\":\""
            + VILLAGE
            + "\",\"direction\":\"INCOME\",\"counterparty\":\"某合作社\",\"subject\":\"承包\","
            + "\"startDate\":\"2026-01-01\",\"endDate\":\"2026-12-31\",\"amountFen\":30000,"
            + "\"schedule\":[{\"dueOn\":\"2026-04-30\",\"amountFen\":30000}],\"documentSha256\":\""
            + HASH
            + "\"}");
    run(
        clerk,
        contract::recordVoucher,
        voucher("V1", "2026-04-10", 30000)
            .replace("\"counterparty\"", "\"contractId\":\"K1\",\"counterparty\""));
    run(clerk, contract::submitVoucher, "{\"voucherId\":\"V1\"}");
    run(township, contract::approveVoucher, "{\"voucherId\":\"V1\"}");
    run(township, contract::postVoucher, "{\"voucherId\":\"V1\"}");
    assertThat(ledger.eventName()).isEqualTo("VoucherPosted");
    run(
        clerk,
        contract::reverseVoucher,
        "{\"voucherId\":\"V2\",\"reverses\":\"V1\",\"date\":\"2026-04-20\",\"summary\":\"冲销\"}");
    run(clerk, contract::recordVoucher, voucher("V3", "2026-04-11", 100));
    run(clerk, contract::submitVoucher, "{\"voucherId\":\"V3\"}");
    run(township, contract::rejectVoucher, "{\"voucherId\":\"V3\",\"reason\":\"缺票据\"}");
    run(
        township,
        contract::closePeriod,
        "{\"village\":\"" + VILLAGE + "\",\"period\":\"2026-03\"}");
    run(
        county,
        contract::defineCatalogue,
        "{\"county\":\"520122000000\",\"catalogueId\":\"XF\",\"version\":1,\"name\":\"目录\","
            + "\"publishWithinDays\":10,\"answerWithinDays\":15,\"toBeConfirmed\":false,"
            + "\"template\":\"XIFENG_SANWU_3X16\"}");
    run(
        clerk,
        contract::publishDisclosure,
        "{\"publicationId\":\"PUB1\",\"village\":\""
            + VILLAGE
            + "\",\"catalogueId\":\"XF\","
            + "\"itemCode\":\"CAIW-02\",\"period\":\"2026-04\",\"title\":\"收入\",\"contentSha256\":\""
            + HASH
            + "\"}");
    run(
        villager,
        Map.of(
            "objector",
            "{\"name\":\"李四\",\"phone\":\"13900000000\",\"idNumber\":\"11010519491231002X\"}"
                .getBytes(StandardCharsets.UTF_8),
            "objector.salt",
            "0123456789abcdef".getBytes(StandardCharsets.UTF_8)),
        contract::fileObjection,
        "{\"objectionId\":\"O1\",\"publicationId\":\"PUB1\",\"question\":\"依据？\"}");
    assertThat(ledger.privateData()).hasSize(1);
    assertThat(ledger.state().values())
        .noneMatch(v -> new String(v, StandardCharsets.UTF_8).contains("13900000000"))
        .noneMatch(v -> new String(v, StandardCharsets.UTF_8).contains("C1"));
    run(clerk, contract::answerObjection, "{\"objectionId\":\"O1\",\"answer\":\"已答复\"}");
    assertThat(ledger.eventName()).isEqualTo("ObjectionAnswered");

    String books = "{\"village\":\"" + VILLAGE + "\",\"period\":\"2026-04\"}";
    assertThat(run(township, contract::getChart, "{\"county\":\"520122000000\"}")).contains("库存现金");
    assertThat(
            run(
                township,
                contract::getApprovalRules,
                "{\"county\":\"520122000000\",\"date\":\"2026-04-01\"}"))
        .contains("\"largeAmountFen\":1000000");
    assertThat(
            run(
                township,
                contract::getCatalogue,
                "{\"county\":\"520122000000\",\"catalogueId\":\"XF\"}"))
        .contains("CAIW-02");
    assertThat(run(township, contract::listSubAccounts, "{\"village\":\"" + VILLAGE + "\"}"))
        .contains("10201");
    assertThat(run(township, contract::getVoucher, "V2")).contains("\"reverses\":\"V1\"");
    assertThat(run(township, contract::listVouchers, books)).contains("V1", "V2", "V3");
    assertThat(run(township, contract::getDecision, "D1")).contains("修路");
    assertThat(run(township, contract::trialBalance, books)).contains("\"balanced\":true");
    assertThat(
            run(
                township,
                contract::accountDetail,
                "{\"village\":\"" + VILLAGE + "\",\"account\":\"102\",\"period\":\"2026-04\"}"))
        .contains("\"voucherId\":\"V1\"");
    assertThat(run(township, contract::getPublication, "PUB1")).contains("CAIW-02");
    assertThat(run(township, contract::contractStatus, "K1")).contains("\"settledFen\":30000");
    run(
        clerk,
        contract::registerAsset,
        "{\"assetId\":\"A1\",\"village\":\""
            + VILLAGE
            + "\",\"category\":\"机器设备\",\"name\":\"拖拉机\","
            + "\"location\":\"仓库\",\"acquiredOn\":\"2026-01-15\",\"costFen\":600000,"
            + "\"usefulLifeMonths\":60,\"residualFen\":0}");
    run(
        clerk,
        contract::disposeAsset,
        "{\"assetId\":\"A1\",\"disposedOn\":\"2026-04-01\",\"reason\":\"报废\"}");
    run(
        clerk,
        contract::registerResource,
        "{\"resourceId\":\"R1\",\"village\":\""
            + VILLAGE
            + "\",\"kind\":\"FOREST\",\"name\":\"林地\","
            + "\"location\":\"二组\",\"areaSqm\":10000,\"contractId\":\"K1\"}");
    assertThat(run(township, contract::assetStatus, "A1")).contains("\"monthsDepreciated\":2");
    assertThat(run(township, contract::listAssets, "{\"village\":\"" + VILLAGE + "\"}"))
        .contains("DISPOSED");
    assertThat(run(township, contract::listResources, "{\"village\":\"" + VILLAGE + "\"}"))
        .contains("FOREST");
    assertThat(run(township, contract::listContracts, "{\"village\":\"" + VILLAGE + "\"}"))
        .contains("K1");
    assertThat(run(township, contract::anomalies, books)).startsWith("{\"anomalies\":[");
    assertThat(
            run(
                township,
                contract::disclosureStatus,
                "{\"village\":\"" + VILLAGE + "\",\"catalogueId\":\"XF\",\"period\":\"2026-04\"}"))
        .contains("\"status\":\"PUBLISHED\"");
    assertThat(
            run(
                township,
                contract::listPublications,
                "{\"village\":\"" + VILLAGE + "\",\"period\":\"2026-04\"}"))
        .contains("PUB1");
    assertThat(run(township, contract::getObjection, "O1")).contains("ANSWERED");
    assertThat(run(township, contract::listObjections, "PUB1")).contains("O1");

    ChaincodeException rejected =
        catchThrowableOfType(
            ChaincodeException.class,
            () ->
                contract.recordVoucher(
                    new Context(ledger.call(clerk, Map.of())), voucher("V9", "2026-03-31", 100)));
    assertThat(rejected.getMessage()).startsWith("PERIOD_CLOSED: ");
    assertThat(new String(rejected.getPayload(), StandardCharsets.UTF_8))
        .startsWith("{\"code\":\"PERIOD_CLOSED\",");
    assertThat(ledger.pendingWrites()).isZero();

    assertThat(ledger.keysSeen()).isNotEmpty().allMatch(k -> k.startsWith("\u0000"));
    assertThat(ledger.state().keySet()).allMatch(k -> k.startsWith("\u0000xl."));
  }

  @Test
  @DisplayName("the voucher written by recordVoucher is exactly its canonical JSON")
  void exactVoucherBytes() {
    books();
    run(
        clerk,
        contract::defineSubAccount,
        "{\"village\":\"" + VILLAGE + "\",\"code\":\"10201\",\"name\":\"农商银行\"}");
    String result = run(clerk, contract::recordVoucher, voucher("V1", "2026-04-10", 30000));
    String expected =
        "{\"attachments\":[{\"name\":\"收据.pdf\",\"sha256\":\""
            + HASH
            + "\"}],\"chartVersion\":1,\"date\":\"2026-04-10\","
            + "\"lines\":[{\"account\":\"10201\",\"counterparty\":\"某合作社\",\"creditFen\":0,"
            + "\"debitFen\":30000},{\"account\":\"501\",\"creditFen\":30000,\"debitFen\":0}],"
            + "\"period\":\"2026-04\",\"status\":\"DRAFT\","
            + "\"steps\":[{\"party\":\"TownshipOrgMSP/V1\",\"status\":\"DRAFT\","
            + "\"time\":\"2026-05-02T10:00:04+08:00\",\"txId\":\"tx4\"}],"
            + "\"summary\":\"收到租金\",\"totalFen\":30000,\"village\":\"520122100201\","
            + "\"voucherId\":\"V1\"}";
    assertThat(result).isEqualTo(expected);
    assertThat(ledger.state().get("\u0000xl.fin.voucher\u0000V1\u0000"))
        .isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
  }
}
