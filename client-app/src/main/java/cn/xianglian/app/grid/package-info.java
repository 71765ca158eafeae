/**
 * The grid governance (网格化治理) REST API over the chaincode's {@code grid} contract: the category
 * catalogue and dispatch rules (county), grids and grid workers (township, county), events and
 * complaints through 上报 → 受理 → 派遣 → 签收 → 处置 → 核查 → 结案 → 评价 with escalation, and SLA statistics per
 * grid, village, township, county or department (docs/contract-grid.md). Writes sign as the
 * logged-in user's wallet identity; the contract decides who may do what. Also the 息烽 grid demo
 * data ({@link cn.xianglian.app.grid.GridDemoLoader}).
 */
package cn.xianglian.app.grid;
