package cn.xianglian.chaincode.grid.domain;

import cn.xianglian.chaincode.domain.Role;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One signed transition of an event: what, from and to which state, who (party, MSP, role, as the
 * certificate of the transaction says), when it happened ({@code at}) and when the ledger recorded
 * it ({@code recordedAt}, the transaction time), the transaction id, and whether it finished its
 * stage after the stage's limit ({@code late}).
 */
public record Step(
    StepAction action,
    GridStatus from,
    GridStatus to,
    String by,
    String byMsp,
    Role role,
    OffsetDateTime at,
    OffsetDateTime recordedAt,
    String txId,
    String note,
    List<String> evidence,
    String departmentId,
    Boolean passed,
    Integer rating,
    boolean late) {}
