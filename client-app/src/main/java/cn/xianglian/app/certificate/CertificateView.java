package cn.xianglian.app.certificate;

import cn.xianglian.app.batch.QuantityDto;
import cn.xianglian.app.system.LedgerRef;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A certificate's public record. */
@Schema(description = "承诺达标合格证 — public record")
public record CertificateView(
    String certificateNo,
    String batchId,
    String style,
    String basis,
    List<String> promises,
    QuantityDto quantity,
    String issuer,
    String issuedAt,
    @Schema(allowableValues = {"VALID", "VOID"}) String status,
    List<String> upstreamCertificateNos,
    String voidReason,
    String txId,
    LedgerRef ledger) {}
