package cn.xianglian.qr.issuance;

import cn.xianglian.qr.Caller;
import cn.xianglian.qr.digitallink.ProductKey;
import java.util.List;
import java.util.Optional;

/**
 * Where code runs are recorded: the ledger (the {@code code} contract, see docs/contract-code.md)
 * or, in unit tests, memory. Implementations enforce the same rules, in this order: {@code
 * ALREADY_EXISTS} (run id taken with different content; same content returns the recorded run and
 * writes nothing), {@code LOT_BOUND_TO_OTHER_BATCH}, {@code RANGE_OVERLAP}, {@code
 * AGGREGATION_INVALID}.
 */
public interface CodeRunRegistry {

  /**
   * Records a run on behalf of {@code issuer} (whose ledger identity signs it), or returns the
   * identical run recorded before.
   */
  CodeRun issue(CodeRun run, Caller issuer);

  Optional<CodeRun> find(String runId);

  /** Every run of a product and lot (all levels), in order of serial start. Empty when unknown. */
  List<CodeRun> runsOf(ProductKey product, String lot);
}
