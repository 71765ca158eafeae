package cn.xianglian.chaincode.grid.domain;

/**
 * The SLA figures of one group of events (see {@link GridSla} for the definitions). Rates are in
 * basis points (万分之一, 9500 = 95.00 %), rounded half up, and absent when their denominator is 0; the
 * average rating is ×100 (450 = 4.50).
 */
public record SlaFigures(
    String key,
    int reported,
    int rejected,
    int handled,
    int handledWithin24h,
    int closed,
    int closedOnTime,
    int openOverdue,
    int escalated,
    int rated,
    Integer handledRateBp,
    Integer onTimeRateBp,
    Integer within24hRateBp,
    Integer averageRatingX100) {}
