package cn.xianglian.qr.resolve;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What the consumer page and the JSON link types show of a batch, read from the ledger ({@code
 * trace:traceBatch}, {@code getProducer}, {@code getCertificate}, {@code getRecall}).
 */
public record BatchView(
    String batchId,
    String productName,
    String productCategory,
    String gtin,
    String productCode,
    String quantity,
    String producerId,
    String producerName,
    String originRegion,
    String originSite,
    String productionType,
    String producedAt,
    String status,
    List<RecallView> recalls,
    int warningCount,
    List<EventView> events,
    List<InspectionView> inspections,
    List<CertificateView> certificates,
    List<String> ancestorBatchIds,
    JsonNode trace) {

  /** The status as a consumer reads it. */
  public String statusZh() {
    return switch (status) {
      case "ACTIVE" -> "在售";
      case "IN_TRANSIT" -> "运输中";
      case "CONSUMED" -> "已售完/已加工";
      case "RECALLED" -> "已召回";
      default -> status;
    };
  }

  public boolean recalled() {
    return "RECALLED".equals(status);
  }

  /** True when a valid certificate (承诺达标合格证) exists for the batch. */
  public boolean certified() {
    return certificates.stream().anyMatch(c -> "VALID".equals(c.status()));
  }

  public record RecallView(String recallId, String reason, String level, String issuedAt) {}

  public record EventView(String time, String step, String site, String note) {}

  public record InspectionView(
      String time, String lab, String method, String result, List<String> items) {}

  public record CertificateView(
      String certificateNo,
      String style,
      String basis,
      String status,
      String issuedAt,
      List<String> promises) {}
}
