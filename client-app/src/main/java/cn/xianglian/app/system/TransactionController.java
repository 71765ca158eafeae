package cn.xianglian.app.system;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Where a transaction was committed (public): block number, timestamp, signing MSP. */
@RestController
@Validated
@Tag(name = "ledger", description = "账本 — transactions")
class TransactionController {

  private final TraceLedger ledger;

  TransactionController(TraceLedger ledger) {
    this.ledger = ledger;
  }

  @GetMapping("/api/v1/transactions/{txId}")
  @Operation(summary = "交易 — where a transaction was committed")
  LedgerRef get(@PathVariable @Pattern(regexp = "[0-9a-fA-F]{1,128}") String txId) {
    return ledger
        .transaction(txId)
        .orElseThrow(
            () ->
                new ApiException(
                    HttpStatus.NOT_FOUND, "TRANSACTION_NOT_FOUND", "unknown transaction " + txId));
  }
}
