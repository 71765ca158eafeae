package cn.xianglian.app.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** OpenAPI metadata (served at /v3/api-docs, UI at /swagger-ui.html) and the Basic scheme. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI xiangLianOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("乡链 XiangLian 溯源 API")
                .version("v1")
                .description(
                    "息烽县农产品质量安全追溯 — traceability over a permissioned ledger. Reads are"
                        + " public; writes need HTTP Basic and are signed as the user's ledger"
                        + " identity. Errors are RFC 9457 problem details with a stable `code`."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")));
  }
}
