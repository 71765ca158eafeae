package cn.xianglian.app.identity;

import cn.xianglian.app.system.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP Basic over the users file. Public traceability reads (GET of batches, traces, events, EPCIS,
 * certificates, producers) need no login; every write needs one and is signed as the user's wallet
 * identity. Failures answer with the same problem details as the error advice.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

  @Bean
  PasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder();
  }

  @Bean
  SecurityFilterChain api(HttpSecurity http, Problems problems) throws Exception {
    JsonMapper json = JsonMapper.builder().build();
    AuthenticationEntryPoint unauthenticated =
        (request, response, e) -> {
          response.setHeader("WWW-Authenticate", "Basic realm=\"xianglian\", charset=\"UTF-8\"");
          write(response, json, problems, "UNAUTHENTICATED");
        };
    AccessDeniedHandler denied =
        (request, response, e) -> write(response, json, problems, "ACCESS_DENIED");
    return http
        // CSRF protection is off on purpose: this is a stateless API authenticated by HTTP Basic on
        // every request; there is no session cookie a forged cross-site request could ride on.
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
        .exceptionHandling(
            handling ->
                handling.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(HttpMethod.GET, "/api/v1/me")
                    .authenticated()
                    .requestMatchers(HttpMethod.GET, "/api/v1/**")
                    .permitAll()
                    // Anyone may check an inclusion proof (public anchoring).
                    .requestMatchers(HttpMethod.POST, "/api/v1/proofs/verify")
                    .permitAll()
                    .requestMatchers(
                        "/v3/api-docs",
                        "/v3/api-docs/**",
                        "/swagger-ui.html",
                        "/swagger-ui/**",
                        "/actuator/health",
                        "/actuator/health/**",
                        "/actuator/info",
                        "/actuator/prometheus",
                        "/error")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .build();
  }

  private static void write(
      HttpServletResponse response, JsonMapper json, Problems problems, String code)
      throws IOException {
    var problem = problems.of(code, null, null, null);
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), Problems.asMap(problem));
  }
}
