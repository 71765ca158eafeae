package cn.xianglian.app.system;

import cn.xianglian.ledger.LedgerException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The HTTP status of every stable error code. The choice, documented in client-app/README.md:
 *
 * <ul>
 *   <li>400 — the request is malformed: {@code INVALID_ARGUMENT} (the contract rejects a field),
 *       {@code VALIDATION_FAILED}, {@code MALFORMED_JSON}, {@code LIMIT_EXCEEDED};
 *   <li>422 — well-formed, but it breaks a business rule about quantities or time: {@code
 *       QUANTITY_INVALID}, {@code QUANTITY_NOT_CONSERVED}, {@code EVENT_BEFORE_BATCH}; finance:
 *       {@code AMOUNT_INVALID}, {@code ACCOUNT_NOT_LEAF}, {@code VOUCHER_UNBALANCED}, {@code
 *       DECISION_REQUIRED};
 *   <li>403 — {@code ACCESS_DENIED}, {@code REGION_OUT_OF_SCOPE}, {@code NOT_OWNER}, {@code
 *       IDENTITY_NOT_FOUND};
 *   <li>404 — every {@code *_NOT_FOUND} of a record;
 *   <li>409 — conflicts with the ledger's state: {@code ALREADY_EXISTS}, {@code EVENT_ID_CONFLICT},
 *       {@code BATCH_RECALLED}, {@code BATCH_NOT_ACTIVE}, {@code INVALID_STATE}, {@code
 *       MVCC_READ_CONFLICT}, {@code PHANTOM_READ_CONFLICT}, {@code DUPLICATE_TXID}; finance: {@code
 *       PERIOD_CLOSED}, {@code ALREADY_REVERSED};
 *   <li>503 — the ledger cannot take transactions now, or the outcome is unknown ({@code
 *       LEDGER_UNAVAILABLE}, {@code OUTCOME_UNKNOWN}): safe to retry with the same ids.
 * </ul>
 */
public final class ErrorStatus {

  private static final Map<String, HttpStatus> BY_CODE =
      Map.ofEntries(
          Map.entry("INVALID_ARGUMENT", HttpStatus.BAD_REQUEST),
          Map.entry("VALIDATION_FAILED", HttpStatus.BAD_REQUEST),
          Map.entry("MALFORMED_JSON", HttpStatus.BAD_REQUEST),
          Map.entry("LIMIT_EXCEEDED", HttpStatus.BAD_REQUEST),
          Map.entry("QUANTITY_INVALID", HttpStatus.UNPROCESSABLE_CONTENT),
          Map.entry("QUANTITY_NOT_CONSERVED", HttpStatus.UNPROCESSABLE_CONTENT),
          Map.entry("EVENT_BEFORE_BATCH", HttpStatus.UNPROCESSABLE_CONTENT),
          Map.entry("AMOUNT_INVALID", HttpStatus.UNPROCESSABLE_CONTENT),
          Map.entry("ACCOUNT_NOT_LEAF", HttpStatus.UNPROCESSABLE_CONTENT),
          Map.entry("VOUCHER_UNBALANCED", HttpStatus.UNPROCESSABLE_CONTENT),
          Map.entry("DECISION_REQUIRED", HttpStatus.UNPROCESSABLE_CONTENT),
          Map.entry("UNAUTHENTICATED", HttpStatus.UNAUTHORIZED),
          Map.entry("ACCESS_DENIED", HttpStatus.FORBIDDEN),
          Map.entry("REGION_OUT_OF_SCOPE", HttpStatus.FORBIDDEN),
          Map.entry("NOT_OWNER", HttpStatus.FORBIDDEN),
          Map.entry("IDENTITY_NOT_FOUND", HttpStatus.FORBIDDEN),
          Map.entry("PRODUCER_NOT_FOUND", HttpStatus.NOT_FOUND),
          Map.entry("BATCH_NOT_FOUND", HttpStatus.NOT_FOUND),
          Map.entry("CERTIFICATE_NOT_FOUND", HttpStatus.NOT_FOUND),
          Map.entry("RECALL_NOT_FOUND", HttpStatus.NOT_FOUND),
          Map.entry("TRANSACTION_NOT_FOUND", HttpStatus.NOT_FOUND),
          Map.entry("CHART_NOT_FOUND", HttpStatus.NOT_FOUND),
          Map.entry("ACCOUNT_NOT_FOUND", HttpStatus.NOT_FOUND),
          Map.entry("VOUCHER_NOT_FOUND", HttpStatus.NOT_FOUND),
          Map.entry("DECISION_NOT_FOUND", HttpStatus.NOT_FOUND),
          Map.entry("CATALOGUE_NOT_FOUND", HttpStatus.NOT_FOUND),
          Map.entry("PUBLICATION_NOT_FOUND", HttpStatus.NOT_FOUND),
          Map.entry("OBJECTION_NOT_FOUND", HttpStatus.NOT_FOUND),
          Map.entry("CONTRACT_NOT_FOUND", HttpStatus.NOT_FOUND),
          Map.entry("ASSET_NOT_FOUND", HttpStatus.NOT_FOUND),
          Map.entry("FUND_ACCOUNT_NOT_FOUND", HttpStatus.NOT_FOUND),
          Map.entry("COOPERATIVE_NOT_FOUND", HttpStatus.NOT_FOUND),
          Map.entry("DISTRIBUTION_NOT_FOUND", HttpStatus.NOT_FOUND),
          Map.entry("NOT_FOUND", HttpStatus.NOT_FOUND),
          Map.entry("METHOD_NOT_ALLOWED", HttpStatus.METHOD_NOT_ALLOWED),
          Map.entry("ALREADY_EXISTS", HttpStatus.CONFLICT),
          Map.entry("EVENT_ID_CONFLICT", HttpStatus.CONFLICT),
          Map.entry("BATCH_RECALLED", HttpStatus.CONFLICT),
          Map.entry("BATCH_NOT_ACTIVE", HttpStatus.CONFLICT),
          Map.entry("INVALID_STATE", HttpStatus.CONFLICT),
          Map.entry("PERIOD_CLOSED", HttpStatus.CONFLICT),
          // The code contract (label code runs, docs/contract-code.md).
          Map.entry("RUN_NOT_FOUND", HttpStatus.NOT_FOUND),
          Map.entry("LOT_BOUND_TO_OTHER_BATCH", HttpStatus.CONFLICT),
          Map.entry("RANGE_OVERLAP", HttpStatus.CONFLICT),
          Map.entry("AGGREGATION_INVALID", HttpStatus.UNPROCESSABLE_CONTENT),
          Map.entry("DIGEST_MISMATCH", HttpStatus.UNPROCESSABLE_CONTENT),
          // The anchor contract (public anchoring, docs/contract-anchor.md).
          Map.entry("ANCHOR_NOT_FOUND", HttpStatus.NOT_FOUND),
          Map.entry("ANCHOR_RANGE_NOT_NEXT", HttpStatus.CONFLICT),
          // Inclusion proofs of the anchoring component (client-app anchor package).
          Map.entry("MALFORMED_PROOF", HttpStatus.BAD_REQUEST),
          Map.entry("PROOF_NOT_FOUND", HttpStatus.NOT_FOUND),
          Map.entry("ANCHOR_NOT_ON_CHAIN", HttpStatus.NOT_FOUND),
          Map.entry("ANCHORING_DISABLED", HttpStatus.SERVICE_UNAVAILABLE),
          Map.entry("CHAIN_UNAVAILABLE", HttpStatus.SERVICE_UNAVAILABLE),
          Map.entry("ALREADY_REVERSED", HttpStatus.CONFLICT),
          // The party contract (党务, docs/contract-party.md).
          Map.entry("PARTY_ORG_NOT_FOUND", HttpStatus.NOT_FOUND),
          Map.entry("PARTY_MEMBER_NOT_FOUND", HttpStatus.NOT_FOUND),
          Map.entry("PARTY_RULES_NOT_FOUND", HttpStatus.NOT_FOUND),
          Map.entry("MEETING_NOT_FOUND", HttpStatus.NOT_FOUND),
          Map.entry("PUBLICATION_SCOPE_INVALID", HttpStatus.UNPROCESSABLE_CONTENT),
          Map.entry("STAGE_SKIPPED", HttpStatus.CONFLICT),
          Map.entry("INTERVAL_NOT_MET", HttpStatus.CONFLICT),

          // The grid contract (grid governance, docs/contract-grid.md).
          Map.entry("GRID_NOT_FOUND", HttpStatus.NOT_FOUND),
          Map.entry("GRID_WORKER_NOT_FOUND", HttpStatus.NOT_FOUND),
          Map.entry("GRID_EVENT_NOT_FOUND", HttpStatus.NOT_FOUND),
          Map.entry("GRID_CATALOGUE_NOT_FOUND", HttpStatus.NOT_FOUND),
          Map.entry("DEPARTMENT_NOT_FOUND", HttpStatus.NOT_FOUND),
          Map.entry("NOT_ASSIGNED", HttpStatus.FORBIDDEN),
          Map.entry("NO_DISPATCH_RULE", HttpStatus.UNPROCESSABLE_CONTENT),
          Map.entry("MVCC_READ_CONFLICT", HttpStatus.CONFLICT),
          Map.entry("PHANTOM_READ_CONFLICT", HttpStatus.CONFLICT),
          Map.entry("DUPLICATE_TXID", HttpStatus.CONFLICT),
          Map.entry("PAYLOAD_TOO_LARGE", HttpStatus.CONTENT_TOO_LARGE),
          Map.entry("UNSUPPORTED_MEDIA_TYPE", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
          Map.entry("LEDGER_UNAVAILABLE", HttpStatus.SERVICE_UNAVAILABLE),
          Map.entry("OUTCOME_UNKNOWN", HttpStatus.SERVICE_UNAVAILABLE),
          Map.entry("INTERNAL_ERROR", HttpStatus.INTERNAL_SERVER_ERROR));

  private ErrorStatus() {}

  /** The status of a known code; an unknown code is an internal error. */
  public static HttpStatus of(String code) {
    return BY_CODE.getOrDefault(code, HttpStatus.INTERNAL_SERVER_ERROR);
  }

  /** Every code this application answers with. */
  public static java.util.Set<String> codes() {
    return BY_CODE.keySet();
  }

  /**
   * The stable code for a ledger failure: the chaincode's code when it gave one, else a code for
   * the stage (the ledger could not be reached, or the outcome is not known).
   */
  static String codeOf(LedgerException e) {
    String code = e.errorCode().orElse(null);
    if ("LEDGER_CLOSED".equals(code)) {
      return "LEDGER_UNAVAILABLE";
    }
    if (code != null && BY_CODE.containsKey(code)) {
      return code;
    }
    return switch (e.stage()) {
      case SUBMIT -> "LEDGER_UNAVAILABLE";
      case COMMIT_STATUS -> "OUTCOME_UNKNOWN";
      case COMMIT, ENDORSE, EVALUATE -> code == null ? "INTERNAL_ERROR" : code;
    };
  }
}
