package cn.xianglian.chaincode.finance.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import cn.xianglian.chaincode.domain.Require;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A version of a county's chart of accounts (会计科目表): the accounts every village of the county posts
 * to from {@code effectiveFrom} on, until a later version takes effect. Immutable once defined; a
 * county corrects it by defining the next version.
 */
public record Chart(
    RegionCode county,
    int version,
    LocalDate effectiveFrom,
    String standard,
    List<Account> accounts,
    String definedBy,
    String txId,
    OffsetDateTime definedAt) {

  /** Most accounts a chart may hold. */
  public static final int MAX_ACCOUNTS = 500;

  public Chart {
    accounts = List.copyOf(accounts);
  }

  /** INVALID_ARGUMENT unless codes are unique, every 明细 has its parent and shares its class. */
  static List<Account> validAccounts(List<Account> accounts) {
    Require.present("accounts", accounts);
    Require.argument(
        !accounts.isEmpty() && accounts.size() <= MAX_ACCOUNTS,
        "accounts needs 1.." + MAX_ACCOUNTS);
    Set<String> codes = new HashSet<>();
    for (Account account : accounts) {
      Require.argument(account != null, "accounts has a null element");
      Require.argument(codes.add(account.code()), "duplicate account " + account.code());
    }
    for (Account account : accounts) {
      String parent = account.parentCode();
      if (parent != null) {
        Account parentAccount =
            accounts.stream().filter(a -> a.code().equals(parent)).findFirst().orElse(null);
        Require.argument(parentAccount != null, "account " + account.code() + " has no parent");
        Require.argument(
            parentAccount.accountClass() == account.accountClass(),
            "account " + account.code() + " differs in class from its parent");
      }
    }
    return List.copyOf(accounts);
  }

  public Optional<Account> account(String code) {
    return accounts.stream().filter(a -> a.code().equals(code)).findFirst();
  }

  /** True when the chart itself lists an account below {@code code}. */
  public boolean hasChild(String code) {
    return accounts.stream().anyMatch(a -> code.equals(a.parentCode()));
  }
}
