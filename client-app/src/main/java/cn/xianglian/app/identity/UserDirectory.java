package cn.xianglian.app.identity;

import cn.xianglian.app.config.XlProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The users file ({@code <xl.data.dir>/users.json}): each user has a BCrypt password hash and acts
 * as exactly one wallet identity. HTTP Basic authentication reads it through {@link
 * UserDetailsService}.
 *
 * <pre>{@code
 * [{"username":"coop-yongjing","passwordHash":"$2a$10$...","identity":"coop-yongjing",
 *   "displayName":"永靖镇贡米专业合作社"}]
 * }</pre>
 */
@Component
public class UserDirectory implements UserDetailsService {

  /** One line of the users file. */
  public record UserEntry(
      String username, String passwordHash, String identity, String displayName) {}

  private final Path file;
  private final PasswordEncoder encoder;
  private final JsonMapper json = JsonMapper.builder().build();
  private volatile Map<String, UserEntry> users;

  UserDirectory(XlProperties properties, PasswordEncoder encoder) {
    this.file = properties.data().dir().resolve("users.json");
    this.encoder = encoder;
    this.users = load(file, json);
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    UserEntry entry = users.get(username);
    if (entry == null) {
      throw new UsernameNotFoundException("no such user");
    }
    return User.withUsername(entry.username()).password(entry.passwordHash()).roles("USER").build();
  }

  /** The wallet label {@code username} acts as. */
  public Optional<String> identityOf(String username) {
    return Optional.ofNullable(users.get(username)).map(UserEntry::identity);
  }

  public Optional<UserEntry> find(String username) {
    return Optional.ofNullable(users.get(username));
  }

  /** Adds or replaces a user, hashing the password with BCrypt, and rewrites the file. */
  public synchronized void put(String username, String password, String identity, String name) {
    var copy = new TreeMap<>(users);
    copy.put(username, new UserEntry(username, encoder.encode(password), identity, name));
    write(copy);
    users = copy;
  }

  private void write(Map<String, UserEntry> entries) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".users", ".tmp");
      json.writerWithDefaultPrettyPrinter()
          .writeValue(temporary.toFile(), new ArrayList<>(entries.values()));
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static Map<String, UserEntry> load(Path file, JsonMapper json) {
    var map = new TreeMap<String, UserEntry>();
    if (Files.isRegularFile(file)) {
      List<UserEntry> entries =
          json.readValue(file.toFile(), new TypeReference<List<UserEntry>>() {});
      entries.forEach(entry -> map.put(entry.username(), entry));
    }
    return map;
  }
}
