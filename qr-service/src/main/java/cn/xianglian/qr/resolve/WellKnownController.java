package cn.xianglian.qr.resolve;

import cn.xianglian.qr.signing.IssuerKey;
import cn.xianglian.qr.signing.KeyRing;
import cn.xianglian.qr.system.IssuerKeys;
import cn.xianglian.qr.system.QrProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The resolver's self-description ({@code /.well-known/gs1resolver}, GS1 Digital Link resolver
 * conventions) and the issuer's public keys ({@code /.well-known/xl-issuer-keys}) that offline
 * verifiers download once and keep.
 */
@RestController
class WellKnownController {

  private final QrProperties properties;
  private final IssuerKeys keys;

  WellKnownController(QrProperties properties, IssuerKeys keys) {
    this.properties = properties;
    this.keys = keys;
  }

  @GetMapping("/.well-known/gs1resolver")
  Map<String, Object> resolver() {
    Map<String, Object> description = new LinkedHashMap<>();
    description.put("name", "XiangLian 乡链 息烽县农产品溯源解析服务");
    description.put("resolverRoot", properties.resolverBase());
    description.put("supportedPrimaryKeys", List.of("01"));
    description.put("xl:fallbackPrimaryKey", "xl");
    description.put("supportedQualifiers", List.of("10", "21"));
    description.put(
        "supportedLinkTypes",
        List.of(
            LinkType.PIP.relation(),
            LinkType.TRACEABILITY.relation(),
            LinkType.CERTIFICATION_INFO.relation()));
    description.put("linkTypeDefault", LinkType.PIP.relation());
    description.put("linksetMediaType", ResolverController.LINKSET);
    description.put("issuerKeys", properties.resolverBase() + "/.well-known/xl-issuer-keys");
    return description;
  }

  @GetMapping("/.well-known/xl-issuer-keys")
  Map<String, Object> issuerKeys() {
    KeyRing ring = keys.ring();
    List<Map<String, Object>> list =
        ring.keys().stream().map(key -> describe(key, ring.current().keyId())).toList();
    return Map.of("signedMessage", "XL1|<01|xl>/<key>|<lot>|<serial>|<keyId>", "keys", list);
  }

  private static Map<String, Object> describe(IssuerKey key, String current) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("keyId", key.keyId());
    json.put("algorithm", key.algorithm().name());
    json.put("publicKey", key.publicKeyBase64());
    json.put("createdAt", key.createdAt().toString());
    json.put("current", key.keyId().equals(current));
    return json;
  }
}
