package cn.xianglian.chaincode.domain;

import static cn.xianglian.chaincode.domain.ErrorCode.INVALID_ARGUMENT;

import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/** Argument checks shared by the commands and records; every failure is INVALID_ARGUMENT. */
public final class Require {

  /** Client-chosen ids: letters, digits, dot, underscore, hyphen; at most 64 characters. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  private Require() {}

  public static void argument(boolean condition, String explanation) {
    XlException.check(condition, INVALID_ARGUMENT, explanation);
  }

  public static <T> T present(String field, T value) {
    argument(value != null, field + " is required");
    return value;
  }

  public static String id(String field, String value) {
    present(field, value);
    argument(ID.matcher(value).matches(), field + " must match " + ID.pattern());
    return value;
  }

  public static String optionalId(String field, String value) {
    return value == null ? null : id(field, value);
  }

  /** Non-blank text without control characters, at most {@code max} code points. */
  public static String text(String field, String value, int max) {
    present(field, value);
    argument(!value.isBlank(), field + " must not be blank");
    argument(value.codePointCount(0, value.length()) <= max, field + " exceeds " + max + " chars");
    argument(value.codePoints().noneMatch(Character::isISOControl), field + " has control chars");
    return value;
  }

  public static String optionalText(String field, String value, int max) {
    return value == null ? null : text(field, value, max);
  }

  public static String optionalSha256(String field, String value) {
    if (value != null) {
      argument(SHA256_HEX.matcher(value).matches(), field + " must be 64 lower-case hex digits");
    }
    return value;
  }

  /** A copy of a present list with {@code min..max} distinct, non-null elements. */
  public static <T> List<T> distinct(String field, List<T> value, int min, int max) {
    present(field, value);
    argument(value.size() >= min && value.size() <= max, field + " needs " + min + ".." + max);
    argument(value.stream().allMatch(v -> v != null), field + " has a null element");
    argument(new HashSet<>(value).size() == value.size(), field + " has duplicates");
    return List.copyOf(value);
  }

  public static <T> List<T> optionalList(List<T> value) {
    return value == null ? List.of() : List.copyOf(value);
  }
}
