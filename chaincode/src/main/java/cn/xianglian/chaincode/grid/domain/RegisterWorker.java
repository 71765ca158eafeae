package cn.xianglian.chaincode.grid.domain;

import cn.xianglian.chaincode.domain.Require;

/**
 * The argument of {@code registerWorker} and {@code assignWorker}: grid worker {@code workerId}
 * (the {@code xl.party} of the worker's certificate, issued by MSP {@code mspId}) serves grid
 * {@code gridId}. The worker's name, phone and ID number travel only as transient data.
 */
public record RegisterWorker(String workerId, String mspId, String gridId) {

  public RegisterWorker {
    Require.id("workerId", workerId);
    Require.id("mspId", mspId);
    Require.id("gridId", gridId);
  }
}
