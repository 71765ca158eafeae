package cn.xianglian.chaincode.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xianglian.chaincode.domain.ChinaTime;
import cn.xianglian.chaincode.domain.ErrorCode;
import cn.xianglian.chaincode.domain.RegionCode;
import cn.xianglian.chaincode.domain.XlException;
import cn.xianglian.chaincode.trace.domain.Batch;
import cn.xianglian.chaincode.trace.domain.BatchStatus;
import cn.xianglian.chaincode.trace.domain.Commands;
import cn.xianglian.chaincode.trace.domain.Disposition;
import cn.xianglian.chaincode.trace.domain.Location;
import cn.xianglian.chaincode.trace.domain.ProductClass;
import cn.xianglian.chaincode.trace.domain.ProductionType;
import cn.xianglian.chaincode.trace.domain.Quantity;
import cn.xianglian.chaincode.trace.domain.Unit;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  static final String PRODUCED = "2026-05-01T08:00:00+08:00";

  static Batch batch() {
    return new Batch(
        "XF-2026-0001",
        new ProductClass("06901234567892", null, "息烽贡米", "GRAIN"),
        Quantity.of(600, Unit.KGM),
        Quantity.of(1000, Unit.KGM),
        new Location(RegionCode.of("520122100201"), "田块 A-01"),
        ProductionType.PLANTING,
        ChinaTime.parse("producedAt", PRODUCED),
        "P-520122-0001",
        "CoopOrgMSP/P-520122-0001",
        null,
        BatchStatus.ACTIVE,
        Disposition.ACTIVE,
        List.of(),
        List.of("XF-2026-0001-A"),
        List.of(),
        List.of(),
        List.of(),
        2,
        "tx1",
        ChinaTime.parse("createdAt", "2026-05-01T00:00:00Z"));
  }

  @Test
  @DisplayName("a batch is written with sorted keys, no whitespace, nulls left out, +08:00 times")
  void exactBatchBytes() {
    String expected =
        "{\"batchId\":\"XF-2026-0001\",\"certificateNos\":[],\"children\":[\"XF-2026-0001-A\"],"
            + "\"createdAt\":\"2026-05-01T08:00:00+08:00\",\"createdTxId\":\"tx1\","
            + "\"disposition\":\"active\",\"eventCount\":2,"
            + "\"origin\":{\"region\":\"520122100201\",\"site\":\"田块 A-01\"},"
            + "\"originalQuantity\":{\"amount\":1000,\"uom\":\"KGM\"},"
            + "\"owner\":\"CoopOrgMSP/P-520122-0001\",\"parents\":[],"
            + "\"producedAt\":\"2026-05-01T08:00:00+08:00\",\"producerId\":\"P-520122-0001\","
            + "\"product\":{\"category\":\"GRAIN\",\"gtin\":\"06901234567892\",\"name\":\"息烽贡米\"},"
            + "\"productionType\":\"PLANTING\",\"quantity\":{\"amount\":600,\"uom\":\"KGM\"},"
            + "\"recallIds\":[],\"status\":\"ACTIVE\",\"warningIds\":[]}";
    assertThat(CanonicalJson.bytes(batch())).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("a record read back from its bytes is equal and re-serialises to the same bytes")
  void roundTrip() {
    byte[] bytes = CanonicalJson.bytes(batch());
    Batch read = CanonicalJson.fromState(bytes, Batch.class);
    assertThat(read).isEqualTo(batch());
    assertThat(CanonicalJson.bytes(read)).isEqualTo(bytes);
  }

  @Test
  @DisplayName("map keys are sorted too")
  void mapKeys() {
    assertThat(CanonicalJson.text(Map.of("b", 1, "a", 2, "c", 3)))
        .isEqualTo("{\"a\":2,\"b\":1,\"c\":3}");
  }

  @Test
  @DisplayName("a time in another offset is normalised to +08:00")
  void timeNormalised() {
    var cmd =
        CanonicalJson.read(
            "{\"recallId\":\"R1\",\"batchId\":\"B1\",\"reason\":\"x\",\"level\":\"I\","
                + "\"issuedAt\":\"2026-05-01T00:30:00Z\"}",
            Commands.RecallBatch.class);
    assertThat(CanonicalJson.text(cmd))
        .isEqualTo(
            "{\"batchId\":\"B1\",\"issuedAt\":\"2026-05-01T08:30:00+08:00\",\"level\":\"I\","
                + "\"reason\":\"x\",\"recallId\":\"R1\"}");
  }

  @Test
  @DisplayName("floats, duplicate keys, unknown fields, fractions of seconds are INVALID_ARGUMENT")
  void strictInput() {
    String good =
        "{\"recallId\":\"R1\",\"batchId\":\"B1\",\"reason\":\"x\",\"level\":\"I\","
            + "\"issuedAt\":\"2026-05-01T08:30:00+08:00\"";
    assertInvalid(good + ",\"extra\":1.0}");
    assertInvalid(good + ",\"recallId\":\"R2\"}");
    assertInvalid(good + ",\"unknown\":1}");
    assertInvalid(good.replace("08:30:00+08:00", "08:30:00.5+08:00") + "}");
    assertInvalid(good.replace("\"I\"", "\"IV\"") + "}");
    assertInvalid("[" + good + "}]");
    assertInvalid(good + "} trailing");
    assertThat(CanonicalJson.read(good + "}", Commands.RecallBatch.class).recallId())
        .isEqualTo("R1");
  }

  @Test
  @DisplayName("a failed field check keeps its own code (zero quantity → QUANTITY_INVALID)")
  void fieldCheckCodes() {
    assertThatThrownBy(() -> CanonicalJson.read("{\"amount\":-1,\"uom\":\"KGM\"}", Quantity.class))
        .isInstanceOfSatisfying(
            XlException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.QUANTITY_INVALID));
  }

  private static void assertInvalid(String json) {
    assertThatThrownBy(() -> CanonicalJson.read(json, Commands.RecallBatch.class))
        .as(json)
        .isInstanceOfSatisfying(
            XlException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }
}
