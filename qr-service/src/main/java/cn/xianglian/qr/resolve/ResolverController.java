package cn.xianglian.qr.resolve;

import cn.xianglian.qr.QrException;
import cn.xianglian.qr.digitallink.DigitalLink;
import cn.xianglian.qr.scan.Scan;
import cn.xianglian.qr.scan.ScanRecorder;
import cn.xianglian.qr.system.QrProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * GET on a code's Digital Link path. The default link type {@code gs1:pip} is the consumer page for
 * browsers and product JSON for {@code Accept: application/json}; {@code linkType=gs1:traceability}
 * and {@code gs1:certificationInfo} are JSON; {@code linkType=all} or {@code Accept:
 * application/linkset+json} give the RFC 9264 linkset. Every answer, genuine or not, is recorded as
 * a scan.
 */
@Controller
class ResolverController {

  static final String LINKSET = "application/linkset+json";

  static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

  private final CodeResolver resolver;
  private final ConsumerPages pages;
  private final ScanRecorder scans;
  private final QrProperties properties;
  private final Clock clock;

  ResolverController(
      CodeResolver resolver,
      ConsumerPages pages,
      ScanRecorder scans,
      QrProperties properties,
      Clock clock) {
    this.resolver = resolver;
    this.pages = pages;
    this.scans = scans;
    this.properties = properties;
    this.clock = clock;
  }

  @GetMapping({"/01/**", "/xl/**"})
  Object resolve(
      HttpServletRequest request,
      @RequestParam(name = "k", required = false) String keyId,
      @RequestParam(name = "s", required = false) String signature,
      @RequestParam(name = "linkType", required = false) String linkTypeParameter,
      @RequestParam(name = "lat", required = false) Double lat,
      @RequestParam(name = "lon", required = false) Double lon,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    String rawPath = request.getRequestURI();
    Resolution resolution;
    try {
      resolution = resolver.resolve(rawPath, keyId, signature);
    } catch (QrException e) {
      scans.record(new Scan(clock.instant(), scanKey(rawPath), e.error().name(), null, lat, lon));
      throw e;
    }
    String code = resolution.link().path();
    var stats = scans.stats(code);
    scans.record(new Scan(clock.instant(), code, "OK", resolution.run().batchId(), lat, lon));

    LinkType type = LinkType.of(linkTypeParameter);
    String self = properties.resolverBase() + code;
    String query = "?k=" + keyId + "&s=" + signature;
    if (type == LinkType.ALL || (linkTypeParameter == null && accepts(accept, LINKSET))) {
      return ResponseEntity.ok()
          .contentType(MediaType.parseMediaType(LINKSET))
          .body(linkset(self, query, resolution));
    }
    if (type == LinkType.TRACEABILITY) {
      return json(resolution.batch().trace(), self, query);
    }
    if (type == LinkType.CERTIFICATION_INFO) {
      return json(
          Map.of(
              "batchId", resolution.batch().batchId(),
              "certificates", resolution.batch().certificates()),
          self,
          query);
    }
    if (accepts(accept, "application/json") && !accepts(accept, "text/html")) {
      return json(ProductJson.of(resolution, stats.orElse(null)), self, query);
    }
    return ResponseEntity.ok()
        .contentType(HTML)
        .header(HttpHeaders.LINK, linkHeader(self, query))
        .body(pages.render(resolution, stats.orElse(null)));
  }

  private static ResponseEntity<Object> json(Object body, String self, String query) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.LINK, linkHeader(self, query))
        .body(body);
  }

  static String linkHeader(String self, String query) {
    return "<" + self + query + "&linkType=all>; rel=\"linkset\"; type=\"" + LINKSET + "\"";
  }

  /** RFC 9264 linkset: one context object anchored at the code's canonical URI. */
  static Map<String, Object> linkset(String self, String query, Resolution resolution) {
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("anchor", self);
    List<Map<String, Object>> defaults = new ArrayList<>();
    for (LinkType type : LinkType.values()) {
      if (type == LinkType.ALL) {
        continue;
      }
      Map<String, Object> target = new LinkedHashMap<>();
      target.put("href", self + query + "&linkType=" + type.curie());
      target.put("title", type.titleZh() + " · " + resolution.batch().productName());
      target.put("type", type.mediaType());
      target.put("hreflang", List.of("zh-CN"));
      context.put(type.relation(), List.of(target));
      if (type == LinkType.PIP) {
        defaults.add(target);
      }
    }
    context.put(LinkType.VOCABULARY + "defaultLink", defaults);
    return Map.of("linkset", List.of(context));
  }

  private static boolean accepts(String accept, String mediaType) {
    return accept != null && accept.contains(mediaType);
  }

  /** The canonical path when the link parses, else the raw path cut to the column size. */
  private static String scanKey(String rawPath) {
    try {
      return DigitalLink.parsePath(rawPath).path();
    } catch (QrException e) {
      return rawPath.length() > 200 ? rawPath.substring(0, 200) : rawPath;
    }
  }
}
