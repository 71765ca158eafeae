package cn.xianglian.chaincode.domain;

import java.util.regex.Pattern;

/**
 * A person's personal data (a producer, a villager filing an objection): (name, mobile number,
 * 居民身份证号码). It travels only in transient data and is stored only in the private data collection;
 * public state keeps a salted hash.
 */
public record PersonalData(String name, String phone, String idNumber) {

  private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
  private static final Pattern ID_NUMBER = Pattern.compile("[0-9]{17}[0-9X]");
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";

  public PersonalData {
    Require.text("personal.name", name, 50);
    Require.present("personal.phone", phone);
    Require.argument(MOBILE.matcher(phone).matches(), "personal.phone must be a mobile number");
    Require.present("personal.idNumber", idNumber);
    Require.argument(
        ID_NUMBER.matcher(idNumber).matches() && hasValidCheck(idNumber),
        "personal.idNumber is not a valid 18-digit ID number");
  }

  @Override
  public String toString() {
    return "PersonalData[redacted]";
  }

  /** GB 11643 check character (ISO 7064 MOD 11-2). */
  public static boolean hasValidCheck(String idNumber) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (idNumber.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK.charAt(sum % 11) == idNumber.charAt(17);
  }
}
