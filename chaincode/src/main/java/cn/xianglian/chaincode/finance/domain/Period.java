package cn.xianglian.chaincode.finance.domain;

import cn.xianglian.chaincode.domain.Require;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * Accounting periods ({@code yyyy-MM}, a calendar month) and disclosure periods ({@code yyyy-MM},
 * {@code yyyy-Qn} or {@code yyyy}). Period strings of one kind sort in time order.
 */
public final class Period {

  private static final Pattern MONTH = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");
  private static final Pattern DISCLOSURE =
      Pattern.compile("[0-9]{4}(?:-(?:0[1-9]|1[0-2])|-Q[1-4])?");

  private Period() {}

  /** The accounting period of a date. */
  public static String of(LocalDate date) {
    return YearMonth.from(date).toString();
  }

  public static String requireMonth(String field, String period) {
    Require.present(field, period);
    Require.argument(MONTH.matcher(period).matches(), field + " must be yyyy-MM");
    return period;
  }

  public static String requireDisclosure(String field, String period) {
    Require.present(field, period);
    Require.argument(
        DISCLOSURE.matcher(period).matches(), field + " must be yyyy, yyyy-MM or yyyy-Qn");
    return period;
  }

  /** The month after {@code period}. */
  public static String next(String period) {
    return YearMonth.parse(period).plusMonths(1).toString();
  }

  /** The last day of a disclosure period. */
  public static LocalDate lastDay(String period) {
    if (period.length() == 4) {
      return LocalDate.of(Integer.parseInt(period), 12, 31);
    }
    if (period.charAt(5) == 'Q') {
      int quarter = period.charAt(6) - '0';
      return YearMonth.of(Integer.parseInt(period.substring(0, 4)), quarter * 3).atEndOfMonth();
    }
    return YearMonth.parse(period).atEndOfMonth();
  }
}
