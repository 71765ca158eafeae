/**
 * Party affairs (党务) over HTTP, {@code /api/v1/party}: organisations, members and the 发展党员
 * pipeline, 三会一课 records and overdue detection, 党费 and arrears, 民主评议, 积分 and 党务公开, all answered by
 * the chaincode's {@code party} contract; and the 息烽 party demo dataset ({@code
 * demo/xifeng-party.json}) with its loader.
 */
package cn.xianglian.app.party;
