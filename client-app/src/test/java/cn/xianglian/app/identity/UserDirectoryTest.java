package cn.xianglian.app.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xianglian.app.config.XlProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

@DisplayName("The users file")
class UserDirectoryTest {

  @TempDir Path dataDir;

  private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);

  private XlProperties properties() {
    return new XlProperties(
        "embedded",
        new XlProperties.Data(dataDir),
        new XlProperties.Wallet(dataDir.resolve("wallet"), "public-reader"),
        new XlProperties.Demo(false),
        new XlProperties.Api(65536));
  }

  @Test
  @DisplayName("stores a BCrypt hash, never the password, and maps the user to one identity")
  void storesHash() throws Exception {
    var users = new UserDirectory(properties(), encoder);
    users.put("alice", "s3cret-pass", "coop-alice", "爱丽丝家庭农场");

    String file = Files.readString(dataDir.resolve("users.json"));
    assertThat(file).doesNotContain("s3cret-pass").contains("$2a$");
    var details = users.loadUserByUsername("alice");
    assertThat(encoder.matches("s3cret-pass", details.getPassword())).isTrue();
    assertThat(users.identityOf("alice")).contains("coop-alice");
  }

  @Test
  @DisplayName("is read back on the next start")
  void persists() {
    new UserDirectory(properties(), encoder).put("bob", "pw-12345", "coop-bob", "鲍勃");

    var reopened = new UserDirectory(properties(), encoder);

    assertThat(reopened.identityOf("bob")).contains("coop-bob");
    assertThat(reopened.find("bob"))
        .hasValueSatisfying(u -> assertThat(u.displayName()).isEqualTo("鲍勃"));
  }

  @Test
  @DisplayName("an unknown user is not found")
  void unknown() {
    var users = new UserDirectory(properties(), encoder);
    assertThatThrownBy(() -> users.loadUserByUsername("mallory"))
        .isInstanceOf(UsernameNotFoundException.class);
    assertThat(users.identityOf("mallory")).isEmpty();
  }
}
