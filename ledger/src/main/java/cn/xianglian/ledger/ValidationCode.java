package cn.xianglian.ledger;

/** The validation outcomes the adapters report; names follow Fabric's {@code TxValidationCode}. */
public enum ValidationCode {
  VALID,
  MVCC_READ_CONFLICT,
  PHANTOM_READ_CONFLICT,
  ENDORSEMENT_POLICY_FAILURE,
  DUPLICATE_TXID,
  INVALID_OTHER_REASON
}
