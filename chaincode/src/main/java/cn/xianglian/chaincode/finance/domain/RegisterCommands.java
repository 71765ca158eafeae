package cn.xianglian.chaincode.finance.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import cn.xianglian.chaincode.domain.Require;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * The JSON arguments of the funds register, the shareholding co-operatives and the general ledger,
 * checked field by field (INVALID_ARGUMENT).
 */
public final class RegisterCommands {

  /** Most shares one member may hold. */
  public static final long MAX_SHARES = 1_000_000L;

  private static final Pattern LAST4 = Pattern.compile("[0-9]{4}");
  private static final Pattern YEAR = Pattern.compile("(19|20)[0-9]{2}");

  private RegisterCommands() {}

  static String requireYear(String field, String year) {
    Require.present(field, year);
    Require.argument(YEAR.matcher(year).matches(), field + " must be yyyy");
    return year;
  }

  /**
   * Registers a fund account: a bank account ({@code BANK}, a book account below 102, with its bank
   * and the last four digits of its number) or a cash box ({@code CASH}, below 101, neither).
   */
  public record RegisterFundAccount(
      String fundAccountId,
      RegionCode village,
      FundAccount.Kind kind,
      String account,
      String name,
      String bankName,
      String accountNoLast4,
      LocalDate openedOn) {
    public RegisterFundAccount {
      Require.id("fundAccountId", fundAccountId);
      FinanceCommands.requireVillage("village", village);
      Require.present("kind", kind);
      Account.requireCode("account", account);
      Require.argument(
          account.startsWith(kind.chartAccount()),
          "a " + kind + " fund account is booked below " + kind.chartAccount());
      Require.text("name", name, 100);
      Require.present("openedOn", openedOn);
      if (kind == FundAccount.Kind.BANK) {
        Require.text("bankName", bankName, 100);
        Require.present("accountNoLast4", accountNoLast4);
        Require.argument(LAST4.matcher(accountNoLast4).matches(), "accountNoLast4 is 4 digits");
      } else {
        Require.argument(
            bankName == null && accountNoLast4 == null, "a cash box has no bank details");
      }
    }
  }

  /** Reconciles a fund account on a day against a statement or cash count (对账). */
  public record ReconcileFund(
      String reconciliationId, String fundAccountId, LocalDate asOf, long statementFen) {
    public ReconcileFund {
      Require.id("reconciliationId", reconciliationId);
      Require.id("fundAccountId", fundAccountId);
      Require.present("asOf", asOf);
    }
  }

  /** Registers a shareholding co-operative (股份经济合作社) of a village. */
  public record RegisterCooperative(
      String cooperativeId, RegionCode village, String name, LocalDate foundedOn) {
    public RegisterCooperative {
      Require.id("cooperativeId", cooperativeId);
      FinanceCommands.requireVillage("village", village);
      Require.text("name", name, 100);
      Require.present("foundedOn", foundedOn);
    }
  }

  /**
   * Registers a member with their shares; the member's personal data travels only in transient
   * {@code member} (with {@code member.salt}).
   */
  public record RegisterMember(
      String cooperativeId, String memberId, long shares, LocalDate joinedOn) {
    public RegisterMember {
      Require.id("cooperativeId", cooperativeId);
      Require.id("memberId", memberId);
      Require.argument(shares >= 1 && shares <= MAX_SHARES, "shares must be 1.." + MAX_SHARES);
      Require.present("joinedOn", joinedOn);
    }
  }

  /** Distributes a year's dividend booked by a posted voucher over the members' shares. */
  public record DistributeDividend(
      String distributionId, String cooperativeId, String year, long totalFen, String voucherId) {
    public DistributeDividend {
      Require.id("distributionId", distributionId);
      Require.id("cooperativeId", cooperativeId);
      requireYear("year", year);
      Require.id("voucherId", voucherId);
    }
  }

  /** The general ledger of a village for a year, optionally of one account and its sub-accounts. */
  public record LedgerQuery(RegionCode village, String year, String account) {
    public LedgerQuery {
      FinanceCommands.requireVillage("village", village);
      requireYear("year", year);
      if (account != null) {
        Account.requireCode("account", account);
      }
    }
  }
}
