package cn.xianglian.chaincode.finance.domain;

import static cn.xianglian.chaincode.domain.ErrorCode.AMOUNT_INVALID;

import cn.xianglian.chaincode.domain.XlException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * An asset's straight-line depreciation on a day (固定资产折旧, 平均年限法): monthly from the month after
 * acquisition, for full months up to the day's month (or the disposal month), at most {@code
 * usefulLifeMonths}; accumulated = (cost − residual) × months ÷ life, rounded down to the 分.
 */
public record AssetStatus(
    Asset asset, LocalDate asOf, int monthsDepreciated, long accumulatedFen, long netBookFen) {

  public static AssetStatus of(Asset asset, LocalDate asOf) {
    if (asset.usefulLifeMonths() == 0) {
      return new AssetStatus(asset, asOf, 0, 0, asset.costFen());
    }
    LocalDate end =
        asset.disposal() != null && asset.disposal().disposedOn().isBefore(asOf)
            ? asset.disposal().disposedOn()
            : asOf;
    long elapsed =
        YearMonth.from(asset.acquiredOn()).until(YearMonth.from(end), ChronoUnit.MONTHS) - 1;
    int months = (int) Math.max(0, Math.min(elapsed, asset.usefulLifeMonths()));
    long accumulated;
    try {
      accumulated =
          Math.multiplyExact(asset.costFen() - asset.residualFen(), (long) months)
              / asset.usefulLifeMonths();
    } catch (ArithmeticException overflow) {
      throw new XlException(AMOUNT_INVALID, "depreciation overflows");
    }
    return new AssetStatus(
        asset, asOf, months, accumulated, Money.add(asset.costFen(), Money.negate(accumulated)));
  }
}
