package cn.xianglian.chaincode.finance.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A 记账凭证 of one village: balanced lines in 分, attachments by hash, the 四议两公开 decision it relies on,
 * and every step of its life as an appended {@link VoucherStep}. Its content never changes after
 * recording; a posted voucher is corrected only by a reversal that names it in {@code reverses}.
 */
public record Voucher(
    String voucherId,
    RegionCode village,
    LocalDate date,
    String period,
    String summary,
    List<VoucherLine> lines,
    List<Attachment> attachments,
    String decisionId,
    String reverses,
    long totalFen,
    int chartVersion,
    VoucherStatus status,
    List<VoucherStep> steps) {

  public Voucher {
    lines = List.copyOf(lines);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
    steps = List.copyOf(steps);
  }

  /** This voucher moved to {@code next} by {@code step}. */
  Voucher with(VoucherStep step) {
    List<VoucherStep> all = new ArrayList<>(steps);
    all.add(step);
    return new Voucher(
        voucherId,
        village,
        date,
        period,
        summary,
        lines,
        attachments,
        decisionId,
        reverses,
        totalFen,
        chartVersion,
        step.status(),
        all);
  }

  /** The step that reached {@code status}, if any. */
  public Optional<VoucherStep> step(VoucherStatus status) {
    return steps.stream().filter(s -> s.status() == status).reduce((first, last) -> last);
  }

  /** The magnitude the approval rules compare with the 大额资金 threshold. */
  public long magnitudeFen() {
    return Money.abs(totalFen);
  }
}
