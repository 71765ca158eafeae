package cn.xianglian.chaincode.trace.domain;

import cn.xianglian.chaincode.domain.Require;
import java.util.List;

/**
 * A test report: laboratory, method, items and overall result, with the SHA-256 of the report
 * document. The overall result must be FAIL when any item fails.
 */
public record Inspection(
    String lab,
    String method,
    List<InspectionItem> items,
    InspectionResult result,
    String reportSha256) {

  public Inspection {
    Require.text("inspection.lab", lab, 100);
    Require.text("inspection.method", method, 100);
    items = Require.distinct("inspection.items", items, 1, 100);
    Require.present("inspection.result", result);
    Require.present("inspection.reportSha256", reportSha256);
    Require.optionalSha256("inspection.reportSha256", reportSha256);
    boolean anyFail = items.stream().anyMatch(i -> i.result() == InspectionResult.FAIL);
    Require.argument(!anyFail || result == InspectionResult.FAIL, "inspection.result must be FAIL");
  }
}
