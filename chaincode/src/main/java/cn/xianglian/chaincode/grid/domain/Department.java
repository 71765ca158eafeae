package cn.xianglian.chaincode.grid.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import cn.xianglian.chaincode.domain.Require;

/**
 * A department events are dispatched to (综治办, 环保站, 农业服务中心 …). Its id is the {@code xl.party} of the
 * department's certificates (role {@code department}).
 */
public record Department(String departmentId, String name, RegionCode region) {

  public Department {
    Require.id("department.departmentId", departmentId);
    Require.text("department.name", name, 50);
    Require.present("department.region", region);
  }
}
