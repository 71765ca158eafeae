package cn.xianglian.chaincode.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xianglian.chaincode.domain.ErrorCode;
import cn.xianglian.chaincode.domain.XlException;
import java.nio.charset.StandardCharsets;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ErrorMappingTest {

  @Test
  @DisplayName("a rejection becomes a ChaincodeException: message CODE: text, JSON payload")
  void mapsToChaincodeException() {
    ChaincodeException e =
        ChaincodeErrors.toChaincodeException(
            new XlException(ErrorCode.BATCH_NOT_FOUND, "no batch XF-1"));
    assertThat(e.getMessage()).isEqualTo("BATCH_NOT_FOUND: no batch XF-1");
    assertThat(new String(e.getPayload(), StandardCharsets.UTF_8))
        .isEqualTo("{\"code\":\"BATCH_NOT_FOUND\",\"message\":\"no batch XF-1\"}");
  }

  @Test
  @DisplayName("guard passes results through and maps only rejections")
  void guard() {
    assertThat(ChaincodeErrors.guard(() -> "ok")).isEqualTo("ok");
    assertThatThrownBy(
            () ->
                ChaincodeErrors.guard(
                    () -> {
                      throw new XlException(ErrorCode.NOT_OWNER, "x");
                    }))
        .isInstanceOf(ChaincodeException.class)
        .hasMessage("NOT_OWNER: x");
  }

  @Test
  @DisplayName("arguments over 64 KiB of UTF-8 are INVALID_ARGUMENT")
  void payloadLimit() {
    assertThat(Payloads.limited("a", "x".repeat(Payloads.MAX_BYTES))).hasSize(Payloads.MAX_BYTES);
    // 22 000 three-byte characters: under 64 Ki chars, over 64 KiB.
    assertThatThrownBy(() -> Payloads.limited("a", "乡".repeat(22_000)))
        .isInstanceOfSatisfying(
            XlException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }

  @Test
  @DisplayName("the catalogue is in the documented check order")
  void order() {
    assertThat(ErrorCode.values())
        .extracting(Enum::name)
        .containsExactly(
            "INVALID_ARGUMENT",
            "ACCESS_DENIED",
            "REGION_OUT_OF_SCOPE",
            "PRODUCER_NOT_FOUND",
            "BATCH_NOT_FOUND",
            "CERTIFICATE_NOT_FOUND",
            "RECALL_NOT_FOUND",
            "CHART_NOT_FOUND",
            "ACCOUNT_NOT_FOUND",
            "VOUCHER_NOT_FOUND",
            "DECISION_NOT_FOUND",
            "CATALOGUE_NOT_FOUND",
            "PUBLICATION_NOT_FOUND",
            "OBJECTION_NOT_FOUND",
            "CONTRACT_NOT_FOUND",
            "ASSET_NOT_FOUND",
            "FUND_ACCOUNT_NOT_FOUND",
            "COOPERATIVE_NOT_FOUND",
            "DISTRIBUTION_NOT_FOUND",
            "RUN_NOT_FOUND",
            "ANCHOR_NOT_FOUND",
            "PARTY_ORG_NOT_FOUND",
            "PARTY_MEMBER_NOT_FOUND",
            "PARTY_RULES_NOT_FOUND",
            "MEETING_NOT_FOUND",
            "GRID_NOT_FOUND",
            "GRID_WORKER_NOT_FOUND",
            "GRID_EVENT_NOT_FOUND",
            "GRID_CATALOGUE_NOT_FOUND",
            "DEPARTMENT_NOT_FOUND",
            "NOT_OWNER",
            "NOT_ASSIGNED",
            "ANCHOR_RANGE_NOT_NEXT",
            "ALREADY_EXISTS",
            "EVENT_ID_CONFLICT",
            "BATCH_RECALLED",
            "LOT_BOUND_TO_OTHER_BATCH",
            "RANGE_OVERLAP",
            "AGGREGATION_INVALID",
            "DIGEST_MISMATCH",
            "BATCH_NOT_ACTIVE",
            "EVENT_BEFORE_BATCH",
            "QUANTITY_INVALID",
            "QUANTITY_NOT_CONSERVED",
            "AMOUNT_INVALID",
            "ACCOUNT_NOT_LEAF",
            "VOUCHER_UNBALANCED",
            "PERIOD_CLOSED",
            "DECISION_REQUIRED",
            "ALREADY_REVERSED",
            "PUBLICATION_SCOPE_INVALID",
            "STAGE_SKIPPED",
            "INTERVAL_NOT_MET",
            "INVALID_STATE",
            "NO_DISPATCH_RULE",
            "LIMIT_EXCEEDED");
  }
}
