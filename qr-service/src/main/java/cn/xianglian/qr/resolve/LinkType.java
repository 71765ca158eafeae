package cn.xianglian.qr.resolve;

import cn.xianglian.qr.QrError;
import cn.xianglian.qr.QrException;

/** The GS1 link types this resolver answers, by their {@code gs1:} CURIE or full vocabulary URI. */
enum LinkType {
  PIP("gs1:pip", "产品信息", "text/html"),
  TRACEABILITY("gs1:traceability", "溯源信息", "application/json"),
  CERTIFICATION_INFO("gs1:certificationInfo", "承诺达标合格证", "application/json"),
  ALL("all", "全部链接", "application/linkset+json");

  static final String VOCABULARY = "https://gs1.org/voc/";

  private final String curie;
  private final String titleZh;
  private final String mediaType;

  LinkType(String curie, String titleZh, String mediaType) {
    this.curie = curie;
    this.titleZh = titleZh;
    this.mediaType = mediaType;
  }

  String curie() {
    return curie;
  }

  String titleZh() {
    return titleZh;
  }

  String mediaType() {
    return mediaType;
  }

  /** The relation type URI used in linksets, e.g. {@code https://gs1.org/voc/pip}. */
  String relation() {
    return VOCABULARY + curie.substring("gs1:".length());
  }

  /** Parses a {@code linkType} parameter; absent means the default, {@code gs1:pip}. */
  static LinkType of(String parameter) {
    if (parameter == null || parameter.isEmpty()) {
      return PIP;
    }
    for (LinkType type : values()) {
      if (type.curie.equals(parameter)
          || (type != ALL && parameter.equals(type.relationOrNull()))) {
        return type;
      }
    }
    throw new QrException(QrError.LINK_TYPE_UNKNOWN, "linkType not offered here");
  }

  private String relationOrNull() {
    return this == ALL ? null : relation();
  }
}
