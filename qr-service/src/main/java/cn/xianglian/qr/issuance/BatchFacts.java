package cn.xianglian.qr.issuance;

import cn.xianglian.qr.digitallink.ProductKey;

/**
 * What issuance needs to know about a batch on the ledger.
 *
 * @param batchId the batch
 * @param product its product key (GTIN or internal code)
 * @param owner the owning party, {@code <mspId>/<partyId>}
 * @param originRegion the 12-digit region code of its origin
 */
public record BatchFacts(String batchId, ProductKey product, String owner, String originRegion) {}
