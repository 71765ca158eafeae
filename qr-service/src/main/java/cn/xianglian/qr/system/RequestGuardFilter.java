package cn.xianglian.qr.system;

import cn.xianglian.qr.QrError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * First line of every request: oversized requests ({@code REQUEST_TOO_LARGE}: URI over {@value
 * #MAX_URI_CHARS} characters, a declared body over {@code xl.qr.max-request-bytes}, or a body
 * without a declared length) and the admin token on protected paths ({@code UNAUTHORIZED}; {@code
 * Authorization: Bearer <xl.qr.admin-token>}; an empty token disables those paths).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestGuardFilter extends OncePerRequestFilter {

  static final int MAX_URI_CHARS = 1024;
  private static final String[] PROTECTED = {"/api/"};

  private final QrProperties properties;

  RequestGuardFilter(QrProperties properties) {
    this.properties = properties;
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
    if (isProtected(uri) && !authorised(request)) {
      Problems.write(response, QrError.UNAUTHORIZED, "admin token required");
      return;
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

  private boolean authorised(HttpServletRequest request) {
    String token = properties.adminToken();
    String header = request.getHeader("Authorization");
    if (token.isEmpty() || header == null || !header.startsWith("Bearer ")) {
      return false;
    }
    return MessageDigest.isEqual(
        token.getBytes(StandardCharsets.UTF_8),
        header.substring(7).getBytes(StandardCharsets.UTF_8));
  }
}
