package cn.xianglian.app.web;

import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Security and language of the pages. Pages have their own filter chain, ahead of the API's: form
 * login at {@code /login} with a session, <strong>CSRF protection on</strong> (every form carries
 * the token), {@code /public/**} open to all, everything else under {@code /web/**} needs a login;
 * what a logged-in user may see (role, region) the controllers decide and answer 403 pages. The
 * REST API keeps its stateless HTTP Basic chain. Language: zh-CN unless {@code ?lang=en}
 * (remembered in a cookie). REST API reads of personal data are written to the access log like the
 * pages' ({@link ApiAccessLog}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  private final ObjectProvider<AccessLog> accessLog;

  /** The access log is absent in the API's web slices (no database); nothing is logged there. */
  WebConfiguration(ObjectProvider<AccessLog> accessLog) {
    this.accessLog = accessLog;
  }

  @Bean
  @Order(1)
  SecurityFilterChain pages(HttpSecurity http) throws Exception {
    return http.securityMatcher("/web/**", "/public/**", "/login", "/logout", "/css/**")
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/public/**", "/login", "/css/**")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/web", false).permitAll())
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
        .build();
  }

  @Bean
  LocaleResolver localeResolver() {
    var resolver = new CookieLocaleResolver("xl-lang");
    resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
    resolver.setCookieMaxAge(Duration.ofDays(365));
    return resolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    var change = new LocaleChangeInterceptor();
    change.setParamName("lang");
    registry.addInterceptor(change).addPathPatterns("/web/**", "/public/**", "/login");
    AccessLog log = accessLog.getIfAvailable();
    if (log != null) {
      registry
          .addInterceptor(new ApiAccessLog(log))
          .addPathPatterns(ApiAccessLog.READS.keySet().toArray(String[]::new));
    }
  }
}
