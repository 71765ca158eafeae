package cn.xianglian.qr.resolve;

import cn.xianglian.qr.digitallink.DigitalLink;
import cn.xianglian.qr.digitallink.Serial;
import cn.xianglian.qr.issuance.CodeRun;
import cn.xianglian.qr.issuance.SerialRange;
import java.util.Optional;

/**
 * A genuine code resolved: its link and serial, the run that issued it, the batch, and its place in
 * the packing hierarchy (the case or pallet holding it, the codes it holds).
 */
public record Resolution(
    DigitalLink link,
    Serial serial,
    CodeRun run,
    BatchView batch,
    Optional<Serial> packedIn,
    Optional<SerialRange> contents) {}
