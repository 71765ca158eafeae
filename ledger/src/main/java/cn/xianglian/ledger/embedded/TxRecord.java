package cn.xianglian.ledger.embedded;

import cn.xianglian.ledger.ValidationCode;
import java.time.Instant;
import java.util.List;

/**
 * One transaction as a block holds it: header (id, creator, timestamp, function and arguments), the
 * validation code the committer gave it, its read-write set, its chaincode event (null name when it
 * set none) and the chaincode response.
 */
record TxRecord(
    String txId,
    String creatorMspId,
    String creatorCertificatePem,
    String function,
    List<String> arguments,
    Instant timestamp,
    ValidationCode validationCode,
    List<RwSet.KeyRead> reads,
    List<RwSet.RangeRead> rangeReads,
    List<RwSet.Write> writes,
    List<RwSet.PvtRead> pvtReads,
    List<RwSet.PvtHashedWrite> pvtWrites,
    String eventName,
    byte[] eventPayload,
    int status,
    byte[] payload) {

  TxRecord {
    arguments = List.copyOf(arguments);
    reads = List.copyOf(reads);
    rangeReads = List.copyOf(rangeReads);
    writes = List.copyOf(writes);
    pvtReads = List.copyOf(pvtReads);
    pvtWrites = List.copyOf(pvtWrites);
  }

  TxRecord withValidationCode(ValidationCode code) {
    return new TxRecord(
        txId,
        creatorMspId,
        creatorCertificatePem,
        function,
        arguments,
        timestamp,
        code,
        reads,
        rangeReads,
        writes,
        pvtReads,
        pvtWrites,
        eventName,
        eventPayload,
        status,
        payload);
  }

  boolean valid() {
    return validationCode == ValidationCode.VALID;
  }
}
