package cn.xianglian.chaincode.trace.domain;

import cn.xianglian.chaincode.domain.Require;

/**
 * What an event says beyond its step. A client's {@code recordEvent} may give {@code note}, {@code
 * input} (input-use steps) or {@code inspection} ({@code inspecting}); the contract itself fills
 * {@code shipTo}, {@code loss} and {@code recallHandling}.
 */
public record EventDetail(
    String note,
    InputUse input,
    Inspection inspection,
    String shipTo,
    Quantity loss,
    RecallHandling recallHandling) {

  public EventDetail {
    Require.optionalText("detail.note", note, 500);
  }

  static EventDetail none() {
    return new EventDetail(null, null, null, null, null, null);
  }

  /** Checks a client-given detail against the step it is recorded with. */
  void requireFits(BizStep step) {
    Require.argument(
        shipTo == null && loss == null && recallHandling == null,
        "detail.shipTo, loss and recallHandling are set by their own transactions");
    InputCategory category = step.inputCategory();
    if (category != null) {
      Require.present("detail.input", input);
      Require.argument(input.category() == category, "detail.input.category must be " + category);
    } else {
      Require.argument(input == null, "detail.input is only for input-use steps");
    }
    if (step == BizStep.INSPECTING) {
      Require.present("detail.inspection", inspection);
    } else {
      Require.argument(inspection == null, "detail.inspection is only for inspecting");
    }
  }
}
