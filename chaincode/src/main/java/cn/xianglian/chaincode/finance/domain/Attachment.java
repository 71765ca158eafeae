package cn.xianglian.chaincode.finance.domain;

import cn.xianglian.chaincode.domain.Require;

/** A source document (原始凭证: invoice, receipt, contract) kept off the ledger, by its SHA-256. */
public record Attachment(String name, String sha256) {

  public Attachment {
    Require.text("attachment.name", name, 100);
    Require.present("attachment.sha256", sha256);
    Require.optionalSha256("attachment.sha256", sha256);
  }
}
