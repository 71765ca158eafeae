package cn.xianglian.chaincode.trace.domain;

import cn.xianglian.chaincode.domain.Require;
import java.time.LocalDate;

/**
 * Use of an agricultural input (投入品): registration number and safe interval (农药安全间隔期) or withdrawal
 * period (兽药休药期) are required for pesticides and veterinary drugs.
 */
public record InputUse(
    InputCategory category,
    String productName,
    String registrationNo,
    Quantity dose,
    LocalDate appliedOn,
    Integer safeIntervalDays,
    Integer withdrawalDays) {

  public InputUse {
    Require.present("input.category", category);
    Require.text("input.productName", productName, 100);
    Require.optionalText("input.registrationNo", registrationNo, 50);
    Require.present("input.dose", dose).requirePositive("input.dose");
    Require.present("input.appliedOn", appliedOn);
    Require.argument(
        safeIntervalDays == null || (safeIntervalDays >= 0 && safeIntervalDays <= 3650),
        "input.safeIntervalDays out of range");
    Require.argument(
        withdrawalDays == null || (withdrawalDays >= 0 && withdrawalDays <= 3650),
        "input.withdrawalDays out of range");
    if (category == InputCategory.PESTICIDE) {
      Require.present("input.registrationNo", registrationNo);
      Require.present("input.safeIntervalDays", safeIntervalDays);
    }
    if (category == InputCategory.VET_DRUG) {
      Require.present("input.registrationNo", registrationNo);
      Require.present("input.withdrawalDays", withdrawalDays);
    }
  }
}
