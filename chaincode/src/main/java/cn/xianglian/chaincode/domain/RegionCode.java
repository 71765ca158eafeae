package cn.xianglian.chaincode.domain;

import java.util.regex.Pattern;

/**
 * A 12-digit 行政区划 code: province 2, city 2, county 2, township 3, village 3 digits, e.g. {@code
 * 520122100201}. Its {@link #scope()} drops trailing all-zero levels: {@code 520122000000} → {@code
 * 520122}.
 */
public record RegionCode(String code) {

  private static final Pattern TWELVE_DIGITS = Pattern.compile("[0-9]{12}");
  private static final int[] LEVEL_ENDS = {2, 4, 6, 9, 12};

  public RegionCode {
    Require.present("region", code);
    Require.argument(TWELVE_DIGITS.matcher(code).matches(), "region must be 12 digits: " + code);
    Require.argument(!code.startsWith("00"), "region has no province: " + code);
    // A level below a zero level must be zero too (no village under "000" township).
    String scope = scopeOf(code);
    Require.argument(
        code.substring(scope.length()).chars().allMatch(c -> c == '0'),
        "region has a level below a zero level: " + code);
  }

  public static RegionCode of(String code) {
    return new RegionCode(code);
  }

  /** The code without trailing zero levels (2+2+2+3+3). */
  public String scope() {
    return scopeOf(code);
  }

  /** True when this region lies in (or is) the region scope {@code scope}. */
  public boolean isWithin(String scope) {
    return code.startsWith(scope);
  }

  /** County part (6 digits), for the region index. */
  public String county6() {
    return code.substring(0, 6);
  }

  /** Township part (9 digits), for the region index. */
  public String township9() {
    return code.substring(0, 9);
  }

  /** The whole code, for the region index. */
  public String village12() {
    return code;
  }

  private static String scopeOf(String code) {
    int end = 2;
    for (int level = 0; level < LEVEL_ENDS.length; level++) {
      int start = level == 0 ? 0 : LEVEL_ENDS[level - 1];
      if (!code.substring(start, LEVEL_ENDS[level]).chars().allMatch(c -> c == '0')) {
        end = LEVEL_ENDS[level];
      } else {
        break;
      }
    }
    return code.substring(0, end);
  }

  @Override
  public String toString() {
    return code;
  }
}
