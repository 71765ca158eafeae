package cn.xianglian.chaincode.anchor.domain;

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
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The rules of anchor records as stories: caller, formats, contiguity, retries. */
class AnchorRulesTest {

  static final RegionCode COUNTY_REGION = RegionCode.of("520122000000");
  static final Actor SERVICE = new Actor("CountyOrgMSP", "ANCHOR", Role.COUNTY, COUNTY_REGION);
  static final OffsetDateTime AT = ChinaTime.parse("time", "2026-05-03T09:00:00+08:00");
  static final Tx TX = new Tx("tx-7", AT);
  static final String H = "ab".repeat(32);
  static final EvmAnchor EVM =
      new EvmAnchor(
          "1337", "0x" + "1".repeat(40), "0x" + "2".repeat(64), 5L, "0x" + "3".repeat(40), AT);

  static RecordAnchor cmd(long index, long from, long to) {
    return new RecordAnchor(index, "xifeng", from, to, 21L, H, H, EVM);
  }

  static void rejects(ErrorCode code, Runnable action) {
    XlException e = catchThrowableOfType(XlException.class, action::run);
    assertThat(e).as("expected rejection %s", code).isNotNull();
    assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
  }

  @Test
  @DisplayName("only a county or admin identity of CountyOrgMSP records anchors")
  void caller() {
    AnchorRules.requireAnchorer(SERVICE);
    AnchorRules.requireAnchorer(new Actor("CountyOrgMSP", "A", Role.ADMIN, COUNTY_REGION));
    rejects(
        ErrorCode.ACCESS_DENIED,
        () ->
            AnchorRules.requireAnchorer(
                new Actor("TownshipOrgMSP", "T", Role.COUNTY, COUNTY_REGION)));
    rejects(
        ErrorCode.ACCESS_DENIED,
        () ->
            AnchorRules.requireAnchorer(
                new Actor("CountyOrgMSP", "R", Role.REGULATOR, COUNTY_REGION)));
  }

  @Test
  @DisplayName("malformed fields are INVALID_ARGUMENT")
  void formats() {
    List<Runnable> broken =
        List.of(
            () -> new RecordAnchor(-1L, "xifeng", 0L, 1L, 0L, H, H, EVM),
            () -> new RecordAnchor(0L, "xifeng", 5L, 4L, 0L, H, H, EVM),
            () -> new RecordAnchor(0L, "xifeng", 0L, 1L, 0L, H.toUpperCase(), H, EVM),
            () -> new RecordAnchor(0L, "xifeng", 0L, 1L, 0L, H, "ab", EVM),
            () -> new RecordAnchor(0L, "xifeng", 0L, 1L, 0L, H, H, null),
            () -> new RecordAnchor(0L, null, 0L, 1L, 0L, H, H, EVM),
            () -> new EvmAnchor("0x1", EVM.contract(), EVM.txHash(), 1L, EVM.emitter(), AT),
            () -> new EvmAnchor("1", "1".repeat(40), EVM.txHash(), 1L, EVM.emitter(), AT),
            () -> new EvmAnchor("1", EVM.contract(), "0x12", 1L, EVM.emitter(), AT),
            () -> new EvmAnchor("1", EVM.contract(), EVM.txHash(), -1L, EVM.emitter(), AT),
            () -> new EvmAnchor("1", EVM.contract(), EVM.txHash(), 1L, "0x12", AT),
            () -> new ListAnchors(0L, 0),
            () -> new ListAnchors(-1L, 10));
    broken.forEach(action -> rejects(ErrorCode.INVALID_ARGUMENT, action));
  }

  @Test
  @DisplayName("the first record may start anywhere; later ones must follow the last toBlock")
  void contiguity() {
    AnchorRecord first =
        AnchorRules.record(cmd(0, 0, 6), SERVICE, Optional.empty(), Optional.empty(), TX).record();
    assertThat(first.recordedBy()).isEqualTo("CountyOrgMSP/ANCHOR");
    assertThat(first.txId()).isEqualTo("tx-7");
    assertThat(
            AnchorRules.record(cmd(1, 7, 9), SERVICE, Optional.empty(), Optional.of(first), TX)
                .record()
                .holds(8))
        .isTrue();
    rejects(
        ErrorCode.ANCHOR_RANGE_NOT_NEXT,
        () -> AnchorRules.record(cmd(1, 8, 9), SERVICE, Optional.empty(), Optional.of(first), TX));
    rejects(
        ErrorCode.ANCHOR_RANGE_NOT_NEXT,
        () -> AnchorRules.record(cmd(1, 6, 9), SERVICE, Optional.empty(), Optional.of(first), TX));
  }

  @Test
  @DisplayName("the same index again: same content is a retry, other content ALREADY_EXISTS")
  void retry() {
    AnchorRecord first =
        AnchorRules.record(cmd(0, 0, 6), SERVICE, Optional.empty(), Optional.empty(), TX).record();
    var again =
        AnchorRules.record(cmd(0, 0, 6), SERVICE, Optional.of(first), Optional.of(first), TX);
    assertThat(again.retry()).isTrue();
    assertThat(again.record()).isSameAs(first);
    rejects(
        ErrorCode.ALREADY_EXISTS,
        () ->
            AnchorRules.record(cmd(0, 7, 8), SERVICE, Optional.of(first), Optional.of(first), TX));
  }
}
