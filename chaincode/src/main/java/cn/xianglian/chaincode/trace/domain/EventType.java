package cn.xianglian.chaincode.trace.domain;

import cn.xianglian.chaincode.domain.Coded;

/** EPCIS 2.0 event types. */
public enum EventType implements Coded {
  OBJECT_EVENT("ObjectEvent"),
  AGGREGATION_EVENT("AggregationEvent"),
  TRANSFORMATION_EVENT("TransformationEvent");

  private final String code;

  EventType(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  public static EventType fromCode(String code) {
    return Coded.fromCode(EventType.class, code);
  }
}
