package cn.xianglian.chaincode.finance.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import cn.xianglian.chaincode.domain.Require;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/** The JSON arguments of the finance contract, checked field by field (INVALID_ARGUMENT). */
public final class FinanceCommands {

  /** Most lines a voucher may hold. */
  public static final int MAX_LINES = 500;

  /** Most attachments a voucher may reference. */
  public static final int MAX_ATTACHMENTS = 50;

  private static final Pattern TEMPLATE = Pattern.compile("[A-Z0-9_]{1,40}");

  private FinanceCommands() {}

  /** A county region: province, city and county digits, the rest zero (e.g. 520122000000). */
  static RegionCode requireCounty(String field, RegionCode region) {
    Require.present(field, region);
    Require.argument(region.scope().length() == 6, field + " must be a county code");
    return region;
  }

  /** A village region: all five levels (e.g. 520122100201). */
  static RegionCode requireVillage(String field, RegionCode region) {
    Require.present(field, region);
    Require.argument(region.scope().length() == 12, field + " must be a village code");
    return region;
  }

  static int requireVersion(int version) {
    Require.argument(version >= 1, "version must be at least 1");
    return version;
  }

  static String requireTemplate(String template) {
    Require.argument(
        template == null || TEMPLATE.matcher(template).matches(), "template is malformed");
    return template;
  }

  /** Defines the next version of a county's chart: a bundled template or explicit accounts. */
  public record DefineChart(
      RegionCode county,
      int version,
      LocalDate effectiveFrom,
      String standard,
      String template,
      List<Account> accounts) {
    public DefineChart {
      requireCounty("county", county);
      requireVersion(version);
      Require.present("effectiveFrom", effectiveFrom);
      Require.text("standard", standard, 60);
      requireTemplate(template);
      Require.argument(
          (template == null) != (accounts == null), "give exactly one of template and accounts");
      accounts = accounts == null ? null : List.copyOf(accounts);
    }
  }

  /** A village's own sub-account (明细科目); its parent is the code without its last 2 digits. */
  public record DefineSubAccount(RegionCode village, String code, String name) {
    public DefineSubAccount {
      requireVillage("village", village);
      Account.requireCode("code", code);
      Require.argument(code.length() > 3, "a sub-account code extends its parent's by 2 digits");
      Require.text("name", name, 40);
    }
  }

  /** Defines the next version of a county's approval rules. */
  public record DefineApprovalRules(
      RegionCode county,
      int version,
      LocalDate effectiveFrom,
      long largeAmountFen,
      boolean approvalForAll) {
    public DefineApprovalRules {
      requireCounty("county", county);
      requireVersion(version);
      Require.present("effectiveFrom", effectiveFrom);
    }
  }

  /** Records a 四议两公开 decision. */
  public record RecordDecision(
      String decisionId,
      RegionCode village,
      String subject,
      LocalDate decidedOn,
      long amountFen,
      String minutesSha256,
      String resolutionSha256) {
    public RecordDecision {
      Require.id("decisionId", decisionId);
      requireVillage("village", village);
      Require.text("subject", subject, 200);
      Require.present("decidedOn", decidedOn);
      Require.present("minutesSha256", minutesSha256);
      Require.optionalSha256("minutesSha256", minutesSha256);
      Require.optionalSha256("resolutionSha256", resolutionSha256);
    }
  }

  /** Records a voucher as a draft. */
  public record RecordVoucher(
      String voucherId,
      RegionCode village,
      LocalDate date,
      String summary,
      List<VoucherLine> lines,
      List<Attachment> attachments,
      String decisionId) {
    public RecordVoucher {
      Require.id("voucherId", voucherId);
      requireVillage("village", village);
      Require.present("date", date);
      Require.text("summary", summary, 200);
      Require.present("lines", lines);
      Require.argument(
          lines.size() >= 2 && lines.size() <= MAX_LINES, "lines needs 2.." + MAX_LINES);
      Require.argument(lines.stream().allMatch(l -> l != null), "lines has a null element");
      lines = List.copyOf(lines);
      attachments =
          attachments == null
              ? List.of()
              : Require.distinct("attachments", attachments, 0, MAX_ATTACHMENTS);
      Require.optionalId("decisionId", decisionId);
    }
  }

  /** Records, as a draft, the red-ink reversal (红字冲销) of a posted voucher. */
  public record ReverseVoucher(String voucherId, String reverses, LocalDate date, String summary) {
    public ReverseVoucher {
      Require.id("voucherId", voucherId);
      Require.id("reverses", reverses);
      Require.argument(!voucherId.equals(reverses), "a voucher cannot reverse itself");
      Require.present("date", date);
      Require.text("summary", summary, 200);
    }
  }

  /** Submits, approves or posts a voucher. */
  public record VoucherAction(String voucherId) {
    public VoucherAction {
      Require.id("voucherId", voucherId);
    }
  }

  /**
   * Submits, approves or posts a batch of vouchers at once (批量送审 / 批量审核 / 批量记账): 1 to {@link
   * #MAX_VOUCHERS} distinct voucher ids, all or nothing.
   */
  public record VoucherBatch(List<String> voucherIds) {

    /** The most vouchers one bulk transition takes. */
    public static final int MAX_VOUCHERS = 200;

    public VoucherBatch {
      voucherIds = Require.distinct("voucherIds", voucherIds, 1, MAX_VOUCHERS);
      voucherIds.forEach(id -> Require.id("voucherIds", id));
    }
  }

  /** Returns a submitted voucher as rejected, with the reason. */
  public record RejectVoucher(String voucherId, String reason) {
    public RejectVoucher {
      Require.id("voucherId", voucherId);
      Require.text("reason", reason, 200);
    }
  }

  /** Closes (月结) a village's period. */
  public record ClosePeriod(RegionCode village, String period) {
    public ClosePeriod {
      requireVillage("village", village);
      Period.requireMonth("period", period);
    }
  }

  /** Defines the next version of a disclosure catalogue: a bundled template or categories. */
  public record DefineCatalogue(
      RegionCode county,
      String catalogueId,
      int version,
      String name,
      int publishWithinDays,
      int answerWithinDays,
      boolean toBeConfirmed,
      String template,
      List<Catalogue.Category> categories) {
    public DefineCatalogue {
      requireCounty("county", county);
      Catalogue.requireCode(catalogueId);
      requireVersion(version);
      Require.text("name", name, 80);
      Require.argument(
          publishWithinDays >= 0 && publishWithinDays <= 366, "publishWithinDays is 0..366");
      Require.argument(
          answerWithinDays >= 1 && answerWithinDays <= 366, "answerWithinDays is 1..366");
      requireTemplate(template);
      Require.argument(
          (template == null) != (categories == null),
          "give exactly one of template and categories");
      categories = categories == null ? null : List.copyOf(categories);
    }
  }

  /** Publishes one catalogue item for a period. */
  public record PublishDisclosure(
      String publicationId,
      RegionCode village,
      String catalogueId,
      String itemCode,
      String period,
      String title,
      String contentSha256) {
    public PublishDisclosure {
      Require.id("publicationId", publicationId);
      requireVillage("village", village);
      Catalogue.requireCode(catalogueId);
      Catalogue.requireCode(itemCode);
      Period.requireDisclosure("period", period);
      Require.text("title", title, 200);
      Require.present("contentSha256", contentSha256);
      Require.optionalSha256("contentSha256", contentSha256);
    }
  }

  /** A villager's objection; their personal data travels in transient data only. */
  public record FileObjection(String objectionId, String publicationId, String question) {
    public FileObjection {
      Require.id("objectionId", objectionId);
      Require.id("publicationId", publicationId);
      Require.text("question", question, 1000);
    }
  }

  /** The village's answer to an objection. */
  public record AnswerObjection(String objectionId, String answer, String documentSha256) {
    public AnswerObjection {
      Require.id("objectionId", objectionId);
      Require.text("answer", answer, 2000);
      Require.optionalSha256("documentSha256", documentSha256);
    }
  }

  /** Registers a contract (合同) of the village. */
  public record RegisterContract(
      String contractId,
      RegionCode village,
      VillageContract.Direction direction,
      String counterparty,
      String subject,
      LocalDate startDate,
      LocalDate endDate,
      long amountFen,
      List<VillageContract.Installment> schedule,
      String documentSha256,
      String decisionId) {
    public RegisterContract {
      Require.id("contractId", contractId);
      requireVillage("village", village);
      Require.present("direction", direction);
      Require.text("counterparty", counterparty, 100);
      Require.text("subject", subject, 200);
      Require.present("startDate", startDate);
      Require.present("endDate", endDate);
      Require.argument(!endDate.isBefore(startDate), "endDate is before startDate");
      schedule = Require.distinct("schedule", schedule, 1, 120);
      Require.present("documentSha256", documentSha256);
      Require.optionalSha256("documentSha256", documentSha256);
      Require.optionalId("decisionId", decisionId);
    }
  }

  /** Registers a fixed asset. */
  public record RegisterAsset(
      String assetId,
      RegionCode village,
      String category,
      String name,
      String location,
      LocalDate acquiredOn,
      long costFen,
      int usefulLifeMonths,
      long residualFen) {
    public RegisterAsset {
      Require.id("assetId", assetId);
      requireVillage("village", village);
      Require.text("category", category, 40);
      Require.text("name", name, 100);
      Require.text("location", location, 100);
      Require.present("acquiredOn", acquiredOn);
      Require.argument(
          usefulLifeMonths >= 0 && usefulLifeMonths <= 1200, "usefulLifeMonths is 0..1200");
    }
  }

  /** Records the disposal (处置) of an asset. */
  public record DisposeAsset(String assetId, LocalDate disposedOn, String reason) {
    public DisposeAsset {
      Require.id("assetId", assetId);
      Require.present("disposedOn", disposedOn);
      Require.text("reason", reason, 200);
    }
  }

  /** Registers a natural resource. */
  public record RegisterResource(
      String resourceId,
      RegionCode village,
      Resource.Kind kind,
      String name,
      String location,
      long areaSqm,
      String contractId) {
    public RegisterResource {
      Require.id("resourceId", resourceId);
      requireVillage("village", village);
      Require.present("kind", kind);
      Require.text("name", name, 100);
      Require.text("location", location, 100);
      Require.argument(areaSqm > 0, "areaSqm must be > 0");
      Require.optionalId("contractId", contractId);
    }
  }

  /** Trial balance (or voucher listing) of a village for a period. */
  public record BooksQuery(RegionCode village, String period) {
    public BooksQuery {
      requireVillage("village", village);
      Period.requireMonth("period", period);
    }
  }

  /** The entries of one account (and its sub-accounts) in a period. */
  public record AccountQuery(RegionCode village, String account, String period) {
    public AccountQuery {
      requireVillage("village", village);
      Account.requireCode("account", account);
      Period.requireMonth("period", period);
    }
  }
}
