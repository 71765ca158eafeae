package cn.xianglian.chaincode.finance.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A fixed asset in the village's asset register (资产台账): category, location, cost and its
 * straight-line depreciation terms ({@code usefulLifeMonths} 0 = not depreciated, e.g. land
 * improvements held at cost), and its status. Disposal (处置) is recorded on the asset; nothing else
 * changes after registration.
 */
public record Asset(
    String assetId,
    RegionCode village,
    String category,
    String name,
    String location,
    LocalDate acquiredOn,
    long costFen,
    int usefulLifeMonths,
    long residualFen,
    Status status,
    Disposal disposal,
    String registeredBy,
    String txId,
    OffsetDateTime registeredAt) {

  /** In use, or disposed of (sold, scrapped, transferred). */
  public enum Status {
    ACTIVE,
    DISPOSED
  }

  /** When and why the asset left the register, by whom, in which transaction. */
  public record Disposal(LocalDate disposedOn, String reason, String party, String txId) {}
}
