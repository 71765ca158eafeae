package cn.xianglian.qr.resolve;

import cn.xianglian.qr.QrException;
import cn.xianglian.qr.scan.Scan;
import cn.xianglian.qr.scan.ScanRecorder;
import cn.xianglian.qr.system.QrProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The hot path of a scan, served before Spring MVC: a phone's GET of a printed code (only {@code k}
 * and {@code s} in the query, a browser's {@code Accept: text/html}) that resolves to a genuine
 * code gets its cached consumer page written straight from the cache, with the scan recorded
 * exactly as {@link ResolverController} records it. Anything else — other link types, a location,
 * JSON, or any failure to resolve — goes on to the controller, which answers (and records) it; so
 * this filter changes how fast the common answer is, never what any answer is. The dispatcher's
 * handler mapping, argument resolution, content negotiation and message conversion were most of a
 * cached page's cost.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ConsumerPageFilter extends OncePerRequestFilter {

  private final CodeResolver resolver;
  private final ConsumerPages pages;
  private final ScanRecorder scans;
  private final String resolverBase;
  private final Clock clock;

  ConsumerPageFilter(
      CodeResolver resolver,
      ConsumerPages pages,
      ScanRecorder scans,
      QrProperties properties,
      Clock clock) {
    this.resolver = resolver;
    this.pages = pages;
    this.scans = scans;
    this.resolverBase = properties.resolverBase();
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String uri = request.getRequestURI();
    if (!"GET".equals(request.getMethod()) || !(uri.startsWith("/01/") || uri.startsWith("/xl/"))) {
      return true;
    }
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    if (accept == null
        || !accept.contains("text/html")
        || accept.contains(ResolverController.LINKSET)) {
      return true;
    }
    Map<String, String[]> parameters = request.getParameterMap();
    return parameters.size() != 2
        || !parameters.containsKey("k")
        || !parameters.containsKey("s")
        || parameters.get("k").length != 1
        || parameters.get("s").length != 1;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String keyId = request.getParameter("k");
    String signature = request.getParameter("s");
    Resolution resolution;
    try {
      resolution = resolver.resolve(request.getRequestURI(), keyId, signature);
    } catch (QrException notGenuineOrUnavailable) {
      chain.doFilter(request, response);
      return;
    }
    String code = resolution.link().path();
    var stats = scans.stats(code);
    scans.record(new Scan(clock.instant(), code, "OK", resolution.run().batchId(), null, null));
    byte[] page = pages.render(resolution, stats.orElse(null));
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(ResolverController.HTML.toString());
    response.setHeader(
        HttpHeaders.LINK,
        ResolverController.linkHeader(resolverBase + code, "?k=" + keyId + "&s=" + signature));
    response.setContentLength(page.length);
    response.getOutputStream().write(page);
  }
}
