package cn.xianglian.app.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xianglian.app.config.XlProperties;
import cn.xianglian.app.system.ApiException;
import cn.xianglian.ledger.Identities;
import cn.xianglian.ledger.Identity;
import cn.xianglian.ledger.embedded.EmbeddedCa;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

@DisplayName("The identity a request acts as")
class CallerIdentitiesTest {

  @TempDir Path dataDir;

  private EmbeddedCa ca;
  private Wallet wallet;
  private UserDirectory users;
  private CallerIdentities callers;

  @BeforeEach
  void setUp() {
    var properties =
        new XlProperties(
            "embedded",
            new XlProperties.Data(dataDir),
            new XlProperties.Wallet(dataDir.resolve("wallet"), "public-reader"),
            new XlProperties.Demo(false),
            new XlProperties.Api(65536));
    ca = EmbeddedCa.open(dataDir.resolve("ca"));
    wallet = new Wallet(properties);
    users = new UserDirectory(properties, new BCryptPasswordEncoder(4));
    var beans = new StaticListableBeanFactory();
    beans.addBean("enroller", (IdentityEnroller) ca::enroll);
    callers =
        new CallerIdentities(
            wallet, users, beans.getBeanProvider(IdentityEnroller.class), properties);
  }

  @AfterEach
  void logOut() {
    SecurityContextHolder.clearContext();
  }

  private static void logIn(String username) {
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(
                username, null, List.of(new SimpleGrantedAuthority("ROLE_USER"))));
  }

  @Test
  @DisplayName("a logged-in user writes as its own wallet identity")
  void writerIsTheUsersIdentity() {
    wallet.put(ca.enroll("coop-1", "CoopOrgMSP", Map.of("xl.role", "producer")));
    users.put("alice", "password-1", "coop-1", "Alice");
    logIn("alice");

    Identity writer = callers.writer();

    assertThat(writer.label()).isEqualTo("coop-1");
    assertThat(writer.mspId()).isEqualTo("CoopOrgMSP");
    assertThat(callers.reader()).isEqualTo(writer);
  }

  @Test
  @DisplayName("a user whose identity is missing from the wallet gets IDENTITY_NOT_FOUND")
  void missingIdentity() {
    users.put("bob", "password-2", "not-in-wallet", "Bob");
    logIn("bob");

    assertThatThrownBy(callers::writer)
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo("IDENTITY_NOT_FOUND"));
    assertThat(callers.reader().label()).isEqualTo("public-reader");
  }

  @Test
  @DisplayName("anonymous reads sign as a county auditor enrolled once into the wallet")
  void anonymousReader() {
    Identity reader = callers.reader();

    assertThat(reader.label()).isEqualTo("public-reader");
    assertThat(reader.mspId()).isEqualTo("CountyOrgMSP");
    assertThat(
            Identities.readCertificate(reader.certificatePem())
                .getExtensionValue("1.2.3.4.5.6.7.8.1"))
        .isNotNull();
    assertThat(wallet.contains("public-reader")).isTrue();
    assertThat(callers.reader().certificatePem()).isEqualTo(reader.certificatePem());
  }

  @Test
  @DisplayName("an anonymous write is UNAUTHENTICATED")
  void anonymousWriter() {
    assertThatThrownBy(callers::writer)
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo("UNAUTHENTICATED"));
  }
}
