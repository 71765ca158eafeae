package cn.xianglian.chaincode.trace.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.xianglian.chaincode.domain.Actor;
import cn.xianglian.chaincode.domain.ChinaTime;
import cn.xianglian.chaincode.domain.ErrorCode;
import cn.xianglian.chaincode.domain.RegionCode;
import cn.xianglian.chaincode.domain.Role;
import cn.xianglian.chaincode.domain.Tx;
import cn.xianglian.chaincode.domain.XlException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builders for domain tests: actors, times, batches already on the ledger. */
final class Fixtures {

  static final RegionCode VILLAGE = RegionCode.of("520122100201");
  static final Location FIELD = new Location(VILLAGE, "田块 A-01");
  static final ProductClass RICE = new ProductClass("06901234567892", null, "息烽贡米", "GRAIN");
  static final OffsetDateTime PRODUCED = time("2026-05-01T08:00:00+08:00");
  static final OffsetDateTime LATER = time("2026-05-02T08:00:00+08:00");
  static final Tx TX = new Tx("tx-1", time("2026-05-02T09:00:00+08:00"));

  static final Actor FARMER = new Actor("CoopOrgMSP", "P-1", Role.PRODUCER, VILLAGE);
  static final Actor OTHER_FARMER = new Actor("CoopOrgMSP", "P-2", Role.PRODUCER, VILLAGE);
  static final Actor REGULATOR =
      new Actor("CountyOrgMSP", "AGRI", Role.REGULATOR, RegionCode.of("520122000000"));
  static final Actor OUTSIDE_REGULATOR =
      new Actor("CountyOrgMSP", "XIUWEN", Role.REGULATOR, RegionCode.of("520123000000"));
  static final Actor AUDITOR =
      new Actor("CountyOrgMSP", "AUDIT", Role.AUDITOR, RegionCode.of("520122000000"));

  private Fixtures() {}

  static OffsetDateTime time(String text) {
    return ChinaTime.parse("time", text);
  }

  static Quantity kg(long amount) {
    return Quantity.of(amount, Unit.KGM);
  }

  static Producer producer(String id) {
    return new Producer(
        id,
        ProducerType.FAMILY_FARM,
        "农场",
        VILLAGE,
        null,
        null,
        "CoopOrgMSP/" + id,
        PRODUCED,
        "tx-0");
  }

  /** A batch of {@code amount} kg owned by {@link #FARMER}, as createBatch leaves it. */
  static Batch batch(String id, long amount) {
    return TraceRules.createBatch(
            new Commands.CreateBatch(
                id, "P-1", RICE, kg(amount), FIELD, ProductionType.PLANTING, PRODUCED),
            FARMER,
            Optional.of(producer("P-1")),
            false,
            TX)
        .created()
        .get(0);
  }

  /** A lookup over the given batches, as the contract's store would provide. */
  static Lineage.BatchLookup lookup(List<Batch> batches) {
    Map<String, Batch> byId = new HashMap<>();
    batches.forEach(b -> byId.put(b.batchId(), b));
    return id -> Optional.ofNullable(byId.get(id));
  }

  /** Asserts that {@code action} is rejected with {@code code}. */
  static void rejects(ErrorCode code, Runnable action) {
    XlException e = catchThrowableOfType(XlException.class, action::run);
    assertThat(e).as("expected rejection %s", code).isNotNull();
    assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
  }
}
