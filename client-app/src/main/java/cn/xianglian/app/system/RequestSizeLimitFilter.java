package cn.xianglian.app.system;

import cn.xianglian.app.config.XlProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses request bodies over {@code xl.api.max-request-bytes} with 413 {@code PAYLOAD_TOO_LARGE}:
 * at once when the declared length is too long, and while reading when a chunked body grows past
 * the limit (the error advice then answers).
 */
@Component
class RequestSizeLimitFilter extends OncePerRequestFilter {

  private final long limitBytes;
  private final Problems problems;
  private final JsonMapper json = JsonMapper.builder().build();

  RequestSizeLimitFilter(XlProperties properties, Problems problems) {
    this.limitBytes = properties.api().maxRequestBytes();
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > limitBytes) {
      var problem =
          problems.of(
              "PAYLOAD_TOO_LARGE", "request body exceeds " + limitBytes + " bytes", null, null);
      response.setStatus(problem.getStatus());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      json.writeValue(response.getOutputStream(), Problems.asMap(problem));
      return;
    }
    chain.doFilter(new Limited(request, limitBytes), response);
  }

  /** Counts the bytes read from the body and fails past the limit. */
  private static final class Limited extends HttpServletRequestWrapper {

    private final long limitBytes;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long limitBytes) {
      super(request);
      this.limitBytes = limitBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new Counting(super.getInputStream(), limitBytes);
      }
      return stream;
    }
  }

  private static final class Counting extends ServletInputStream {

    private final ServletInputStream in;
    private final long limitBytes;
    private long count;

    Counting(ServletInputStream in, long limitBytes) {
      this.in = in;
      this.limitBytes = limitBytes;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        add(n);
      }
      return n;
    }

    private void add(int n) throws PayloadTooLargeException {
      count += n;
      if (count > limitBytes) {
        throw new PayloadTooLargeException(limitBytes);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
