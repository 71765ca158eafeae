package cn.xianglian.chaincode.trace.domain;

/** The promises of a 承诺达标合格证 (不使用禁限用农药兽药; 不使用非法添加物; 遵守安全间隔期、休药期; 残留符合国家强制性标准). */
public enum Promise {
  NO_BANNED_PESTICIDES_OR_VET_DRUGS,
  NO_ILLEGAL_ADDITIVES,
  SAFETY_INTERVALS_OBSERVED,
  RESIDUES_WITHIN_STANDARD
}
