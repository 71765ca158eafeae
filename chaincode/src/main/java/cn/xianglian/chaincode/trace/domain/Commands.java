package cn.xianglian.chaincode.trace.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import cn.xianglian.chaincode.domain.Require;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The arguments of the trace commands, exactly as the JSON of {@code docs/contract-trace.md}. Each
 * constructor checks the shape of its fields (INVALID_ARGUMENT); state-dependent checks belong to
 * {@link TraceRules}.
 */
public final class Commands {

  private static final Pattern SUBJECT_CODE =
      Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}");

  private Commands() {}

  public record RegisterProducer(
      String producerId, ProducerType type, String name, RegionCode region, String subjectCode) {
    public RegisterProducer {
      Require.id("producerId", producerId);
      Require.present("type", type);
      Require.text("name", name, 100);
      Require.present("region", region);
      if (subjectCode != null) {
        Require.argument(
            SUBJECT_CODE.matcher(subjectCode).matches(),
            "subjectCode must be an 18-character 统一社会信用代码");
      }
    }
  }

  public record CreateBatch(
      String batchId,
      String producerId,
      ProductClass product,
      Quantity quantity,
      Location origin,
      ProductionType productionType,
      OffsetDateTime producedAt) {
    public CreateBatch {
      Require.id("batchId", batchId);
      Require.id("producerId", producerId);
      Require.present("product", product);
      Require.present("quantity", quantity);
      Require.present("origin", origin);
      Require.present("productionType", productionType);
      Require.present("producedAt", producedAt);
    }
  }

  public record RecordEvent(
      String eventId,
      String batchId,
      BizStep bizStep,
      OffsetDateTime eventTime,
      Location readPoint,
      Location bizLocation,
      Disposition disposition,
      Quantity quantity,
      EventDetail detail) {
    public RecordEvent {
      Require.id("eventId", eventId);
      Require.id("batchId", batchId);
      Require.present("bizStep", bizStep);
      Require.argument(
          !BizStep.DEDICATED.contains(bizStep),
          bizStep.code() + " has its own transaction; recordEvent does not take it");
      Require.present("eventTime", eventTime);
      Require.present("readPoint", readPoint);
      detail = detail == null ? EventDetail.none() : detail;
      detail.requireFits(bizStep);
    }
  }

  public record SplitBatch(
      String eventId,
      String batchId,
      OffsetDateTime eventTime,
      Location readPoint,
      List<BatchQuantity> children) {
    public SplitBatch {
      Require.id("eventId", eventId);
      Require.id("batchId", batchId);
      Require.present("eventTime", eventTime);
      Require.present("readPoint", readPoint);
      children = Require.distinct("children", children, 1, 100);
      List<String> ids = children.stream().map(BatchQuantity::batchId).toList();
      Require.argument(ids.stream().distinct().count() == ids.size(), "children repeat a batch");
      Require.argument(!ids.contains(batchId), "a child cannot be the split batch itself");
    }
  }

  public record MergeBatches(
      String eventId,
      OffsetDateTime eventTime,
      Location readPoint,
      List<BatchQuantity> inputs,
      NewBatch output) {
    public MergeBatches {
      Require.id("eventId", eventId);
      Require.present("eventTime", eventTime);
      Require.present("readPoint", readPoint);
      inputs = Require.distinct("inputs", inputs, 2, 100);
      Require.present("output", output);
      List<String> ids = inputs.stream().map(BatchQuantity::batchId).toList();
      Require.argument(ids.stream().distinct().count() == ids.size(), "inputs repeat a batch");
      Require.argument(!ids.contains(output.batchId()), "the output cannot be an input");
    }
  }

  public record TransformBatch(
      String eventId,
      OffsetDateTime eventTime,
      Location readPoint,
      List<BatchQuantity> inputs,
      List<NewBatch> outputs,
      Quantity loss) {
    public TransformBatch {
      Require.id("eventId", eventId);
      Require.present("eventTime", eventTime);
      Require.present("readPoint", readPoint);
      inputs = Require.distinct("inputs", inputs, 1, 100);
      outputs = Require.distinct("outputs", outputs, 1, 100);
      Require.present("loss", loss);
      List<String> in = inputs.stream().map(BatchQuantity::batchId).toList();
      List<String> out = outputs.stream().map(NewBatch::batchId).toList();
      Require.argument(in.stream().distinct().count() == in.size(), "inputs repeat a batch");
      Require.argument(out.stream().distinct().count() == out.size(), "outputs repeat a batch");
      Require.argument(out.stream().noneMatch(in::contains), "an output cannot be an input");
    }
  }

  public record ShipBatch(
      String eventId,
      String batchId,
      OffsetDateTime eventTime,
      Location readPoint,
      String toParty,
      String toMspId) {
    public ShipBatch {
      Require.id("eventId", eventId);
      Require.id("batchId", batchId);
      Require.present("eventTime", eventTime);
      Require.present("readPoint", readPoint);
      Require.id("toParty", toParty);
      Require.id("toMspId", toMspId);
    }
  }

  public record ReceiveBatch(
      String eventId, String batchId, OffsetDateTime eventTime, Location readPoint) {
    public ReceiveBatch {
      Require.id("eventId", eventId);
      Require.id("batchId", batchId);
      Require.present("eventTime", eventTime);
      Require.present("readPoint", readPoint);
    }
  }

  public record IssueCertificate(
      String certificateNo,
      String batchId,
      CertificateStyle style,
      CertificateBasis basis,
      List<Promise> promises,
      Quantity quantity,
      OffsetDateTime issuedAt,
      List<String> upstreamCertificateNos) {
    public IssueCertificate {
      Require.id("certificateNo", certificateNo);
      Require.id("batchId", batchId);
      Require.present("style", style);
      Require.present("basis", basis);
      promises = Require.distinct("promises", promises, 1, Promise.values().length);
      Require.present("quantity", quantity);
      Require.present("issuedAt", issuedAt);
      upstreamCertificateNos =
          Require.distinct(
              "upstreamCertificateNos", Require.optionalList(upstreamCertificateNos), 0, 100);
      upstreamCertificateNos.forEach(no -> Require.id("upstreamCertificateNos[]", no));
      Require.argument(
          !upstreamCertificateNos.contains(certificateNo), "a certificate cannot be its upstream");
    }
  }

  public record VoidCertificate(String certificateNo, String reason) {
    public VoidCertificate {
      Require.id("certificateNo", certificateNo);
      Require.text("reason", reason, 500);
    }
  }

  public record RaiseWarning(
      String warningId,
      String batchId,
      WarningLevel level,
      String reason,
      OffsetDateTime issuedAt) {
    public RaiseWarning {
      Require.id("warningId", warningId);
      Require.id("batchId", batchId);
      Require.present("level", level);
      Require.text("reason", reason, 500);
      Require.present("issuedAt", issuedAt);
    }
  }

  public record RecallBatch(
      String recallId, String batchId, String reason, RecallLevel level, OffsetDateTime issuedAt) {
    public RecallBatch {
      Require.id("recallId", recallId);
      Require.id("batchId", batchId);
      Require.text("reason", reason, 500);
      Require.present("level", level);
      Require.present("issuedAt", issuedAt);
    }
  }

  public record HandleRecall(
      String eventId,
      String batchId,
      String recallId,
      OffsetDateTime eventTime,
      Location readPoint,
      RecallAction action,
      Quantity quantity,
      String evidenceSha256) {
    public HandleRecall {
      Require.id("eventId", eventId);
      Require.id("batchId", batchId);
      Require.id("recallId", recallId);
      Require.present("eventTime", eventTime);
      Require.present("readPoint", readPoint);
      Require.present("action", action);
      Require.present("quantity", quantity);
      Require.optionalSha256("evidenceSha256", evidenceSha256);
    }
  }

  /** A page of batches by one secondary index. */
  public record QueryBatches(QueryBy by, String value, Integer pageSize, String bookmark) {
    public QueryBatches {
      Require.present("by", by);
      Require.text("value", value, 64);
      Require.present("pageSize", pageSize);
      Require.argument(pageSize >= 1 && pageSize <= 200, "pageSize must be 1..200");
      Require.argument(bookmark == null || bookmark.length() <= 1024, "bookmark too long");
    }
  }
}
