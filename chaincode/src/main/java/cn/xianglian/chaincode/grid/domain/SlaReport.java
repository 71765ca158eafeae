package cn.xianglian.chaincode.grid.domain;

import java.time.OffsetDateTime;
import java.util.List;

/** SLA figures per group, in key order, and over all events counted. */
public record SlaReport(
    SlaGroup groupBy, OffsetDateTime asOf, SlaFigures total, List<SlaFigures> groups) {

  public SlaReport {
    groups = List.copyOf(groups);
  }
}
