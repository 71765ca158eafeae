package cn.xianglian.chaincode.finance.domain;

import static cn.xianglian.chaincode.domain.ErrorCode.ACCOUNT_NOT_FOUND;
import static cn.xianglian.chaincode.domain.ErrorCode.ACCOUNT_NOT_LEAF;

import cn.xianglian.chaincode.domain.XlException;
import java.util.List;
import java.util.Optional;

/** The accounts one village may use: its county's chart in force plus its own sub-accounts. */
public record Books(Chart chart, List<SubAccount> subAccounts) {

  public Books {
    subAccounts = List.copyOf(subAccounts);
  }

  /** Books that name no account: for computing balances by code only (month-close snapshots). */
  public static Books unnamed(cn.xianglian.chaincode.domain.RegionCode region) {
    return new Books(
        new Chart(region, 0, java.time.LocalDate.MIN, "", List.of(), "", "", null), List.of());
  }

  public Optional<Account> account(String code) {
    return chart
        .account(code)
        .or(
            () ->
                subAccounts.stream()
                    .filter(s -> s.code().equals(code))
                    .findFirst()
                    .map(SubAccount::asAccount));
  }

  /** The account, or ACCOUNT_NOT_FOUND. */
  public Account require(String code) {
    return account(code)
        .orElseThrow(() -> new XlException(ACCOUNT_NOT_FOUND, "no account " + code));
  }

  public boolean isLeaf(String code) {
    return !chart.hasChild(code)
        && subAccounts.stream().noneMatch(s -> code.equals(s.parentCode()));
  }

  /** ACCOUNT_NOT_LEAF unless {@code code} has no sub-accounts (entries go to leaves only). */
  public void requireLeaf(String code) {
    XlException.check(
        isLeaf(code), ACCOUNT_NOT_LEAF, "account " + code + " has sub-accounts; post to a leaf");
  }
}
