package cn.xianglian.qr.issuance;

import cn.xianglian.ledger.Identity;
import cn.xianglian.ledger.LedgerClient;
import cn.xianglian.ledger.LedgerException;
import cn.xianglian.ledger.Proposal;
import cn.xianglian.qr.Caller;
import cn.xianglian.qr.QrError;
import cn.xianglian.qr.QrException;
import cn.xianglian.qr.digitallink.ProductKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The registry on the ledger: the {@code code} contract of docs/contract-code.md. A run is one
 * {@code code:issueRun} transaction; the chaincode re-checks every rule (and the digest) under
 * MVCC, so two services issuing at once cannot overlap. Chaincode error codes map one-to-one to
 * {@link QrError}; a contract that is not deployed gives {@code LEDGER_UNAVAILABLE}.
 */
public final class LedgerCodeRunRegistry implements CodeRunRegistry {

  private final LedgerClient ledger;
  private final Identity reader;
  private final Function<Caller, Identity> signers;

  /**
   * @param reader the identity queries are evaluated as
   * @param signers the ledger identity a caller signs {@code issueRun} with (its wallet identity)
   */
  public LedgerCodeRunRegistry(
      LedgerClient ledger, Identity reader, Function<Caller, Identity> signers) {
    this.ledger = ledger;
    this.reader = reader;
    this.signers = signers;
  }

  @Override
  public CodeRun issue(CodeRun run, Caller issuer) {
    Identity signer = signers.apply(issuer);
    try {
      var submitted =
          ledger.submit(signer, Proposal.of("code", "issueRun", CodeRunJson.issueArgument(run)));
      return CodeRunJson.parse(submitted.result());
    } catch (LedgerException e) {
      throw translate(e, "code:issueRun");
    }
  }

  @Override
  public Optional<CodeRun> find(String runId) {
    try {
      return Optional.of(
          CodeRunJson.parse(ledger.evaluate(reader, Proposal.of("code", "getRun", runId))));
    } catch (LedgerException e) {
      if ("RUN_NOT_FOUND".equals(e.errorCode().orElse(""))) {
        return Optional.empty();
      }
      throw translate(e, "code:getRun");
    }
  }

  @Override
  public List<CodeRun> runsOf(ProductKey product, String lot) {
    try {
      byte[] result =
          ledger.evaluate(
              reader, Proposal.of("code", "getRunsByLot", CodeRunJson.lotArgument(product, lot)));
      List<CodeRun> runs = new ArrayList<>();
      for (JsonNode record : CodeRunJson.tree(result).path("records")) {
        runs.add(CodeRunJson.parse(record));
      }
      return runs;
    } catch (LedgerException e) {
      throw translate(e, "code:getRunsByLot");
    }
  }

  private static QrException translate(LedgerException e, String transaction) {
    String code = e.errorCode().orElse("");
    for (QrError error : QrError.values()) {
      if (error.name().equals(code)) {
        return new QrException(error, transaction + " rejected: " + e.getMessage(), e);
      }
    }
    if ("NOT_OWNER".equals(code) || "REGION_OUT_OF_SCOPE".equals(code)) {
      return new QrException(QrError.ACCESS_DENIED, transaction + ": " + e.getMessage(), e);
    }
    return new QrException(
        QrError.LEDGER_UNAVAILABLE,
        transaction + " failed at " + e.stage() + ": " + e.getMessage(),
        e);
  }
}
