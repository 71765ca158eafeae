package cn.xianglian.chaincode.finance.domain;

import cn.xianglian.chaincode.domain.Require;
import java.util.regex.Pattern;

/**
 * One account of a chart: a 3-digit 一级科目 code, or a 明细 code of its parent plus two digits (up to
 * four levels), its name, class and normal balance side.
 */
public record Account(String code, String name, AccountClass accountClass, Side side) {

  /** 3 digits, then up to three levels of 2 digits each. */
  public static final Pattern CODE = Pattern.compile("[1-5][0-9]{2}(?:[0-9]{2}){0,3}");

  public Account {
    requireCode("account.code", code);
    Require.text("account.name", name, 40);
    Require.present("account.accountClass", accountClass);
    Require.present("account.side", side);
    Require.argument(
        code.charAt(0) == accountClass.leadingDigit(),
        "account " + code + " does not belong to class " + accountClass);
  }

  /** The parent's code, or null for a 一级科目. */
  public String parentCode() {
    return parentOf(code);
  }

  public static String parentOf(String code) {
    return code.length() <= 3 ? null : code.substring(0, code.length() - 2);
  }

  public static String requireCode(String field, String code) {
    Require.present(field, code);
    Require.argument(CODE.matcher(code).matches(), field + " must match " + CODE.pattern());
    return code;
  }
}
