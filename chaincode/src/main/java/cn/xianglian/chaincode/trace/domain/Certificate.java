package cn.xianglian.chaincode.trace.domain;

import java.time.OffsetDateTime;
import java.util.List;

/** A 承诺达标合格证 for (part of) a batch. Voided, never deleted. */
public record Certificate(
    String certificateNo,
    String batchId,
    CertificateStyle style,
    CertificateBasis basis,
    List<Promise> promises,
    Quantity quantity,
    String issuer,
    OffsetDateTime issuedAt,
    CertificateStatus status,
    List<String> upstreamCertificateNos,
    String voidReason) {

  public Certificate {
    promises = List.copyOf(promises);
    upstreamCertificateNos = List.copyOf(upstreamCertificateNos);
  }
}
