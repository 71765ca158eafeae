package cn.xianglian.qr.system;

import cn.xianglian.qr.Caller;
import cn.xianglian.qr.QrError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * First line of every request: oversized requests ({@code REQUEST_TOO_LARGE}: URI over {@value
 * #MAX_URI_CHARS} characters, a declared body over {@code xl.qr.max-request-bytes}, or a body
 * without a declared length) and, on {@code /api/**}, authentication ({@code UNAUTHORIZED}): HTTP
 * Basic against the users file, mapped to the user's wallet identity ({@link Callers}). The caller
 * is left in the request attribute {@link Caller#REQUEST_ATTRIBUTE}; what it may do is decided by
 * the endpoint (and, for writes, by the ledger).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestGuardFilter extends OncePerRequestFilter {

  static final int MAX_URI_CHARS = 1024;
  private static final String[] PROTECTED = {"/api/"};

  private final QrProperties properties;
  private final Callers callers;

  RequestGuardFilter(QrProperties properties, Callers callers) {
    this.properties = properties;
    this.callers = callers;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String uri = request.getRequestURI();
    String query = request.getQueryString();
    if (uri.length() + (query == null ? 0 : query.length()) > MAX_URI_CHARS) {
      Problems.write(response, QrError.REQUEST_TOO_LARGE, "request URI too long");
      return;
    }
    long length = request.getContentLengthLong();
    if (length > properties.maxRequestBytes()) {
      Problems.write(response, QrError.REQUEST_TOO_LARGE, "request body too large");
      return;
    }
    if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
      Problems.write(response, QrError.REQUEST_TOO_LARGE, "a body must declare its length");
      return;
    }
    if (isProtected(uri)) {
      Optional<Caller> caller = callers.authenticate(request.getHeader("Authorization"));
      if (caller.isEmpty()) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"xianglian-qr\", charset=\"UTF-8\"");
        Problems.write(response, QrError.UNAUTHORIZED, "login required (HTTP Basic)");
        return;
      }
      request.setAttribute(Caller.REQUEST_ATTRIBUTE, caller.get());
    }
    chain.doFilter(request, response);
  }

  private static boolean isProtected(String uri) {
    for (String prefix : PROTECTED) {
      if (uri.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
