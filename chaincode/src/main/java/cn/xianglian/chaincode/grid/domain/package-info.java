/**
 * The grid governance (网格化治理) domain, free of Fabric, Jackson and Spring: the grid structure
 * (county → township → village from the 12-digit 行政区划 code, then {@link
 * cn.xianglian.chaincode.grid.domain.Grid}), pseudonymous grid workers (网格员), the versioned
 * category catalogue with time limits and dispatch rules ({@link
 * cn.xianglian.chaincode.grid.domain.GridCatalogue}), the closed loop of an event (上报 → 受理 → 派遣 →
 * 签收 → 处置 → 核查 → 结案 → 评价) with deadlines and escalation ({@link
 * cn.xianglian.chaincode.grid.domain.GridRules}), and the SLA figures computed from event records
 * ({@link cn.xianglian.chaincode.grid.domain.GridSla}).
 */
package cn.xianglian.chaincode.grid.domain;
