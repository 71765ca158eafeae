/**
 * Governance read models and figures: the projection of the grid (网格) and party affairs (党务)
 * records into SQL ({@link cn.xianglian.app.governance.GovernanceTables}, called by the block
 * projector inside each block's database transaction), the grid SLA per township and department
 * ({@link cn.xianglian.app.governance.GridFigures}, the same definitions as the contract's {@code
 * GridSla}) and party-affairs compliance per branch ({@link
 * cn.xianglian.app.governance.PartyFigures}, overdue 三会一课 and dues arrears by the contract's own
 * pure rules). The pages that show them are {@code web.GovernancePages}.
 */
package cn.xianglian.app.governance;
